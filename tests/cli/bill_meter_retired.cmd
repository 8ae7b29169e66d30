bill illustration_translation SpeechTranslate=500 --month 2028-01 --rules @RULES@/illustration_translation.tariff
