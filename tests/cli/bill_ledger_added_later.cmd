bill illustration_translation 文本翻译=21000 --month 2027-06 --ledger @CASES@/meters/ledger.csv --account acme --rules @RULES@/illustration_translation.tariff
