check @CASES@/broken/band_gap.tariff --color always
