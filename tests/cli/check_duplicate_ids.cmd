check @CASES@/broken/duplicate_ids.tariff
