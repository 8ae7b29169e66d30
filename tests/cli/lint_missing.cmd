lint @CASES@/lint/nothing.tariff
