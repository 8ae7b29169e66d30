rate @CASES@/../rate/versions_packs_usage.csv --packs @CASES@/../rate/versions_packs.csv --detail --rules @RULES@/illustration_translation.tariff
