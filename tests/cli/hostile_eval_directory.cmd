eval @CASES@/hostile
