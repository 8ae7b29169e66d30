bill illustration_object_storage storage=2177.42 GetObject=1234567 egress=123.4 --rules @RULES@/illustration_object_storage.tariff
