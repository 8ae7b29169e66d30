check @CASES@/broken/meter_not_added.tariff
