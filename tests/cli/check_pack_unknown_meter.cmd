check @CASES@/broken/pack_unknown_meter.tariff
