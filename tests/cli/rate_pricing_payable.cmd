rate @CASES@/pricing/usage.csv --rules @RULES@/illustration_object_storage.tariff --rules @RULES@/face_recognition.tariff
