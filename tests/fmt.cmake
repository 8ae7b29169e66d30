# tariff fmt: the bundled rules are kept formatted (fmt --check lists any file that is not, exit 1),
# and --check finds a file that is not (a copy of a bundled file, spaced badly, at test time).
# Idempotence and unchanged bills on every bundled file: tests/unit/test_format.cpp.
add_test(NAME fmt_rules_formatted COMMAND tariff fmt --check ${PROJECT_SOURCE_DIR}/rules)
add_test(NAME fmt_check_finds_unformatted
         COMMAND sh -c "f=$(mktemp --suffix=.tariff) && sed 's/^  currency CNY/currency    CNY/' \"$1\" > \"$f\" && \"$0\" fmt --check \"$f\"; rc=$?; \"$0\" fmt \"$f\" 2>/dev/null && \"$0\" fmt --check \"$f\"; rc2=$?; rm -f \"$f\"; [ $rc = 1 ] && [ $rc2 = 0 ]"
                 $<TARGET_FILE:tariff> ${PROJECT_SOURCE_DIR}/rules/faceid.tariff)
