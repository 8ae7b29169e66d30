bill face_fusion 人脸融合=200万 --fee licence=2 --fee qps_upgrade:activity=1,day=7,qps=100 --rules @RULES@/face_fusion.tariff
