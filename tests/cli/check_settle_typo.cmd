check @CASES@/broken/settle_typo.tariff
