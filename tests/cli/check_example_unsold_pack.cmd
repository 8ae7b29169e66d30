check @CASES@/broken/example_unsold_pack.tariff
