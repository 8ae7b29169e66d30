bill illustration_gpu_compute gpu=40 --month 2028-03 --ledger @CASES@/../rate/over_time/bill_commitment.csv --account ana --rules @RULES@/illustration_gpu_compute.tariff
