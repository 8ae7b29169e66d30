check @CASES@/broken/fee_unknown_dimension.tariff
