rate @CASES@/meters/over_time.csv --purchases @CASES@/meters/purchases.csv --ledger-out - --rules @RULES@/illustration_translation.tariff
