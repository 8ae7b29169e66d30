diff @CASES@/diff/versions_old.tariff @CASES@/diff/versions_new.tariff
