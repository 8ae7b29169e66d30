#!/usr/bin/env bash
# The macro benchmark (never run in CI). Generates a month of usage with a fixed seed, then times
# with /usr/bin/time -v: `tariff rate --jobs 1` pinned to one core (taskset), `--jobs 2` on the
# machine's cores, `--jobs 1` over months (an opening ledger for a third of the accounts and
# purchases for a fifth, bench/generate_ledger.py, the closing ledger written), the two C++ floors
# (parse-and-sum, newline-and-comma count) pinned likewise,
# the Python rater, and DuckDB's GROUP BY on one and two threads (npm's @duckdb/node-api, installed
# into bench/out/duckdb); checks that tariff and Python give identical output, and prints rows/s,
# peak RSS, ratios and the load average. Debian's /usr/bin/python3 runs the Python.
#
#   bench/run_macro.sh                    # 10M rows, 100,000 accounts, all five products
#   DUCKDB=0 bench/run_macro.sh           # without DuckDB
#   PACKAGE=1 bench/run_macro.sh          # also the Python package and a Dask LocalCluster
#   ROWS=1000000 bench/run_macro.sh       # smaller
#   PY_ROWS=1000000 bench/run_macro.sh    # Python on a 1M-row prefix only, its time scaled up
#   PRODUCTS=face_recognition,faceid bench/run_macro.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
OUT=$ROOT/bench/out
ROWS=${ROWS:-10000000}
ACCOUNTS=${ACCOUNTS:-100000}
PY_ROWS=${PY_ROWS:-$ROWS}
PRODUCTS=${PRODUCTS:-face_recognition,faceid,face_recognition_intl,face_fusion,body_analysis}
[ -x /usr/bin/time ] || { echo "run_macro: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
mkdir -p "$OUT"

if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
fi
cmake --build "$BUILD" -j2 --target tariff tariff_floor ${PACKAGE:+tariff_python} >&2
TARIFF=$BUILD/tariff
FLOOR=$BUILD/bench/tariff_floor

USAGE=$OUT/usage_${ROWS}_${ACCOUNTS}_$(echo "$PRODUCTS" | md5sum | cut -c1-8).csv
if [ ! -f "$USAGE" ]; then
  /usr/bin/python3 "$ROOT/bench/generate_usage.py" "$USAGE" --rows "$ROWS" --accounts "$ACCOUNTS" --products "$PRODUCTS"
fi

# measure NAME ROWS CMD...: runs CMD under /usr/bin/time -v, keeps wall, cpu seconds and peak RSS.
declare -A WALL CPU RSS N
measure() {
  local name=$1 rows=$2; shift 2
  local log=$OUT/time_$name.txt
  local rc=0
  /usr/bin/time -v -o "$log" "$@" || rc=$?
  if [ "$rc" -gt 1 ]; then  # 1 is expected: tariff rejects the deliberate contact-sales bills
    echo "run_macro: $name failed (exit $rc)" >&2
    exit 1
  fi
  WALL[$name]=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")
  CPU[$name]=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$log")
  RSS[$name]=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$log")
  N[$name]=$rows
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
CORE=$(($(nproc) - 1))  # the single-threaded runs are pinned to the last core
measure tariff_j1 "$ROWS" taskset -c "$CORE" "$TARIFF" rate "$USAGE" --jobs 1 --out "$OUT/tariff_j1.csv" 2> "$OUT/tariff_j1.err"
measure tariff_j2 "$ROWS" "$TARIFF" rate "$USAGE" --jobs 2 --out "$OUT/tariff_j2.csv" 2> "$OUT/tariff_j2.err"
LEDGER=$OUT/ledger_$ACCOUNTS.csv BUYS=$OUT/buys_$ACCOUNTS.csv
[ -f "$LEDGER" ] || /usr/bin/python3 "$ROOT/bench/generate_ledger.py" "$LEDGER" "$BUYS" --accounts "$ACCOUNTS"
measure ledger "$ROWS" taskset -c "$CORE" "$TARIFF" rate "$USAGE" --jobs 1 --ledger "$LEDGER" --purchases "$BUYS" \
  --ledger-out "$OUT/ledger_close.csv" --out "$OUT/tariff_ledger.csv" 2> "$OUT/tariff_ledger.err"
grep -q "conservation check held" "$OUT/tariff_ledger.err" || { echo "run_macro: the ledger run did not balance" >&2; exit 1; }
measure floor "$ROWS" taskset -c "$CORE" "$FLOOR" sum "$USAGE"
measure count "$ROWS" taskset -c "$CORE" "$FLOOR" count "$USAGE"
PY_INPUT=$USAGE
if [ "$PY_ROWS" -lt "$ROWS" ]; then
  PY_INPUT=$OUT/prefix_$PY_ROWS.csv
  head -n $((PY_ROWS + 1)) "$USAGE" > "$PY_INPUT"
fi
measure python "$PY_ROWS" sh -c '/usr/bin/python3 "$1" "$2" > "$3" 2> "$4"' sh "$ROOT/bench/python_rater.py" "$PY_INPUT" "$OUT/python.csv" "$OUT/python.err"
RUNS="tariff_j1 tariff_j2 ledger floor count python"
if [ "${DUCKDB:-1}" != 0 ] && command -v node > /dev/null; then
  [ -d "$OUT/duckdb/node_modules/@duckdb/node-api" ] ||
    npm install --prefix "$OUT/duckdb" --no-audit --no-fund @duckdb/node-api > /dev/null
  for t in 1 2; do
    measure "duckdb_$t" "$ROWS" env DUCKDB_DIR="$OUT/duckdb" node "$ROOT/bench/duckdb_groupby.cjs" "$USAGE" "$t"
  done
  RUNS="$RUNS duckdb_1 duckdb_2"
fi

# Same output, byte for byte: tariff on the rows Python rated, and --jobs 1 against --jobs 2.
cmp "$OUT/tariff_j1.csv" "$OUT/tariff_j2.csv" || { echo "run_macro: --jobs 1 and --jobs 2 differ" >&2; exit 1; }
TARIFF_ON_PY=$OUT/tariff_j1.csv
if [ "$PY_INPUT" != "$USAGE" ]; then
  TARIFF_ON_PY=$OUT/tariff_prefix.csv
  "$TARIFF" rate "$PY_INPUT" --out "$TARIFF_ON_PY" 2> /dev/null || true
fi
if cmp -s "$TARIFF_ON_PY" "$OUT/python.csv"; then SAME=identical; else SAME=DIFFERENT; fi
grep '^rate: total' "$OUT/tariff_j1.err" | sed 's/^rate: /tariff: /' >&2 || true
grep '^python: total' "$OUT/python.err" >&2 || true

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.2f", (s > 0 ? n / s / 1e6 : 0) }'; }
# Python's rows/s measured on PY_ROWS, which scales its time to the whole file.
secs() { awk -v w="$1" -v n="$2" -v rows="$ROWS" 'BEGIN { printf "%.2f", w * rows / n }'; }

echo
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $ROWS rows, $ACCOUNTS accounts, $(stat -L -c %s "$USAGE" | awk '{printf "%.0f MB", $1 / 1e6}')"
printf '%-12s %10s %10s %12s %12s %10s\n' run "wall s" "cpu s" "M rows/s" "M rows/cpu-s" "peak MB"
for name in $RUNS; do
  printf '%-12s %10s %10s %12s %12s %10s\n' "$name" "$(secs "${WALL[$name]}" "${N[$name]}")" "$(secs "${CPU[$name]}" "${N[$name]}")" \
    "$(rate "${N[$name]}" "${WALL[$name]}")" "$(rate "${N[$name]}" "${CPU[$name]}")" "${RSS[$name]}"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "python / tariff --jobs 1 (rows/s ratio): wall $(ratio "$(rate "${N[tariff_j1]}" "${WALL[tariff_j1]}")" "$(rate "${N[python]}" "${WALL[python]}")")x, cpu $(ratio "$(rate "${N[tariff_j1]}" "${CPU[tariff_j1]}")" "$(rate "${N[python]}" "${CPU[python]}")")x"
echo "tariff --jobs 1 / floor (time ratio): wall $(ratio "${WALL[tariff_j1]}" "${WALL[floor]}"), cpu $(ratio "${CPU[tariff_j1]}" "${CPU[floor]}")"
echo "tariff --jobs 1 / newline-and-comma count (time ratio): wall $(ratio "${WALL[tariff_j1]}" "${WALL[count]}"), cpu $(ratio "${CPU[tariff_j1]}" "${CPU[count]}")"
echo "--jobs 2 speed-up over --jobs 1 (wall): $(ratio "${WALL[tariff_j1]}" "${WALL[tariff_j2]}")x"
echo "--jobs 1 over months (ledger and purchases) / without (cpu time ratio): $(ratio "${CPU[ledger]}" "${CPU[tariff_j1]}")"
echo "tariff and Python output: $SAME ($(($(wc -l < "$OUT/python.csv") - 1)) bills compared)"
echo "load average before the runs: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${PACKAGE:-}" ]; then
  PYTHONPATH="$BUILD/python" /usr/bin/python3 "$ROOT/bench/python_package.py" "$USAGE" "$OUT/tariff_j1.csv"
fi
[ "$SAME" = identical ]
