check @CASES@/broken/unknown_meter.tariff
