bill face_recognition 人脸比对=1__0 --rules @RULES@/face_recognition.tariff
