check @CASES@/broken/syntax_cjk_cell.tariff
