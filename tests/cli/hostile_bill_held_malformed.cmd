bill face_recognition 人脸比对=100 --held 人脸比对=500/100万x --rules @RULES@/face_recognition.tariff
