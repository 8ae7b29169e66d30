#!/usr/bin/python3
"""The Python package on the macro benchmark's file (never run in CI): rules.rate_csv (the engine
reads the file), rules.rate on a pandas DataFrame already in memory (the frame's cells written into
the engine's reader), and tariff.dask.rate on a distributed.LocalCluster of worker processes on
127.0.0.1 (read_csv in blocks, shuffle by account, rate each partition). Each prints its seconds;
each result is checked against EXPECTED (the bills `tariff rate` wrote), byte for byte.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_package.py USAGE.csv EXPECTED.csv [--workers 2]
"""
import argparse
import time

import dask
import pandas as pd

import tariff
import tariff.dask


def timed(what, f):
    """Wall and CPU seconds (this process's: a shared machine stretches the first, not the second)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = f()
    print(f"{what}: {time.perf_counter() - start:.2f} s, {time.process_time() - cpu:.2f} CPU s", flush=True)
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("usage")
    ap.add_argument("expected")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-frame", action="store_true")
    a = ap.parse_args()
    expected = open(a.expected).read()
    rules = tariff.load()

    bills, _ = timed("rate_csv, jobs 1", lambda: rules.rate_csv(a.usage, jobs=1))
    assert tariff.dask.to_csv_text(bills) == expected
    if not a.skip_frame:
        frame = timed("pandas.read_csv (dtype=str), not rating", lambda: pd.read_csv(a.usage, dtype=str,
                                                                                   keep_default_na=False))
        bills, _ = timed("rate(frame), jobs 1", lambda: rules.rate(frame, jobs=1, rejects="return"))
        assert tariff.dask.to_csv_text(bills) == expected
        del frame

    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster):
        def run():
            usage = tariff.dask.read_csv(a.usage, blocksize=32 << 20)
            bills, rejects = tariff.dask.rate(usage, rejects="return")
            return dask.compute(bills, rejects)
        bills, rejects = timed(f"tariff.dask.rate, LocalCluster of {a.workers} worker processes", run)
        assert tariff.dask.to_csv_text(bills) == expected
    print("all identical to tariff rate")


if __name__ == "__main__":
    main()
