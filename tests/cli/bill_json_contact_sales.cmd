bill faceid 活体人脸核身=25万 --json --rules @RULES@/faceid.tariff
