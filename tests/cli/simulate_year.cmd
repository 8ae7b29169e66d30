simulate @CASES@/../../examples/a_year_of_packs.tariff --rules @RULES@
