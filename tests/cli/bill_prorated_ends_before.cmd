bill illustration_messaging sms=800 --suspended-since 2027-01-15 --suspended-until 2027-01-14 --month 2027-01 --rules @RULES@/illustration_messaging.tariff
