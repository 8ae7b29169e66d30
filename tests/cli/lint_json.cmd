lint @CASES@/lint/findings.tariff --json
