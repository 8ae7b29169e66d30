bill face_recognition 人脸比对=1.5 --rules @RULES@/face_recognition.tariff
