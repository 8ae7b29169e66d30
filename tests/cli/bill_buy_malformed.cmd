bill face_recognition 人脸比对=100 --buy 人脸比对=1000万× --rules @RULES@/face_recognition.tariff
