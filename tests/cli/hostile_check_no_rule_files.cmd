check @CASES@/hostile/no_rules
