simulate @CASES@/commitment_scenario.tariff --rules @RULES@/illustration_gpu_compute.tariff
