diff @CASES@/diff/old.tariff @CASES@/diff/change.tariff --usage @CASES@/diff/usage.csv
