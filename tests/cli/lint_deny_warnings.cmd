lint @CASES@/lint/findings.tariff --deny-warnings
