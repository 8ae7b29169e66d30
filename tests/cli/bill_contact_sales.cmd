bill faceid 活体人脸核身=25万 --rules @RULES@/faceid.tariff
