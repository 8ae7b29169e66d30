bill illustration_messaging sms=1.5 --rules @RULES@/illustration_messaging.tariff
