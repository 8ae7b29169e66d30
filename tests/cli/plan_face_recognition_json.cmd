plan face_recognition 人脸比对=3000万 --json --rules @RULES@/face_recognition.tariff
