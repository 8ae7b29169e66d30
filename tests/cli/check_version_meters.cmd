check @CASES@/broken/version_meters.tariff
