check @CASES@/broken/pack_contact_sales.tariff
