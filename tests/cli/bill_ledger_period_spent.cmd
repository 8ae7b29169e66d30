bill illustration_gpu_compute gpu=40 --month 2027-12 --period-spent 300 --ledger @CASES@/../rate/over_time/bill_commitment.csv --account ana --rules @RULES@/illustration_gpu_compute.tariff
