check @CASES@/hostile/let_fails.tariff
