bill face_recognition 人脸比对=100 --buy 人脸比对=100万x1.5 --rules @RULES@/face_recognition.tariff
