bill face_fusion 人脸融合=10万 --state licensed --rules @RULES@/face_fusion.tariff
