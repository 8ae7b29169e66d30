diff @CASES@/diff/old.tariff @CASES@/diff/price_cut.tariff
