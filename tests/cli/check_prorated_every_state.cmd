check @CASES@/broken/prorated_every_state.tariff
