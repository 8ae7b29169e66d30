bill faceid 活体人脸核身=15000 --buy 活体人脸核身=1万 --explain --rules @RULES@/faceid.tariff
