lint @CASES@/lint/findings.tariff
