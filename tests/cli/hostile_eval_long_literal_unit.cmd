eval -e 1234567890123456789012345678901234567890万 --rules @RULES@/face_recognition.tariff
