# The README runs: every ```console and ```sh block of README.md is run from the source tree and
# its output compared (conventions at the top of tests/readme/run_readme.py). Release builds only:
# the README's `cmake --install build` installs this build.
if(NOT TARIFF_SANITIZE)
  add_test(NAME readme_runs
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/readme/run_readme.py $<TARGET_FILE:tariff> ${PROJECT_SOURCE_DIR}
                   ${PROJECT_BINARY_DIR})
  set_tests_properties(readme_runs PROPERTIES TIMEOUT 300)
endif()
