rate @CASES@/meters/usage.csv --rules @RULES@/illustration_translation.tariff
