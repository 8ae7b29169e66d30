diff illustration_translation --at 2026-12 --at 2027-01 --usage @CASES@/versions/usage.csv --rules @RULES@/illustration_translation.tariff
