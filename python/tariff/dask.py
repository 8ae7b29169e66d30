"""Rating on a Dask cluster: every account's rows shuffled into one partition, each partition
rated by the engine, the rules loaded once per worker process.

    import dask.dataframe as dd, tariff.dask
    usage = tariff.dask.read_csv("usage-*.csv")        # every column as text: quantities stay exact
    bills = tariff.dask.rate(usage)                    # a Dask DataFrame of bills
    bills.compute()

Accounts are independent (a bill is one account's month of one product), so rating each
partition alone gives exactly what `tariff rate` gives on the whole input; rows of one account
never meet across partitions because the shuffle puts all of them in one.
"""
import operator
import os
import threading
from decimal import Decimal

import dask
import dask.dataframe as dd
import pandas as pd

import tariff

__all__ = ["read_csv", "rate", "loads"]

# Rule sets by their paths, loaded at most once per process (a worker rates many partitions).
_rules = {}
_lock = threading.Lock()
loads = 0  # how many rule sets this process has loaded (the tests read it on each worker)


def _rules_for(paths):
    global loads
    key = tuple(paths) if paths is not None else None
    with _lock:
        if key not in _rules:
            _rules[key] = tariff.load(list(paths) if paths is not None else None)
            loads += 1
        return _rules[key]


def read_csv(pattern, **kwargs):
    """dask.dataframe.read_csv with every column read as text (str), so no quantity becomes a
    float on the way in."""
    kwargs.setdefault("dtype", str)
    kwargs.setdefault("keep_default_na", False)
    return dd.read_csv(pattern, **kwargs)


_BILLS_META = pd.DataFrame({c: pd.Series([], dtype=object) for c in tariff.BILL_COLUMNS})
_REJECTS_META = pd.DataFrame({**{c: pd.Series([], dtype=object) for c in tariff.USAGE_COLUMNS},
                              "rows": pd.Series([], dtype="int64"), "reason": pd.Series([], dtype=object)})


def _rate_partition(frame, paths):
    """One partition: (bills, rejects). Runs on a worker; the rules are that process's."""
    rules = _rules_for(paths)
    frame = frame.reset_index(drop=True)
    bills, rejects = rules.rate(frame[list(tariff.USAGE_COLUMNS)], jobs=1, rejects="return")
    return bills, rejects.reset_index(drop=True).astype({"rows": "int64"})


_LEDGER_META = pd.DataFrame({c: pd.Series([], dtype=object) for c in tariff.LEDGER_COLUMNS})
_ALERTS_META = pd.DataFrame({c: pd.Series([], dtype=object) for c in tariff.ALERT_COLUMNS})
_FILE_REJECTS_META = pd.DataFrame({c: pd.Series([], dtype=object) for c in ("file", "account", "reason")})


def _rate_partition_over_time(frame, paths, ledger, purchases, accounts):
    """One partition over time: its accounts' usage, ledger, purchases and states (the same shuffle
    by account put them together) → bills, closing ledger, alerts, usage rejects, file rejects
    (file, account, reason: a row's line in a partition means nothing outside it)."""
    rules = _rules_for(paths)
    given = {"ledger": ledger, "purchases": purchases, "accounts": accounts}
    inputs = {k: v.reset_index(drop=True) for k, v in given.items() if v is not None}
    rating = rules.rate(frame.reset_index(drop=True)[list(tariff.USAGE_COLUMNS)], jobs=1, rejects="return",
                        **inputs)
    bad = rating.file_rejects
    accounts_of = [inputs[f]["account"].iloc[r] for f, r in zip(bad["file"], bad["row"])]
    file_rejects = pd.DataFrame({"file": list(bad["file"]), "account": accounts_of, "reason": list(bad["reason"])},
                                columns=list(_FILE_REJECTS_META.columns))
    return (rating.bills, rating.ledger, rating.alerts,
            rating.rejects.reset_index(drop=True).astype({"rows": "int64"}), file_rejects)


def _partitions(frame, npartitions):
    """A ledger, purchases or states frame (Dask or pandas) shuffled by account into npartitions,
    as the usage is: the shuffle puts an account in the partition its hash gives, whatever frame
    it is in, so partition i of each holds the same accounts."""
    if frame is None:
        return [None] * npartitions
    if isinstance(frame, (str, os.PathLike)):
        frame = read_csv(os.fspath(frame))
    elif isinstance(frame, pd.DataFrame):
        frame = dd.from_pandas(frame, npartitions=1)
    frame = frame.astype({"account": object})
    return frame.shuffle("account", npartitions=npartitions).to_delayed()


def rate(usage, rules=None, *, npartitions=None, rejects="raise", ledger=None, purchases=None, accounts=None):
    """Rates a Dask DataFrame of usage (account, month, product, meter, quantity) and returns a
    Dask DataFrame of bills (account, month, product, currency, total and payable as Decimal), one per
    account/month/product; sort it to compare with `tariff rate`.

    rules: a rule file or directory (or a list), as tariff.load takes, read by each worker (so it
      must be there on every host); None: $TARIFF_PATH or the bundled rules.
    npartitions: partitions after the shuffle by account (default: as many as the input has).
    rejects="raise": computing the bills raises tariff.RateError if any row or bill was rejected.
    rejects="return": returns (bills, rejects), two Dask DataFrames that share one computation
      (compute them together: dask.compute(bills, rejects)).

    Over time, as rules.rate: ledger=, purchases=, accounts= (Dask or pandas DataFrames with the
    files' columns, or paths every worker reads) are shuffled by account like the usage, and rate
    returns (bills, ledger, alerts), the closing ledger and alerts as Dask DataFrames (sort by
    account, stably, to compare with `tariff rate --ledger-out/--alerts`); rejects="return" adds
    the usage rejects and the other inputs' rejects (file, account, reason)."""
    if rejects not in ("raise", "return"):
        raise ValueError("rejects must be 'raise' or 'return'")
    paths = None if rules is None else tuple(tariff._paths(rules))
    usage = usage[list(tariff.USAGE_COLUMNS)]
    n = npartitions or usage.npartitions
    shuffled = usage.shuffle("account", npartitions=n).to_delayed()
    if ledger is not None or purchases is not None or accounts is not None:
        return _rate_over_time(shuffled, paths, rejects, {"ledger": ledger, "purchases": purchases,
                                                          "accounts": accounts})
    parts = [dask.delayed(_rate_partition, pure=True)(p, paths) for p in shuffled]
    bill_parts = [dask.delayed(operator.getitem, pure=True)(p, 0) for p in parts]
    reject_parts = [dask.delayed(operator.getitem, pure=True)(p, 1) for p in parts]
    if rejects == "raise":
        bill_parts = [dask.delayed(_no_rejects, pure=True)(b, r) for b, r in zip(bill_parts, reject_parts)]
        return dd.from_delayed(bill_parts, meta=_BILLS_META, verify_meta=False)
    return (dd.from_delayed(bill_parts, meta=_BILLS_META, verify_meta=False),
            dd.from_delayed(reject_parts, meta=_REJECTS_META, verify_meta=False))


def _rate_over_time(shuffled, paths, rejects, given):
    """Partition i of the usage rated with partition i of each other input (the same accounts)."""
    n = len(shuffled)
    others = {k: _partitions(v, n) for k, v in given.items()}
    parts = [dask.delayed(_rate_partition_over_time, pure=True)(shuffled[i], paths, others["ledger"][i],
                                                                others["purchases"][i], others["accounts"][i])
             for i in range(n)]
    metas = (_BILLS_META, _LEDGER_META, _ALERTS_META, _REJECTS_META, _FILE_REJECTS_META)
    pieces = [[dask.delayed(operator.getitem, pure=True)(p, k) for p in parts] for k in range(len(metas))]
    if rejects == "raise":  # (bills, ledger, alerts), each raising if its partition had a reject
        pieces = [[dask.delayed(_no_rejects_over_time, pure=True)(x, r, f) for x, r, f in zip(piece, *pieces[3:])]
                  for piece in pieces[:3]]
    return tuple(dd.from_delayed(piece, meta=meta, verify_meta=False) for piece, meta in zip(pieces, metas))


def _no_rejects_over_time(frame, rejects, file_rejects):
    if len(file_rejects):
        first = file_rejects.iloc[0]
        raise tariff.RateError(f"{len(rejects) + len(file_rejects)} rejected in a partition (first: {first['file']}, "
                               f"account {first['account']!r}: {first['reason']})", rejects, None)
    return _no_rejects(frame, rejects)


def _no_rejects(bills, rejects):
    if len(rejects):
        first = rejects.iloc[0]
        raise tariff.RateError(f"{len(rejects)} rejected in a partition (first: account {first['account']!r}, "
                               f"{first['reason']})", rejects, bills)
    return bills


def to_csv_text(bills):
    """Bills (a pandas DataFrame) as `tariff rate` writes them: sorted by account, month and
    product, amounts in plain notation."""
    frame = bills.sort_values(["account", "month", "product"], kind="stable")
    lines = ["account,month,product,currency,total,payable"]
    for a, m, p, c, t, y in frame[list(tariff.BILL_COLUMNS)].itertuples(index=False):
        payable = "" if y is None else format(y, "f") if isinstance(y, Decimal) else y
        lines.append(f"{_csv(a)},{m},{p},{c},{format(t, 'f') if isinstance(t, Decimal) else t},{payable}")
    return "\n".join(lines) + "\n"


def _csv(field):
    if any(ch in field for ch in ',"\r\n'):
        return '"' + field.replace('"', '""') + '"'
    return field
