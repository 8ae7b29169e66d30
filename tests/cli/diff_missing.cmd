diff @CASES@/diff/old.tariff @CASES@/diff/nothing.tariff
