#!/usr/bin/env python3
"""`tariff rate --detail` writes every line of a bill: its meters', and the packs and fees bought,
the recurring fees (prorated by day: "N of M days") and the true-ups to a minimum, maximum or
commitment. Their amounts sum, bill by bill, to the total `rate` writes without --detail (exactly,
as Decimal). Run on the over-time cases that have each kind of line.
usage: detail_sums.py TARIFF RULES_DIR"""
import csv
import io
import os
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal

tariff, rules = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "over_time")
runs = [
    ["usage.csv", "--purchases", "buy.csv", "--accounts", "states.csv"],  # packs bought
    ["prorated_usage.csv", "--accounts", "prorated_states.csv"],          # recurring fees by day
    ["committed_usage.csv", "--ledger-out", os.devnull],                  # commitment true-ups
]
kinds = set()
failed = False
for args in runs:
    def rate(*extra):
        p = subprocess.run([tariff, "rate", *args, "--rules", rules, *extra], cwd=here, capture_output=True,
                           text=True)
        if p.returncode not in (0, 1):
            sys.exit(f"FAIL {args}: exit {p.returncode}: {p.stderr}")
        return list(csv.DictReader(io.StringIO(p.stdout)))
    totals = {(r["account"], r["month"], r["product"]): Decimal(r["total"]) for r in rate()}
    sums = defaultdict(Decimal)
    for r in rate("--detail"):
        sums[(r["account"], r["month"], r["product"])] += Decimal(r["amount"])
        kinds.add(r["charge"])
        if r["charge"] == "recurring" and "days of" in r["note"]:
            kinds.add("prorated")
    for bill, total in totals.items():
        if sums.get(bill, Decimal()) != total:
            print(f"FAIL {args[0]}: {bill}: detail lines sum to {sums.get(bill)}, the bill's total is {total}")
            failed = True
for kind in ("meter", "pack", "recurring", "prorated", "true_up"):
    if kind not in kinds:
        print(f"FAIL: no {kind} line in the detail of these runs")
        failed = True
if failed:
    sys.exit(1)
print("rate --detail: every bill's lines sum to its total")
