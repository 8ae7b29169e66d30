plan face_recognition 人脸比对=100 --rules @CASES@/hostile/face_recognition_again.tariff --rules @RULES@/face_recognition.tariff
