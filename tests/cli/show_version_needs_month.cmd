show illustration_translation --rules @RULES@/illustration_translation.tariff
