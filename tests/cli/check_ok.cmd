check @RULES@/face_recognition.tariff
