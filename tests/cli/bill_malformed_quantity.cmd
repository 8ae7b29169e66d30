bill face_recognition 人脸比对=35x --rules @RULES@/face_recognition.tariff
