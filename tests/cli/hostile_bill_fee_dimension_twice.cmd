bill face_fusion --fee licence:activity=1,activity=2 --rules @RULES@/face_fusion.tariff
