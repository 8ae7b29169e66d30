test @CASES@/hostile/rule_tests.tariff
