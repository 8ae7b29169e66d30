check @CASES@/broken/band_gap.tariff --format json
