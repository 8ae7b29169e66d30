check @CASES@/broken/meter_added_first.tariff
