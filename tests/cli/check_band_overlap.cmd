check @CASES@/broken/band_overlap.tariff
