rate @CASES@/hostile/usage_bom.csv --packs @CASES@/hostile --rules @RULES@/face_recognition.tariff
