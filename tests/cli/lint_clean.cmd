lint @CASES@/lint/clean.tariff --deny-warnings
