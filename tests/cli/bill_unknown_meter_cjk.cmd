bill faceid 照片人脸核生=1 --rules @RULES@/faceid.tariff
