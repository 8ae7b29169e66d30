bill faceid live_verify=100 --trial --month 2027-03 --trial-since 2026-01 --rules @RULES@/faceid.tariff
