bill illustration_gpu_compute gpu=40 --month 2027-12 --ledger @CASES@/../rate/over_time/bill_commitment.csv --account ana --ledger-out - --rules @RULES@/illustration_gpu_compute.tariff
