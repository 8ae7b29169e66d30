bill face_recognition 人脸比对=150万 --month 2027-01 --ledger @CASES@/../rate/over_time/bill_ledger.csv --account acme --rules @RULES@/face_recognition.tariff
