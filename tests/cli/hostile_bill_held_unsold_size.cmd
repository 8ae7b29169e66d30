bill face_recognition 人脸比对=100 --held 人脸比对=500/7 --rules @RULES@/face_recognition.tariff
