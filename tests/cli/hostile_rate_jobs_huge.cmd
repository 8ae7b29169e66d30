rate @CASES@/hostile/usage_bom.csv --jobs 100000 --rules @RULES@/face_recognition.tariff
