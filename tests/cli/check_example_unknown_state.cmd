check @CASES@/broken/example_unknown_state.tariff
