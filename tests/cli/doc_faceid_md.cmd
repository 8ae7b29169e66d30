doc faceid --rules @RULES@/faceid.tariff
