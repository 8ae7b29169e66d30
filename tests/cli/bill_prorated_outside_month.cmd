bill illustration_messaging sms=800 --suspended-since 2027-02-15 --month 2027-01 --rules @RULES@/illustration_messaging.tariff
