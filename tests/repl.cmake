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

# expect_test(NAME RC CMD [OUT=regex] [ERR=regex]): CMD ('|'-separated) exits RC with output
# matching, checked by tests/tools/run_expect.cmake (the exit code and the output both count).
function(expect_test name rc cmd)
  cmake_parse_arguments(E "" "OUT;ERR" "" ${ARGN})
  set(checks)
  if(DEFINED E_OUT)
    list(APPEND checks "-DOUT=${E_OUT}")
  endif()
  if(DEFINED E_ERR)
    list(APPEND checks "-DERR=${E_ERR}")
  endif()
  add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} "-DCMD=${cmd}" -DRC=${rc} ${checks}
                                -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/run_expect.cmake)
endfunction()

# The stdlib and worked-example scripts of tests/scripts, against the face recognition rules and
# the products fees_and_plans.tariff needs (face_fusion's fees, faceid's plan, the SDK's bands).
expect_test(script_tests 0
  "$<TARGET_FILE:tariff>|test|--rules|${TARIFF_FACE_RULES}|--rules|${PROJECT_SOURCE_DIR}/rules/face_fusion.tariff|--rules|${PROJECT_SOURCE_DIR}/rules/faceid.tariff|--rules|${PROJECT_SOURCE_DIR}/rules/face_recognition_sdk.tariff|--rules|${PROJECT_SOURCE_DIR}/rules/illustration_translation.tariff|--scripts|${CMAKE_CURRENT_SOURCE_DIR}/scripts"
  OUT "pass +script .*stdlib.tariff:.*[0-9]+ passed, 0 failed\n$")

# A failing expect is reported with both sides, and fails the run.
expect_test(script_tests_fail 1
  "$<TARGET_FILE:tariff>|test|--rules|${TARIFF_FACE_RULES}|--scripts|${CMAKE_CURRENT_SOURCE_DIR}/repl/failing"
  OUT "FAIL +script .*failing.tariff:2 expect 1 \\+ 1 == 3: expect failed: 2 == 3.*[0-9]+ passed, 1 failed")

expect_test(eval_expression 0
  "$<TARGET_FILE:tariff>|eval|--rules|${TARIFF_FACE_RULES}|-e|total(bill(face_recognition, 人脸比对 = 350万))"
  OUT "^10,470 CNY\n$")

expect_test(eval_json 0
  "$<TARGET_FILE:tariff>|eval|--json|--rules|${TARIFF_FACE_RULES}|-e|pack_price(face_recognition, 人脸比对, 1000万)"
  OUT "^{\"amount\":\"30400\",\"currency\":\"CNY\"}\n$")

# An error: file:line:col, the line, a caret; exit 1.
expect_test(eval_error 1
  "$<TARGET_FILE:tariff>|eval|--rules|${TARIFF_FACE_RULES}|-e|let x = 1\nx + 2 CNY"
  ERR "<-e>:2:1: error\\[type\\]: cannot add money and a plain number\n +2 \\| x \\+ 2 CNY\n +\\| \\^\\^\\^\\^\\^\\^\\^\\^\\^")

# Hostile REPL input (the hardening issue): :explain of statements, commands given arguments they
# do not take, a :load that fails and must load nothing. Run from the source tree, so that the
# paths in its transcript are the same on every machine.
add_test(NAME repl_piped_hostile
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/repl/run_piped.sh $<TARGET_FILE:tariff> rules/face_recognition.tariff
                 tests/repl/hostile.tariff tests/repl/hostile.golden
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# The workbench issue's REPL items: :load failing loads nothing, :help TOPIC, did you mean for
# commands, functions, names and products, _ the last value, :wan in bill tables, quit.
add_test(NAME repl_piped_workbench
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/repl/run_piped.sh $<TARGET_FILE:tariff> rules/face_recognition.tariff
                 tests/repl/workbench.tariff tests/repl/workbench.golden
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# :show of a product with versions: without a month it asks for one; with one, the version in
# force then; a month before the first version and a malformed month are errors.
add_test(NAME repl_piped_versions
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/repl/run_piped.sh $<TARGET_FILE:tariff>
                 rules/illustration_translation.tariff tests/repl/versions.tariff tests/repl/versions.golden
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
