rate @CASES@/versions/usage.csv --rules @RULES@/illustration_translation.tariff
