check @CASES@/hostile/invalid_utf8.tariff
