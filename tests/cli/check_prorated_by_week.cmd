check @CASES@/broken/prorated_by_week.tariff
