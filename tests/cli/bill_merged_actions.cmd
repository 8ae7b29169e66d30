bill face_recognition CreatePerson=100万 CreateFace=250万 --json --rules @RULES@/face_recognition.tariff
