bill illustration_object_storage storage=10.5 --rules @RULES@/illustration_object_storage.tariff
