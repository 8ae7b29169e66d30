# Runs a command for CTest and checks its exit code and output, so that a test can fail on either
# (CTest's PASS_REGULAR_EXPRESSION alone ignores the exit code):
#   cmake -DCMD="exe|arg|arg" [-DRC=n] [-DOUT=regex on stdout] [-DERR=regex on stderr]
#         [-DSTDIN=file] -P run_expect.cmake
# Arguments are '|'-separated because CTest passes a ';' list as separate words. RC defaults to 0.
string(REPLACE "|" ";" command "${CMD}")
set(input)
if(STDIN)
  set(input INPUT_FILE ${STDIN})
endif()
execute_process(COMMAND ${command} ${input} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT DEFINED RC)
  set(RC 0)
endif()
if(NOT rc STREQUAL RC)
  message(FATAL_ERROR "exit ${rc}, expected ${RC}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED OUT AND NOT out MATCHES "${OUT}")
  message(FATAL_ERROR "stdout does not match '${OUT}':\n${out}\nstderr:\n${err}")
endif()
if(DEFINED ERR AND NOT err MATCHES "${ERR}")
  message(FATAL_ERROR "stderr does not match '${ERR}':\n${err}")
endif()
