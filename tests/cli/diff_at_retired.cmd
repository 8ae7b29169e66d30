diff illustration_translation --at 2027-12 --at 2028-01 --rules @RULES@/illustration_translation.tariff
