check @CASES@/hostile/bom.tariff
