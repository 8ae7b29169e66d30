bill facied 活体人脸核身=1 --rules @RULES@/faceid.tariff
