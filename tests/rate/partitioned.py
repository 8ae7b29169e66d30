#!/usr/bin/env python3
"""The partitioned reader gives what the one-stream reader gives (tests/rate.cmake: rate_partitioned).

A generated usage file with every kind of row the reader treats apart (prefixes repeated from
chunk to chunk, names by id, document name and API action, quoted fields, CRLF endings, blank
lines, quantities in 万, wrong column counts, unknown products and meters, bad months and
quantities, a line over 64 KiB, more than 4096 rejects per thread, contact-sales bills) is rated
from standard input (one stream, read() into a buffer, one thread) and as a file mapped and read
in rounds by 1, 2, 3 and 8 threads; bills (--detail) and rejects must be byte-identical.

    partitioned.py TARIFF RULES_DIR WORK_DIR
"""
import os
import random
import subprocess
import sys

tariff, rules, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)
rng = random.Random(13)
accounts = [f"acct{n:05d}" for n in range(3000)] + ['"quoted, one"', "长城"]
meters = [("face_recognition", m) for m in ("compare", "人脸比对", "CompareFace", "detect", "人脸检测", "search")]
meters += [("faceid", m) for m in ("活体人脸核身", "live_compare")]
bad = ["a,b,c", ",2026-10,face_recognition,compare,1", "x,2026-13,face_recognition,compare,1",
       "x,2026-10,nosuch,compare,1", "x,2026-10,face_recognition,nosuch,1", "x,2026-10,face_recognition,compare,ten",
       "x,2026-10,face_recognition,compare,+5", 'x,"2026-10,face_recognition,compare,1', "x,2026-10,face_recognition,compare,1,2"]
lines = ["account,month,product,meter,quantity"]
for i in range(300_000):
    r = rng.random()
    if r < 0.03:
        lines.append(rng.choice(bad))
    elif r < 0.031:
        lines.append("")
    else:
        a = rng.choice(accounts)
        p, m = rng.choice(meters)
        q = rng.choice([str(rng.randint(0, 5000)), "1万", "1_000"]) if r < 0.05 else str(rng.randint(0, 3000))
        month = "2026-09" if r > 0.99 else "2026-10"
        line = f"{a},{month},{p},{m},{q}"
        if r > 0.985:
            line = f'{a},"{month}",{p},"{m}",{q}'
        lines.append(line + ("\r" if r > 0.98 else ""))
    if i == 150_000:
        lines.append("y" * 70_000)
lines.append("acct00007,2026-10,faceid,活体人脸核身,300000")  # contact sales
usage = os.path.join(work, "usage.csv")
with open(usage, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")


def rate(name, *args, stdin=None):
    out, rej = os.path.join(work, f"{name}.csv"), os.path.join(work, f"{name}.rejects")
    with open(stdin or os.devnull, "rb") as i:
        p = subprocess.run([tariff, "rate", *args, "--rules", rules, "--detail", "--out", out, "--rejects", rej],
                           stdin=i, capture_output=True)
    if p.returncode != 1:
        sys.exit(f"{name}: exit {p.returncode} (expected 1: there are rejects): {p.stderr.decode()}")
    return open(out, "rb").read(), open(rej, "rb").read(), p.stderr


expect = rate("stream", "-", stdin=usage)
if expect[1].count(b"\n") < 8000 or expect[0].count(b"\n") < 3000:
    sys.exit("the generated file did not give the rejects and bills it should")
failed = 0
for jobs in ("1", "2", "3", "8"):
    got = rate(f"jobs{jobs}", usage, "--jobs", jobs)
    for what, a, b in zip(("bills", "rejects", "summary"), expect, got):
        if a != b:
            print(f"FAIL --jobs {jobs}: {what} differ from the stream's")
            failed = 1
    if not failed:
        print(f"pass --jobs {jobs}")
sys.exit(failed)
