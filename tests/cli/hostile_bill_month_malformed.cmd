bill faceid 活体人脸核身=100 --month 2026-+1 --trial-since 2026-01 --rules @RULES@/faceid.tariff
