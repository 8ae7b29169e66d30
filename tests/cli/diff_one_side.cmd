diff @CASES@/diff/old.tariff
