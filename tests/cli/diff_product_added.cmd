diff @CASES@/diff/old.tariff @CASES@/diff/two
