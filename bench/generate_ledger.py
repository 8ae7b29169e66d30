#!/usr/bin/env python3
"""An opening ledger and a purchases file for the macro benchmark's accounts (acct000000 …), the
same every time, for `tariff rate … --ledger OPEN.csv --purchases BUY.csv`:

    python3 bench/generate_ledger.py LEDGER.csv BUY.csv [--accounts 100000]

Every third account holds two face_recognition packs of 人脸比对 bought in 2026-01 (one 1000万
with 500万 left, one 100万 untouched) and a body_analysis 人体检测 1万 pack with 5000 left; every
fifth buys a 100万 pack of 人脸比对 in 2026-10, the month the usage file rates.
"""
import argparse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ledger")
    ap.add_argument("buys")
    ap.add_argument("--accounts", type=int, default=100_000)
    a = ap.parse_args()
    with open(a.ledger, "w", encoding="utf-8") as out:
        out.write("account,product,meter,pack,bought,expires,remaining,kind\n")
        for n in range(0, a.accounts, 3):
            acct = f"acct{n:06d}"
            out.write(f"{acct},face_recognition,compare,1000万,2026-01,2027-01,500万,pack\n")
            out.write(f"{acct},face_recognition,compare,100万,2026-01,2027-01,100万,pack\n")
            out.write(f"{acct},body_analysis,body_detect,1万,2026-01,2027-01,5000,pack\n")
    with open(a.buys, "w", encoding="utf-8") as out:
        out.write("account,month,product,meter,pack,count\n")
        for n in range(0, a.accounts, 5):
            out.write(f"acct{n:06d},2026-10,face_recognition,compare,100万,1\n")


if __name__ == "__main__":
    main()
