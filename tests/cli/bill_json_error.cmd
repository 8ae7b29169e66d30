bill face_recognition 人脸融合=1 --json --rules @RULES@/face_recognition.tariff
