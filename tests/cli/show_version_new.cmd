show illustration_translation --month 2027-01 --rules @RULES@/illustration_translation.tariff
