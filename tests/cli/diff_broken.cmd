diff @CASES@/diff/old.tariff @CASES@/broken/band_gap.tariff
