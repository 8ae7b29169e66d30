fmt --check @CASES@/broken/keyword_typo.tariff
