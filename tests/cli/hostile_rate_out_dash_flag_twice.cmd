rate @CASES@/hostile/usage_bom.csv --out - --detail --detail --rules @RULES@/face_recognition.tariff
