lint @RULES@/face_recognition.tariff
