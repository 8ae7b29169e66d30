rate @CASES@/hostile/usage_bom.csv --packs @CASES@/hostile/packs_product_typo.csv --rules @RULES@/face_recognition.tariff
