bill face_recognition 人脸比对=5万 --month 2026-08 --ledger @CASES@/../rate/over_time/bill_ledger.csv --account acme --ledger-out - --rules @RULES@/face_recognition.tariff
