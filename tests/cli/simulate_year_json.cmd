simulate @CASES@/../../examples/a_year_of_packs.tariff --json --rules @RULES@
