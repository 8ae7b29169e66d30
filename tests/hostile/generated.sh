#!/usr/bin/env bash
# Hostile inputs too large to keep as files: generated here, each run with a bound on time and
# memory, and checked for its exit code and message. One line per case; exit 1 if any failed.
#   generated.sh TARIFF RULES_DIR [sanitized]
# A sanitizer build reserves terabytes of shadow memory, so it cannot run under `ulimit -v`: with
# `sanitized` the memory bound is left out (the time bound stays), and so is the case that needs it.
set -u
tariff=$1
rules=$2
memory_limit="ulimit -v 2000000;"
[ "${3:-}" = sanitized ] && memory_limit=""
sanitized=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

# expect RC PATTERN -- CMD...: CMD exits RC within 120 s and under 2 GB, and its stdout + stderr
# match PATTERN (grep -E); the output is kept in $work/out.
expect() {
  local rc=$1 pattern=$2 name=$3
  shift 4
  (eval "$memory_limit"; timeout 120 "$@") >"$work/out" 2>&1 </dev/null
  local got=$?
  if [ "$got" != "$rc" ] || ! grep -Eq -- "$pattern" "$work/out"; then
    echo "FAIL $name: exit $got (expected $rc), output:"
    head -c 600 "$work/out"
    echo
    failed=1
  else
    echo "pass $name"
  fi
}

chain() { python3 -c "import sys; print(sys.argv[1] + sys.argv[2] * int(sys.argv[3]))" "$@"; }

# 1. Long operator chains: evaluated in a loop, so no stack overflow; past 100000 values, a
#    syntax error before the tree takes gigabytes.
chain 1 '+1' 10000 >"$work/sum.txt"
expect 0 '^10001$' "eval a 10000-term sum" -- "$tariff" eval --rules "$rules" "$work/sum.txt"
chain 1 '*1' 20000 >"$work/product.txt"
expect 0 '^1$' "eval a 20000-term product" -- "$tariff" eval --rules "$rules" "$work/product.txt"
chain 1 '-1' 20000 >"$work/difference.txt"
expect 0 '^-19999$' "eval a 20000-term difference" -- "$tariff" eval --rules "$rules" "$work/difference.txt"
chain true ' and true' 20000 >"$work/and.txt"
expect 0 '^true$' "eval a 20000-term and" -- "$tariff" eval --rules "$rules" "$work/and.txt"
chain false ' or false' 20000 >"$work/or.txt"
expect 0 '^false$' "a 20000-term or piped into the repl" -- sh -c "\"$tariff\" repl --rules \"$rules\" < \"$work/or.txt\""
chain 'let x = 1' '+1' 200000 >"$work/chain_rules.tariff"
expect 1 'too many values' "check a rule file with a 200000-term let" -- "$tariff" check "$work/chain_rules.tariff"
expect 2 'too many values' "bill beside a rule file with a 200000-term let" -- \
  "$tariff" bill face_recognition 人脸比对=1 --rules "$rules" --rules "$work/chain_rules.tariff"
expect 2 'too many values' "test a rule file with a 200000-term let" -- "$tariff" test "$work/chain_rules.tariff"
chain 1 '+1' 1900000 >"$work/huge_chain.txt"
expect 1 'too many values' "eval a 1.9-million-term sum" -- "$tariff" eval --rules "$rules" "$work/huge_chain.txt"
# Recursion and nesting together (found by red-teaming): bounded, not a stack overflow.
python3 -c 'print("fn f(n) = if n == 0 then 0 else " + "- " * 390 + "f(n - 1)\nf(80)")' >"$work/deep.txt"
expect 1 'evaluation nests too deeply' "recursion inside deep nesting" -- "$tariff" eval --rules "$rules" "$work/deep.txt"

# 4. A long line on a pipe is rejected in linear time, without being held (2 GB of address space
#    would not hold a 300 MB line and its copies).
{ echo 'account,month,product,meter,quantity'; head -c 300000000 /dev/zero | tr '\0' x; echo;
  echo 'a,2026-10,face_recognition,人脸比对,350万'; } >"$work/long_line.csv"
expect 1 'line 2: line longer than 65536 bytes' "rate - with a 300 MB line" -- \
  sh -c "\"$tariff\" rate - --rules \"$rules/face_recognition.tariff\" < \"$work/long_line.csv\""
grep -q '^a,2026-10,face_recognition,CNY,10470,$' "$work/out" || { echo "FAIL the row after the long line was lost"; failed=1; }

# 5. Two outputs naming one file, through a symbolic link too.
echo 'account,month,product,meter,quantity' >"$work/u.csv"
echo 'bills' >"$work/x.csv"
ln -s "$work/x.csv" "$work/link.csv"
expect 2 'are the same file' "rate --out X --rejects X" -- "$tariff" rate "$work/u.csv" --out "$work/x.csv" --rejects "$work/x.csv"
expect 2 'are the same file' "rate --out X --rejects LINK-TO-X" -- "$tariff" rate "$work/u.csv" --out "$work/x.csv" --rejects "$work/link.csv"
expect 2 'are the same file' "rate --out USAGE" -- "$tariff" rate "$work/u.csv" --out "$work/u.csv"
grep -qx bills "$work/x.csv" || { echo "FAIL x.csv was overwritten"; failed=1; }

# 16. A diagnostic shows a window of a long line, not the line.
python3 -c "print('let x = \"' + 'x' * 2800000 + '\" + nope')" >"$work/long_diagnostic.txt"
expect 1 'unknown name' "a diagnostic on a 2.8 MB line" -- "$tariff" eval --rules "$rules" "$work/long_diagnostic.txt"
size=$(wc -c <"$work/out")
[ "$size" -lt 2000 ] || { echo "FAIL the diagnostic is $size bytes"; failed=1; }

# Found by red-teaming. Output to a full disk is an error, not exit 0 with the bills lost.
expect 2 'No space left on device' "bill > /dev/full" -- sh -c "\"$tariff\" bill face_recognition 人脸比对=350万 --rules \"$rules\" > /dev/full"
expect 2 'No space left on device' "rate --out /dev/full" -- "$tariff" rate "$work/u.csv" --out /dev/full --rules "$rules"
expect 2 'No space left on device' "rate > /dev/full" -- sh -c "\"$tariff\" rate \"$work/u.csv\" --rules \"$rules\" > /dev/full"
# TARIFF_PATH naming nothing is an error, not an empty catalogue.
expect 2 'names no rule file' "TARIFF_PATH=:" -- env TARIFF_PATH=: "$tariff" bill face_recognition 人脸比对=1
# More threads than the address space allows: the chunks left run on the threads that started.
printf 'account,month,product,meter,quantity\nb,2026-01,face_recognition,人脸比对,350万\n' >"$work/one.csv"
[ -z "$sanitized" ] && expect 0 '^b,2026-01,face_recognition,CNY,10470,$' "rate --jobs 1000 under 1 GB" -- \
  sh -c "ulimit -v 1000000; \"$tariff\" rate \"$work/one.csv\" --jobs 1000 --rules \"$rules\""

exit $failed
