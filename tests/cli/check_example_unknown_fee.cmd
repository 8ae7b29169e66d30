check @CASES@/broken/example_unknown_fee.tariff
