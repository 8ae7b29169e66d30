eval @CASES@/hostile/invalid_utf8_script.tariff
