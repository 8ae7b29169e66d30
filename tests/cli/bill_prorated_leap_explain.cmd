bill illustration_messaging --suspended-since 2028-02-29 --month 2028-02 --explain --rules @RULES@/illustration_messaging.tariff
