check @CASES@/broken/band_gap.tariff @CASES@/broken/row_width.tariff @CASES@/broken/syntax_cjk_cell.tariff
