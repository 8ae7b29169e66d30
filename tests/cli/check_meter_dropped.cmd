check @CASES@/broken/meter_dropped.tariff
