bill faceid 活体人脸核身=1 --trail --rules @RULES@/faceid.tariff
