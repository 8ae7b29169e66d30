bill face_recognition 人脸搜索=5200万 --held 人脸搜索=5000万/5000万 --rules @RULES@/face_recognition.tariff
