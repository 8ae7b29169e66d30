bill face_recognition_sdk detect_platform=3 --json --rules @RULES@/face_recognition_sdk.tariff
