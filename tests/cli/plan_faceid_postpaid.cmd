plan faceid 活体人脸核身=30万 --rules @RULES@/faceid.tariff
