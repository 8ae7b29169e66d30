rate @CASES@/hostile/usage_bom.csv --rules @RULES@/face_recognition.tariff
