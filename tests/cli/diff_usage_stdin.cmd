diff @CASES@/diff/old.tariff @CASES@/diff/change.tariff --usage -
