show illustration_translation --month 2028-01 --rules @RULES@/illustration_translation.tariff
