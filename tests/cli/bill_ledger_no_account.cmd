bill face_recognition 人脸比对=150万 --ledger @CASES@/../rate/over_time/bill_ledger.csv --month 2027-01 --rules @RULES@/face_recognition.tariff
