#!/usr/bin/python3
"""The best of several `tariff rate` runs of one or more binaries on one usage file, alternating
runs so that each binary sees the same machine (never run in CI). Prints, per binary, the minimum
wall time, CPU time (user + sys) and user time, and the rows/s they make; `--jobs 1` runs are
pinned to the last core, as bench/run_macro.sh pins them. Single runs vary: the kernel sometimes
compacts memory for the tables' huge pages. The README's idle-machine figures were taken with it.

    bench/rate_min.py USAGE.csv BINARY [BINARY...] [--runs 5] [--jobs 1] [--rules DIR]
"""
import argparse
import os
import resource
import subprocess
import sys
import time


def best_of(binary, usage, jobs, rules, out):
    cmd = [] if jobs != 1 else ["taskset", "-c", str(os.cpu_count() - 1)]
    cmd += [binary, "rate", usage, "--jobs", str(jobs), "--out", out] + (["--rules", rules] if rules else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if rc > 1:  # 1 is a finding (the macro file's deliberate contact-sales bills)
        sys.exit(f"rate_min: {binary} failed (exit {rc})")
    user = after.ru_utime - before.ru_utime
    return wall, user + after.ru_stime - before.ru_stime, user


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("usage")
    ap.add_argument("binaries", nargs="+")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--rules", help="rules for every binary (one that cannot read today's rules needs its own)")
    a = ap.parse_args()
    with open(a.usage, "rb") as f:
        rows = sum(1 for _ in f) - 1
    best = {b: (float("inf"),) * 3 for b in a.binaries}
    for _ in range(a.runs):
        for b in a.binaries:
            out = f"/tmp/rate_min_{os.getpid()}_{a.binaries.index(b)}.csv"
            best[b] = tuple(map(min, best[b], best_of(b, a.usage, a.jobs, a.rules, out)))
            os.remove(out)
    for b, (wall, cpu, user) in best.items():
        print(f"{b}: --jobs {a.jobs}, best of {a.runs}: wall {wall:.3f} s, CPU {cpu:.3f} s, user {user:.3f} s"
              f" ({rows / wall / 1e6:.1f} M rows/s wall, {rows / cpu / 1e6:.1f} per CPU-second)")
    print("load average", open("/proc/loadavg").read().split()[:3])


if __name__ == "__main__":
    main()
