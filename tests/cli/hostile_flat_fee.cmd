bill p --fee plan --rules @CASES@/hostile/flat_fee.tariff
