#!/usr/bin/env bash
# Rating month by month, each run's --ledger-out fed to the next as --ledger, gives the same bills,
# the same alerts and the same final ledger as one run over all the months (issue: accounts over
# time). A multi-month usage file, purchases and states are generated, split by month, and both
# ways compared byte for byte; then the one run's ledger summary is checked to balance.
#   chain.sh TARIFF RULES_DIR
set -euo pipefail
tariff=$1
rules=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# 12 accounts over 15 months (2026-01 … 2027-03): face_recognition and body_analysis usage, packs
# bought now and then (some expiring with calls left), a faceid trial from a month on.
awk 'BEGIN {
  seed = 7
  print "account,month,product,meter,quantity" > "usage.csv"
  print "account,month,product,meter,pack,count" > "buy.csv"
  print "account,product,state,from,until" > "states.csv"
  for (a = 0; a < 12; a++) {
    acct = sprintf("acct%02d", a)
    if (a % 3 == 0) printf "%s,faceid,trial,2026-%02d,\n", acct, a % 12 + 1 > "states.csv"
    for (m = 0; m < 15; m++) {
      month = sprintf("%d-%02d", 2026 + int(m / 12), m % 12 + 1)
      seed = (seed * 1103515245 + 12345) % 2147483648
      q = seed % 4000000
      if (seed % 5 != 0) printf "%s,%s,face_recognition,compare,%d\n", acct, month, q > "usage.csv"
      if (seed % 7 == 0) printf "%s,%s,face_recognition,search,%d\n", acct, month, q / 3 > "usage.csv"
      if (a % 3 == 0) printf "%s,%s,faceid,活体人脸核身,%d\n", acct, month, seed % 40 > "usage.csv"
      if (seed % 11 == 1) printf "%s,%s,face_recognition,compare,1000万,1\n", acct, month > "buy.csv"
      if (seed % 13 == 2) printf "%s,%s,face_recognition,compare,100万,2\n", acct, month > "buy.csv"
    }
  }
}'

"$tariff" rate usage.csv --rules "$rules" --purchases buy.csv --accounts states.csv --ledger-out one_ledger.csv \
  --alerts one_alerts.csv >one_bills.csv 2>one_summary.txt

months=$(tail -n +2 usage.csv | cut -d, -f2 | sort -u)
ledger=()
: >chained_bills.csv
: >chained_alerts.csv
for m in $months; do
  head -1 usage.csv >"u_$m.csv"
  grep ",$m," usage.csv >>"u_$m.csv"
  head -1 buy.csv >"b_$m.csv"
  grep ",$m," buy.csv >>"b_$m.csv" || true
  "$tariff" rate "u_$m.csv" --rules "$rules" --purchases "b_$m.csv" --accounts states.csv "${ledger[@]}" \
    --ledger-out "l_$m.csv" --alerts "a_$m.csv" >"o_$m.csv" 2>/dev/null
  tail -n +2 "o_$m.csv" >>chained_bills.csv
  tail -n +2 "a_$m.csv" >>chained_alerts.csv
  ledger=(--ledger "l_$m.csv")
done

# One run writes its rows by account, then month; the chained runs by month: compare them sorted.
LC_ALL=C sort -t, -k1,1 -k2,2 -s chained_bills.csv >chained_sorted.csv
tail -n +2 one_bills.csv | LC_ALL=C sort -t, -k1,1 -k2,2 -s >one_sorted.csv
cmp one_sorted.csv chained_sorted.csv
LC_ALL=C sort chained_alerts.csv >chained_alerts_sorted.csv
tail -n +2 one_alerts.csv | LC_ALL=C sort >one_alerts_sorted.csv
cmp one_alerts_sorted.csv chained_alerts_sorted.csv
cmp one_ledger.csv "l_$(echo "$months" | tail -1).csv"

# Something happened: packs were bought, drawn and expired, and the summary says it balanced.
[ "$(tail -n +2 one_bills.csv | wc -l)" -gt 150 ]
grep -q "expired," one_alerts.csv
grep -q "used_up\|low" one_alerts.csv
grep -Eq "rate: ledger CNY in calls: opening 0, bought [1-9][0-9]*, .*expired [1-9]" one_summary.txt
grep -q "conservation check held" one_summary.txt
echo "chained runs over $(echo "$months" | wc -l) months equal one run"
