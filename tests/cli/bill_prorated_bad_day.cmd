bill illustration_messaging sms=800 --suspended-since 2027-02-29 --month 2027-02 --rules @RULES@/illustration_messaging.tariff
