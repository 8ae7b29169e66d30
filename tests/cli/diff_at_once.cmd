diff illustration_translation --at 2026-12 --rules @RULES@/illustration_translation.tariff
