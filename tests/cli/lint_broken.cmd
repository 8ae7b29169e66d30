lint @CASES@/broken/band_gap.tariff
