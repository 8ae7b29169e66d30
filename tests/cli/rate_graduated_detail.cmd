rate @CASES@/hostile/graduated_usage.csv --detail --rules @RULES@/face_recognition_sdk.tariff
