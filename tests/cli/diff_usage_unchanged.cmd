diff @CASES@/diff/old.tariff @CASES@/diff/old.tariff --usage @CASES@/diff/usage.csv
