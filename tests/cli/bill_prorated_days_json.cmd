bill illustration_messaging sms=800 --suspended-until 2027-01-10 --month 2027-01 --json --rules @RULES@/illustration_messaging.tariff
