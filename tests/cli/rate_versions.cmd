rate @CASES@/versions/usage.csv --rules @RULES@/illustration_price_cut.tariff
