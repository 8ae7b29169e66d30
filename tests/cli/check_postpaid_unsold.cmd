check @CASES@/broken/postpaid_unsold.tariff
