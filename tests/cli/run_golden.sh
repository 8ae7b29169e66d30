#!/usr/bin/env bash
# Golden test of the command line: run_golden.sh TARIFF CASE.cmd
#
# CASE.cmd holds one shell-quoted line, the arguments after `tariff`. Placeholders:
#   @CASES@  the directory of the case (tests/cli), written as "." since the command runs there,
#            so broken rule files read `check @CASES@/broken/band_gap.tariff`;
#   @RULES@  the bundled rules/ directory of the source tree (shown as @RULES@ in the output).
# The output is compared with CASE.out: stdout, then "--- stderr" and stderr if there is any
# (kept apart so the test also pins what goes to which stream); the exit code with CASE.rc.
#
# To regenerate after a deliberate change:  UPDATE_GOLDEN=1 ctest -R golden_   (then review the diff)
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 TARIFF CASE.cmd" >&2
  exit 2
fi
tariff=$1
case_file=$2
cases_dir=$(cd "$(dirname "$case_file")" && pwd)
rules_dir=$(cd "$cases_dir/../../rules" && pwd)
base=${case_file%.cmd}

line=$(cat "$case_file")
line=${line//@CASES@/.}
line=${line//@RULES@/$rules_dir}
eval "set -- $line"

out=$(mktemp)
err=$(mktemp)
actual=$(mktemp)
trap 'rm -f "$out" "$err" "$actual"' EXIT

# Only the case decides where rules come from, and the output does not depend on the terminal.
(cd "$cases_dir" && env -u TARIFF_PATH LC_ALL=C.UTF-8 "$tariff" "$@" >"$out" 2>"$err" </dev/null)
rc=$?
{
  cat "$out"
  if [ -s "$err" ]; then
    echo "--- stderr"
    cat "$err"
  fi
} | sed -e "s|$rules_dir|@RULES@|g" >"$actual"

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$actual" "$base.out"
  echo "$rc" >"$base.rc"
  echo "updated $base.out ($rc)"
  exit 0
fi

status=0
if ! diff -u "$base.out" "$actual"; then
  echo "FAIL: output differs from $base.out (UPDATE_GOLDEN=1 to regenerate)" >&2
  status=1
fi
expected_rc=$(cat "$base.rc" 2>/dev/null || echo missing)
if [ "$rc" != "$expected_rc" ]; then
  echo "FAIL: exit code $rc, expected $expected_rc" >&2
  status=1
fi
exit $status
