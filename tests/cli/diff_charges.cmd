diff @CASES@/diff/charges_old.tariff @CASES@/diff/charges_new.tariff
