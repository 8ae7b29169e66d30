bill face_recognition --buy 人脸比对=500万 --rules @RULES@/face_recognition.tariff
