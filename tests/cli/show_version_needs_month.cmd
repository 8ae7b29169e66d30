show illustration_translation --rules @RULES@/illustration_price_cut.tariff
