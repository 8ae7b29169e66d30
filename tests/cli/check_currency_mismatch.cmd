check @CASES@/broken/currency_mismatch.tariff
