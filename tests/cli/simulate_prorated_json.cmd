simulate @CASES@/../../examples/a_suspension.tariff --json --rules @RULES@/illustration_messaging.tariff
