bill face_recognition 人脸融合=1 --rules @RULES@/face_recognition.tariff
