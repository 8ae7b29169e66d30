# Golden tests of the command line: one CTest per tests/cli/*.cmd, comparing stdout, stderr and
# the exit code with the .out and .rc beside it (see tests/cli/run_golden.sh).
# Regenerate after a deliberate change: UPDATE_GOLDEN=1 ctest -R golden_ ; then review the diff.
file(GLOB TARIFF_GOLDEN_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/cli/*.cmd)
foreach(case ${TARIFF_GOLDEN_CASES})
  get_filename_component(name ${case} NAME_WE)
  add_test(NAME golden_${name}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/run_golden.sh $<TARGET_FILE:tariff> ${case})
endforeach()
