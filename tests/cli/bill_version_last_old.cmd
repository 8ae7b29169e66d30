bill illustration_translation 文本翻译=21000 --month 2026-12 --rules @RULES@/illustration_translation.tariff
