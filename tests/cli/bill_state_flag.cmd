bill face_fusion 人脸融合=10万 --licensed --rules @RULES@/face_fusion.tariff
