check @CASES@/broken/decimal_comma.tariff
