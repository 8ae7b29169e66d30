bill face_recognition 人脸搜索=5200万 --buy 人脸搜索=5000万 --rules @RULES@/face_recognition.tariff
