show faceid --rules @RULES@/faceid.tariff
