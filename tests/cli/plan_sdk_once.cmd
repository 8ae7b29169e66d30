plan face_recognition_sdk detect_device=120 --rules @RULES@/face_recognition_sdk.tariff
