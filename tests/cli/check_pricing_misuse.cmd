check @CASES@/broken/pricing_misuse.tariff
