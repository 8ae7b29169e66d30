#!/usr/bin/env python3
"""A month-end usage file for the macro benchmark, the same every time (fixed seed).

    python3 bench/generate_usage.py OUT.csv [--rows 10000000] [--accounts 100000]
                                           [--products face_recognition,faceid,...]

Each account uses one to three products and one to four meters of each, under varying names (the
meter's document name, its id or one of its API actions), spread over the month as a daily log
would be: round k holds the k-th record of every account/meter, so every key repeats many times.
Monthly volumes are log-uniform from 100 to 30 million calls, crossing every band; faceid stays
under its 'contact sales' band (20万 a month) except for three deliberate accounts, and 3% of the
account/meters report last month (2026-09).
"""
import argparse
import math
import random
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from python_rater import PRODUCTS  # noqa: E402  the meters and their names

ALL = "face_recognition,faceid,face_recognition_intl,face_fusion,body_analysis"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--accounts", type=int, default=100_000)
    ap.add_argument("--products", default=ALL)
    a = ap.parse_args()
    products = [p for p in a.products.split(",") if p]
    rng = random.Random(20261023)

    # (prefixes, monthly volume) per account/meter; a prefix is "account,month,product,name,".
    streams = []
    for n in range(a.accounts):
        account = f"acct{n:06d}"
        month = "2026-09" if rng.random() < 0.03 else "2026-10"
        for product in rng.sample(products, min(len(products), rng.choice((1, 1, 2, 2, 3)))):
            meters = PRODUCTS[product]["meters"]
            for mid in rng.sample(sorted(meters), min(len(meters), rng.randint(1, 4))):
                names = meters[mid]["names"] + [mid]
                chosen = rng.sample(names, min(len(names), rng.randint(1, 2)))
                volume = int(10 ** rng.uniform(2, math.log10(3e7)))
                if product == "faceid":
                    volume = min(volume, 120_000)  # 1.5 x 120000 < 20万 even at the highest draws
                streams.append(([f"{account},{month},{product},{name}," for name in chosen], volume))
    for n in range(3):  # deliberate contact-sales bills
        if "faceid" in products:
            streams.append(([f"acct{n * 7:06d},2026-10,faceid,活体人脸核身,"], 300_000))

    per, extra = divmod(a.rows, len(streams))
    counts = [per + (1 if i < extra else 0) for i in range(len(streams))]
    written = 0
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("account,month,product,meter,quantity\n")
        for k in range(max(counts)):
            lines = []
            for (prefixes, volume), count in zip(streams, counts):
                if k < count:
                    mean = volume / count
                    lines.append(f"{prefixes[k % len(prefixes)]}{int(mean * (0.5 + rng.random()))}\n")
            f.write("".join(lines))
            written += len(lines)
    print(f"generate: {written} rows, {a.accounts} accounts, {len(streams)} account/meters, "
          f"products {','.join(products)}", file=sys.stderr)


if __name__ == "__main__":
    main()
