check @CASES@/broken/version_order.tariff
