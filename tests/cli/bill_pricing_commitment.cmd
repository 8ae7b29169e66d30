bill illustration_gpu_compute gpu=40 --period-spent 900 --rules @RULES@/illustration_gpu_compute.tariff
