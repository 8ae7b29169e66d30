simulate @CASES@/../../examples/a_suspension.tariff --rules @RULES@/illustration_messaging.tariff
