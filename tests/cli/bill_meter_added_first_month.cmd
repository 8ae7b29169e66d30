bill illustration_translation 语音翻译=500 文本翻译=21000 --month 2027-07 --rules @RULES@/illustration_translation.tariff
