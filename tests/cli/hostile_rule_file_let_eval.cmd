eval -e 1 --rules @CASES@/hostile/let_fails.tariff
