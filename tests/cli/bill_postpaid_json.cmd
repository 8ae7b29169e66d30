bill face_recognition 人脸比对=350万 --json --rules @RULES@/face_recognition.tariff
