bill face_recognition_sdk detect_platform=3 --rules @RULES@/face_recognition_sdk.tariff
