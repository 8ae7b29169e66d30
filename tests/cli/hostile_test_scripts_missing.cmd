test --rules @RULES@/face_recognition.tariff --scripts /nonexistent/scripts
