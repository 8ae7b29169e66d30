# Batch rating (`tariff rate`): sums, API actions, rejects and their exit code, contact sales, the
# packs file, stdin, and output that does not change with --jobs. Rules are named explicitly so
# that rule files being written elsewhere cannot change these outputs.
set(RATE_DIR ${CMAKE_CURRENT_SOURCE_DIR}/rate)
set(RATE_RULES "--rules|${PROJECT_SOURCE_DIR}/rules/face_recognition.tariff|--rules|${PROJECT_SOURCE_DIR}/rules/faceid.tariff")

function(rate_test name)
  add_test(NAME rate_${name} COMMAND ${CMAKE_COMMAND} -DTARIFF=$<TARGET_FILE:tariff> ${ARGN} -P ${RATE_DIR}/check.cmake)
endfunction()

rate_test(sums "-DARGS=${RATE_RULES}|${RATE_DIR}/basic.csv" -DOUT=${RATE_DIR}/basic.out
          "-DERR=rate: 5 rows read, 5 rated, 0 rejected \\(0 rejects\\); 2 accounts\nrate: total CNY 20933\n")
rate_test(stdin "-DARGS=${RATE_RULES}|-" -DSTDIN=${RATE_DIR}/basic.csv -DOUT=${RATE_DIR}/basic.out)
rate_test(rejects_file "-DARGS=${RATE_RULES}|${RATE_DIR}/rejects.csv|--rejects|${CMAKE_CURRENT_BINARY_DIR}/rate_rejects.csv"
          -DRC=1 -DOUT=${RATE_DIR}/rejects.out -DFILE=${CMAKE_CURRENT_BINARY_DIR}/rate_rejects.csv
          -DFILE_EXPECT=${RATE_DIR}/rejects.expect "-DERR=11 rows read, 3 rated, 8 rejected \\(7 rejects\\)")
rate_test(rejects_stderr "-DARGS=${RATE_RULES}|${RATE_DIR}/rejects.csv" -DRC=1
          "-DERR=tariff: line 3: wrong column count.*line 9: faceid .*contact sales for a quote \\(2 rows\\)")
rate_test(packs "-DARGS=${RATE_RULES}|${RATE_DIR}/packs_usage.csv|--packs|${RATE_DIR}/packs.csv|--detail"
          -DOUT=${RATE_DIR}/packs.out)
rate_test(jobs_identical "-DARGS=${RATE_RULES}|${RATE_DIR}/mixed.csv|--jobs|1|--detail" -DRC=1
          "-DSAME_AS=${RATE_RULES}|${RATE_DIR}/mixed.csv|--jobs|2|--detail")
rate_test(jsonl "-DARGS=${RATE_RULES}|${RATE_DIR}/basic.csv|--format|jsonl"
          "-DERR=total CNY 20933")
rate_test(bad_header "-DARGS=${RATE_RULES}|${RATE_DIR}/packs.csv" -DRC=2 "-DERR=header must be")
rate_test(bad_jobs "-DARGS=${RATE_RULES}|${RATE_DIR}/basic.csv|--jobs|0" -DRC=2 "-DERR=--jobs")
# The mapped file read in rounds by several threads, each summing its share of the prefixes, gives
# byte for byte what the one-stream reader gives, on a file with every kind of odd row.
find_program(TARIFF_TEST_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(TARIFF_TEST_PYTHON)
  add_test(NAME rate_partitioned
           COMMAND ${TARIFF_TEST_PYTHON} ${RATE_DIR}/partitioned.py $<TARGET_FILE:tariff> ${PROJECT_SOURCE_DIR}/rules
                   ${CMAKE_CURRENT_BINARY_DIR}/rate_partitioned)
endif()

# --detail writes every line of a bill (meters, packs and fees bought, recurring fees, true-ups):
# bill by bill, their amounts sum to the total.
if(TARIFF_TEST_PYTHON)
  add_test(NAME rate_detail_sums_to_totals
           COMMAND ${TARIFF_TEST_PYTHON} ${RATE_DIR}/detail_sums.py $<TARGET_FILE:tariff> ${PROJECT_SOURCE_DIR}/rules)
endif()

# Over months: purchases, ledgers, states, alerts, rejected rows of each file, and chained runs
# equal to one run (tests/rate/over_time).
add_test(NAME rate_over_time_cases
         COMMAND ${RATE_DIR}/over_time/cases.sh $<TARGET_FILE:tariff> ${PROJECT_SOURCE_DIR}/rules)
add_test(NAME rate_over_time_chained_equals_one_run
         COMMAND ${RATE_DIR}/over_time/chain.sh $<TARGET_FILE:tariff> ${PROJECT_SOURCE_DIR}/rules)

# The scenario file the README plays with `tariff simulate` holds expectations: tariff test
# replays them (exit 1 if one fails).
add_test(NAME examples_scenario_replays
         COMMAND $<TARGET_FILE:tariff> test ${PROJECT_SOURCE_DIR}/rules ${PROJECT_SOURCE_DIR}/examples/a_year_of_packs.tariff)
add_test(NAME examples_suspension_replays
         COMMAND $<TARGET_FILE:tariff> test ${PROJECT_SOURCE_DIR}/rules ${PROJECT_SOURCE_DIR}/examples/a_suspension.tariff)
