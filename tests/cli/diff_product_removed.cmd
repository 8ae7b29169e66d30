diff @CASES@/diff/two @CASES@/diff/old.tariff --json
