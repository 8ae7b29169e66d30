rate @CASES@/hostile/usage_typos.csv
