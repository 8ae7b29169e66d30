bill illustration_translation 语音翻译=500 --month 2027-06 --rules @RULES@/illustration_translation.tariff
