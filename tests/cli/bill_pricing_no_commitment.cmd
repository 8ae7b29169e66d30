bill face_recognition 人脸比对=1 --period-spent 900 --rules @RULES@/face_recognition.tariff
