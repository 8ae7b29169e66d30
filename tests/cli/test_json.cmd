test @RULES@/faceid.tariff --json --scripts ../repl/failing
