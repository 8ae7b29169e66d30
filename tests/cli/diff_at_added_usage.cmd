diff illustration_translation --at 2027-06 --at 2027-07 --usage @CASES@/meters/usage.csv --rules @RULES@/illustration_translation.tariff
