check @CASES@/broken/no_such_file.tariff
