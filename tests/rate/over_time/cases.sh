#!/usr/bin/env bash
# tariff rate over months, against the files kept beside this script: a run with purchases and
# states (bills, closing ledger, alerts, summary), bad ledger rows, bad purchases and states rows
# (each a reject with its file, line and reason, exit 1), and options that exclude each other.
#   cases.sh TARIFF RULES_DIR ; UPDATE=1 rewrites the expected files (review the diff).
set -uo pipefail
tariff=$1
rules=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$here"
failed=0

# case_ NAME RC ARGS...: writes NAME.out / NAME.err and whatever files ARGS name under $work, and
# compares each with the kept NAME.* file.
case_() {
  local name=$1 rc=$2
  shift 2
  "$tariff" rate "$@" --rules "$rules" >"$work/$name.out" 2>"$work/$name.err"
  local got=$?
  [ "$got" = "$rc" ] || { echo "FAIL $name: exit $got, expected $rc"; cat "$work/$name.err"; failed=1; }
  for f in "$work/$name".*; do
    local kept
    kept="$here/expected/$(basename "$f")"
    if [ -n "${UPDATE:-}" ]; then cp "$f" "$kept"; continue; fi
    cmp -s "$f" "$kept" || { echo "FAIL $name: $(basename "$f") differs"; diff "$kept" "$f" | head -20; failed=1; }
  done
}

case_ run 0 usage.csv --purchases buy.csv --accounts states.csv --ledger-out "$work/run.ledger" --alerts "$work/run.alerts"
case_ bad 1 bad_usage.csv --ledger bad_ledger.csv --ledger-out "$work/bad.ledger" --rejects "$work/bad.rejects"
case_ buy 1 bad_usage.csv --purchases bad_buy.csv --accounts bad_states.csv --rejects "$work/buy.rejects"
# Days in the states file: a rental prorated by the days out of `suspended`; an account in a state
# billed in a month of the run without usage rows; a day past its month's end and an end before the
# start rejected.
case_ prorated 1 prorated_usage.csv --accounts prorated_states.csv --rejects "$work/prorated.rejects"

# A minimum commitment of 1200 a year: each account's year opens with its first bill, the ledger
# keeps what is left to bill, and the year's last month is billed (without usage if need be) and
# trued up: ana's 2027-12 (1200 − 300 = 900), bo's 2028-02 (met: none), cy's 2028-04 is past the
# run. Two runs, 2027 and 2028, chained by the ledger give the bills (in another order) and the
# ledger of one.
case_ committed 0 committed_usage.csv --ledger-out "$work/committed.ledger"
{ head -1 committed_usage.csv; grep ',2027-' committed_usage.csv; } >"$work/c2027.csv"
{ head -1 committed_usage.csv; grep ',2028-' committed_usage.csv; } >"$work/c2028.csv"
"$tariff" rate "$work/c2027.csv" --rules "$rules" --ledger-out "$work/c2027.ledger" >"$work/chained" 2>/dev/null &&
  "$tariff" rate "$work/c2028.csv" --rules "$rules" --ledger "$work/c2027.ledger" --ledger-out "$work/c2028.ledger" \
    2>/dev/null | tail -n +2 >>"$work/chained" &&
  cmp -s <(sort "$work/chained") <(sort "$work/committed.out") && cmp -s "$work/c2028.ledger" "$work/committed.ledger" ||
  { echo "FAIL committed: two runs chained differ from one"; diff "$work/committed.out" "$work/chained"; failed=1; }
# Commitment rows of a ledger checked against the rules (a meter named, another amount, another
# expiry, more left than the commitment, a negative amount, a product without one), and a period
# that ended unbilled with a shortfall (eve's, 2025-06 … 2026-05): its account's rows are rejected.
case_ committed_rows 1 committed_late.csv --ledger committed_ledger.csv --ledger-out "$work/committed_rows.ledger" \
  --rejects "$work/committed_rows.rejects"

# A product with versions (the price cut of 2027-01, packs valid 1 year before it, 6 months
# after): each pack keeps the validity it was bought under, in one run and in a ledger written by
# one run and read by the next (bought 2027-02, expiring 2027-08, was refused as not 1 year).
case_ versions 0 versions_usage.csv --purchases versions_buy.csv --ledger-out "$work/versions.ledger"
{ head -1 versions_usage.csv; grep -v ',2027-03,' versions_usage.csv | tail -n +2; } >"$work/v1.csv"
{ head -1 versions_usage.csv; grep ',2027-03,' versions_usage.csv; } >"$work/v2.csv"
"$tariff" rate "$work/v1.csv" --rules "$rules" --purchases versions_buy.csv --ledger-out "$work/v1.ledger" \
  >/dev/null 2>&1 &&
  "$tariff" rate "$work/v2.csv" --rules "$rules" --ledger "$work/v1.ledger" --ledger-out "$work/v2.ledger" \
    >/dev/null 2>"$work/v2.err" &&
  cmp -s "$work/v2.ledger" "$work/versions.ledger" ||
  { echo "FAIL versions: two runs chained across the cut differ from one"; cat "$work/v2.err"; failed=1; }

"$tariff" rate usage.csv --rules "$rules" --packs buy.csv --ledger bad_ledger.csv >/dev/null 2>"$work/err"
[ $? = 2 ] && grep -q "over months give them as a --ledger" "$work/err" || { echo "FAIL packs with ledger"; failed=1; }
"$tariff" rate usage.csv --rules "$rules" --ledger usage.csv >/dev/null 2>"$work/err"
[ $? = 2 ] && grep -q "header" "$work/err" || { echo "FAIL usage file as ledger"; cat "$work/err"; failed=1; }
"$tariff" rate usage.csv --rules "$rules" --ledger-out usage.csv >/dev/null 2>"$work/err"
[ $? = 2 ] || { echo "FAIL ledger-out over the input"; failed=1; }
[ $failed = 0 ] && echo "all over-time cases pass"
exit $failed
