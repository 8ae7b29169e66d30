bill face_recognition_sdk detect_device=49 --rules @RULES@/face_recognition_sdk.tariff
