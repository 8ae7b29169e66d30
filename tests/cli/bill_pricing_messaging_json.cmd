bill illustration_messaging sms=10001 voice=45.5 bulk=2500 --json --rules @RULES@/illustration_messaging.tariff
