check @CASES@/broken/grant_unknown_meter.tariff
