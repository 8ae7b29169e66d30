check @CASES@/broken/meter_retired_priced.tariff
