bill nosuch 人脸比对=1 --rules @RULES@/face_recognition.tariff
