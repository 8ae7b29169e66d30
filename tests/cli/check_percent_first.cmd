check @CASES@/broken/percent_first.tariff
