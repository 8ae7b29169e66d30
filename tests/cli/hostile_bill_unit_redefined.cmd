bill face_recognition 人脸比对=350万 --rules @CASES@/hostile/redefines_unit.tariff --rules @RULES@/face_recognition.tariff
