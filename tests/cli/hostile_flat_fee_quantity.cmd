bill p --fee plan=1 --rules @CASES@/hostile/flat_fee.tariff
