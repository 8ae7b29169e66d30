diff @CASES@/diff/old.tariff @CASES@/diff/band_added.tariff
