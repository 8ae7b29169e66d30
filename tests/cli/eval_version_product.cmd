eval @CASES@/versions/script.tariff --rules @RULES@/illustration_translation.tariff
