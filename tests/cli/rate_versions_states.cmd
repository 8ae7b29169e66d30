rate @CASES@/versions/usage.csv --rules @RULES@/illustration_translation.tariff --accounts @CASES@/versions/states.csv
