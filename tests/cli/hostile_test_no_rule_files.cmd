test @CASES@/hostile/no_rules
