bill illustration_messaging sms=800 --suspended-since 2027-01-15 --rules @RULES@/illustration_messaging.tariff
