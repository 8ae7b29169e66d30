show illustration_translation --month 2026-12 --rules @RULES@/illustration_translation.tariff
