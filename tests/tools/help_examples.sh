#!/bin/sh
# Runs every example the help shows (`tariff help --examples`: cli/commands.txt's, filled from the
# bundled rules' worked examples) with the program under test: each must exit 0.
# usage: help_examples.sh TARIFF SOURCE_DIR (run from SOURCE_DIR)
tariff=$1
source=$2
failed=0
count=0
env -u TARIFF_PATH "$tariff" help --examples | sed 's/^tariff //' > "${TMPDIR:-/tmp}/tariff_examples.$$"
while IFS= read -r line; do
  count=$((count + 1))
  if ! eval "env -u TARIFF_PATH \"\$tariff\" $line" >/dev/null 2>"${TMPDIR:-/tmp}/tariff_example_err.$$" </dev/null; then
    echo "FAIL: tariff $line"
    cat "${TMPDIR:-/tmp}/tariff_example_err.$$"
    failed=$((failed + 1))
  fi
done < "${TMPDIR:-/tmp}/tariff_examples.$$"
rm -f "${TMPDIR:-/tmp}/tariff_examples.$$" "${TMPDIR:-/tmp}/tariff_example_err.$$"
table=$(grep -c '^example ' "$source/cli/commands.txt")
echo "$count examples of $table, $failed failed"
[ "$count" -eq "$table" ] && [ "$failed" -eq 0 ]
