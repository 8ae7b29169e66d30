bill illustration_translation 文本翻译=21000 --month 2027-03 --ledger @CASES@/meters/ledger_2027.csv --account acme --ledger-out - --rules @RULES@/illustration_translation.tariff
