bill illustration_translation 文本翻译=21000 --month 2028-04 --ledger @CASES@/meters/ledger.csv --account acme --ledger-out - --rules @RULES@/illustration_translation.tariff
