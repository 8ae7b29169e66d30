check @CASES@/broken/row_width.tariff
