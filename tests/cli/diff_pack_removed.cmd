diff @CASES@/diff/old.tariff @CASES@/diff/pack_removed.tariff
