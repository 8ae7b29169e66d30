simulate --rules @RULES@/face_recognition.tariff
