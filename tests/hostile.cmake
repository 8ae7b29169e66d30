# Hostile inputs generated at test time (long chains, a 300 MB line on a pipe, files that alias
# each other), each checked for its exit code and message: tests/hostile/generated.sh.
if(TARIFF_SANITIZE)
  set(HOSTILE_SANITIZED sanitized)
endif()
add_test(NAME hostile_generated
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/hostile/generated.sh $<TARGET_FILE:tariff> ${PROJECT_SOURCE_DIR}/rules
                 ${HOSTILE_SANITIZED})
set_tests_properties(hostile_generated PROPERTIES TIMEOUT 600)
