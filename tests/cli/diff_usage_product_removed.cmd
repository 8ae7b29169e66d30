diff @CASES@/diff/two @CASES@/diff/old.tariff --usage @CASES@/diff/usage_kiosk.csv
