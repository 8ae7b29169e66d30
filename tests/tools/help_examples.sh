#!/bin/sh
# Runs every `example` line of cli/commands.txt with the program under test: each must exit 0.
# usage: help_examples.sh TARIFF SOURCE_DIR (run from SOURCE_DIR)
tariff=$1
source=$2
failed=0
count=0
grep '^example ' "$source/cli/commands.txt" | sed 's/^example tariff //' > "${TMPDIR:-/tmp}/tariff_examples.$$"
while IFS= read -r line; do
  count=$((count + 1))
  if ! eval "env -u TARIFF_PATH \"\$tariff\" $line" >/dev/null 2>"${TMPDIR:-/tmp}/tariff_example_err.$$" </dev/null; then
    echo "FAIL: tariff $line"
    cat "${TMPDIR:-/tmp}/tariff_example_err.$$"
    failed=$((failed + 1))
  fi
done < "${TMPDIR:-/tmp}/tariff_examples.$$"
rm -f "${TMPDIR:-/tmp}/tariff_examples.$$" "${TMPDIR:-/tmp}/tariff_example_err.$$"
echo "$count examples, $failed failed"
[ "$count" -gt 10 ] && [ "$failed" -eq 0 ]
