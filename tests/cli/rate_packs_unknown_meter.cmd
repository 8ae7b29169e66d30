rate @CASES@/hostile/usage_bom.csv --packs @CASES@/hostile/packs_meter_typo.csv --rules @RULES@/face_recognition.tariff
