bill illustration_messaging sms=20万 --rules @RULES@/illustration_messaging.tariff
