rate @CASES@/hostile/usage_bom.csv --rejects /nonexistent/rejects.csv --rules @RULES@/face_recognition.tariff
