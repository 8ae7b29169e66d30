bill face_recognition 人脸比对=350万 --rules @RULES@/face_recognition.tariff --rules @CASES@/hostile/face_recognition_again.tariff
