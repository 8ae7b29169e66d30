repl --rules @CASES@/hostile/face_recognition_again.tariff --rules @RULES@/face_recognition.tariff
