test @CASES@/hostile/empty.tariff
