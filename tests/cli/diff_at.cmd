diff illustration_translation --at 2026-12 --at 2027-01 --rules @RULES@/illustration_translation.tariff
