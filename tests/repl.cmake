# Scripts and the REPL: the tmux-driven terminal session, the piped session against its golden
# transcript, `tariff eval`, and `tariff test` on script files.
set(TARIFF_FACE_RULES ${PROJECT_SOURCE_DIR}/rules/face_recognition.tariff)

find_program(TMUX tmux)
if(TMUX)
  add_test(NAME repl_tmux_session
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/repl/tmux_session.sh $<TARGET_FILE:tariff> ${TARIFF_FACE_RULES})
  set_tests_properties(repl_tmux_session PROPERTIES TIMEOUT 120)
endif()

add_test(NAME repl_piped_golden
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/repl/run_piped.sh $<TARGET_FILE:tariff> ${TARIFF_FACE_RULES}
                 ${CMAKE_CURRENT_SOURCE_DIR}/repl/session.tariff ${CMAKE_CURRENT_SOURCE_DIR}/repl/session.golden)

# The stdlib and worked-example scripts of tests/scripts, against the face recognition rules and
# the two products fees_and_plans.tariff needs (face_fusion's fees, faceid's plan).
add_test(NAME script_tests
         COMMAND tariff test --rules ${TARIFF_FACE_RULES} --rules ${PROJECT_SOURCE_DIR}/rules/face_fusion.tariff
                 --rules ${PROJECT_SOURCE_DIR}/rules/faceid.tariff
                 --rules ${PROJECT_SOURCE_DIR}/rules/face_recognition_sdk.tariff --scripts ${CMAKE_CURRENT_SOURCE_DIR}/scripts)
set_tests_properties(script_tests PROPERTIES PASS_REGULAR_EXPRESSION "pass +script .*stdlib.tariff:" FAIL_REGULAR_EXPRESSION "FAIL|[1-9][0-9]* failed")

# A failing expect is reported with both sides, and fails the run.
add_test(NAME script_tests_fail
         COMMAND sh -c "\"$0\" test --rules \"$1\" --scripts \"$2\"; test $? -eq 1"
                 $<TARGET_FILE:tariff> ${TARIFF_FACE_RULES} ${CMAKE_CURRENT_SOURCE_DIR}/repl/failing)
set_tests_properties(script_tests_fail PROPERTIES
  PASS_REGULAR_EXPRESSION "FAIL +script .*failing.tariff:2 expect 1 \\+ 1 == 3: expect failed: 2 == 3.*[0-9]+ passed, 1 failed")

add_test(NAME eval_expression
         COMMAND tariff eval --rules ${TARIFF_FACE_RULES} -e "total(bill(face_recognition, 人脸比对 = 350万))")
set_tests_properties(eval_expression PROPERTIES PASS_REGULAR_EXPRESSION "^10,470 CNY\n$")

add_test(NAME eval_json
         COMMAND tariff eval --json --rules ${TARIFF_FACE_RULES} -e "pack_price(face_recognition, 人脸比对, 1000万)")
set_tests_properties(eval_json PROPERTIES PASS_REGULAR_EXPRESSION "^{\"amount\":\"30400\",\"currency\":\"CNY\"}\n$")

# An error: file:line:col, the line, a caret; exit 1.
add_test(NAME eval_error
         COMMAND sh -c "\"$0\" eval --rules \"$1\" -e 'let x = 1
x + 2 CNY' 2>&1; test $? -eq 1"
                 $<TARGET_FILE:tariff> ${TARIFF_FACE_RULES})
set_tests_properties(eval_error PROPERTIES
  PASS_REGULAR_EXPRESSION "<-e>:2:1: error: cannot add money and a plain number\n +2 \\| x \\+ 2 CNY\n +\\| \\^\\^\\^\\^\\^\\^\\^\\^\\^")
