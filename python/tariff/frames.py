"""The frames a rating reads and returns (rules.rate, rules.rate_csv): their columns, a frame
written as the CLI's file in memory, the ledger, purchases and states given beside the usage, and
the bills, closing ledger, alerts and rejects made into DataFrames with exact Decimal calls."""
import os
from dataclasses import dataclass
from decimal import Decimal

from . import RateError, _tariff

USAGE_COLUMNS = ("account", "month", "product", "meter", "quantity")
BILL_COLUMNS = ("account", "month", "product", "currency", "total", "payable")
LEDGER_COLUMNS = ("account", "product", "meter", "pack", "bought", "expires", "remaining", "kind")
PURCHASE_COLUMNS = ("account", "month", "product", "meter", "pack", "count")
STATE_COLUMNS = ("account", "product", "state", "from", "until")
ALERT_COLUMNS = ("account", "month", "product", "meter", "pack", "alert", "remaining")
REJECT_COLUMNS = ("file", "line", "row", "rows", "reason")


@dataclass
class Rating:
    """A rating over time (rules.rate with ledger=, purchases= or accounts=): the bills, the
    closing ledger (the next month's opening one), the alerts, and the rejects of the usage and of
    the other inputs."""
    bills: "object"
    ledger: "object"
    alerts: "object"
    rejects: "object"
    file_rejects: "object"


def _check_rejects(rejects):
    if rejects not in ("raise", "return"):
        raise ValueError("rejects must be 'raise' or 'return'")


def _check_columns(frame, columns, what, exact, optional=()):
    """The frame has the columns (those in `optional` may be missing) and no float column where
    calls or quantities go (`exact`)."""
    import pandas as pd
    missing = [c for c in columns if c not in frame.columns and c not in optional]
    if missing:
        raise ValueError(f"the {what} frame has no column {', '.join(missing)} (needs {', '.join(columns)})")
    for c in exact:
        if c in frame.columns and pd.api.types.is_float_dtype(frame[c].dtype):
            raise TypeError(f"the {what} frame's {c} column is float: quantities are exact; give int, Decimal or "
                            "str (read CSV files with dtype=str)")


def _frame_file(frame, columns, what):
    """The frame's columns written as the CSV file the CLI reads, in memory (int64 columns as they
    are, object columns cell by cell in C++)."""
    return _tariff.frame_file([frame[c].to_numpy() for c in columns], list(columns), what)


class _OverTime:
    """ledger=, purchases=, accounts=: each a frame (written to a file in memory) or a path."""

    _KINDS = (("purchases", PURCHASE_COLUMNS, ("pack", "count"), ()),
              ("ledger", LEDGER_COLUMNS, ("pack", "remaining"), ("kind",)),
              ("accounts", STATE_COLUMNS, (), ()))

    def __init__(self, ledger, purchases, accounts):
        given = {"ledger": ledger, "purchases": purchases, "accounts": accounts}
        self.on = any(v is not None for v in given.values())
        self._files, self._names = {}, {}  # keyword: FrameFile or path; path: what messages call it
        for name, columns, exact, optional in self._KINDS:
            value = given[name]
            if value is None:
                continue
            if isinstance(value, (str, os.PathLike)):
                self._files[name] = os.fspath(value)
                self._names[os.fspath(value)] = os.fspath(value)
                continue
            _check_columns(value, columns, name, exact, optional)
            columns = [c for c in columns if c in value.columns]  # a ledger without kind, as in the file
            self._files[name] = _frame_file(value, columns, name)
            self._names[self._files[name].path] = name

    def paths(self):
        return [None if n not in self._files else getattr(self._files[n], "path", self._files[n])
                for n, _, _, _ in self._KINDS]

    def rejects(self, columns):
        """The rejects of the ledger, purchases and states: file (path, or keyword for a frame),
        line, row (a frame's position, None for a file), rows, reason."""
        import pandas as pd
        out = {c: [] for c in REJECT_COLUMNS}
        for line, rows, reason, file in zip(columns["line"], columns["rows"], columns["reason"], columns["file"]):
            if not file:
                continue
            name = self._names.get(file, file)
            out["file"].append(name)
            out["line"].append(line)
            out["row"].append(line - 2 if name != file else None)
            out["rows"].append(rows)
            out["reason"].append(reason)
        return pd.DataFrame(out, columns=list(REJECT_COLUMNS))

    def finish(self, rating, rejects):
        if rejects == "raise" and (len(rating.rejects) or len(rating.file_rejects)):
            raise RateError(_rejected(rating.rejects, rating.file_rejects), rating.rejects, rating.bills, rating)
        return rating


def _rejected(usage_rejects, file_rejects):
    """RateError's message: how many, and the first as the CLI says it (FILE: line N: reason)."""
    n = len(usage_rejects) + len(file_rejects)
    if len(file_rejects):
        first = file_rejects.iloc[0]
        return f"{n} rejected (first: {first['file']}: line {first['line']}: {first['reason']})"
    first = usage_rejects.iloc[0]
    where = f"row {usage_rejects.index[0]!r}" if "account" in usage_rejects.columns else f"line {first['line']}"
    return f"{n} rejected (first: {where}: {first['reason']})"


def _usage_rejects(columns):
    keep = [i for i, f in enumerate(columns["file"]) if not f]
    return {k: [columns[k][i] for i in keep] for k in ("line", "rows", "reason")}


def _line_rejects(columns):
    import pandas as pd
    return pd.DataFrame(columns, columns=["line", "rows", "reason"])


def _jobs(jobs):
    return max(1, os.cpu_count() or 1) if jobs is None else int(jobs)


def _bills_frame(columns):
    import pandas as pd
    frame = pd.DataFrame({c: pd.Series(columns[c], dtype=object) for c in BILL_COLUMNS[:-2]})
    frame["total"] = pd.Series([Decimal(t) for t in columns["total"]], dtype=object)
    # The payable amount where the product rounds it (a rule file's `payable rounded to`), else None.
    frame["payable"] = pd.Series([None if p is None else Decimal(p) for p in columns["payable"]], dtype=object)
    return frame


def _ledger_frame(columns):
    """The closing ledger: calls as Decimal, months as YYYY-MM text (expires None: never)."""
    import pandas as pd
    exact = {"pack", "remaining"}
    return pd.DataFrame({c: pd.Series([Decimal(v) for v in columns[c]] if c in exact else columns[c], dtype=object)
                         for c in LEDGER_COLUMNS})


def _alerts_frame(columns):
    import pandas as pd
    return pd.DataFrame({c: pd.Series([Decimal(v) for v in columns[c]] if c == "remaining" else columns[c],
                                      dtype=object) for c in ALERT_COLUMNS})


def _rejects_frame(frame, rejects):
    """Rejects of a rating of `frame`: line n of the usage the engine read is frame row n - 2."""
    positions = [line - 2 for line in rejects["line"]]
    out = frame.iloc[positions][list(USAGE_COLUMNS)].copy()
    out["rows"] = rejects["rows"]
    out["reason"] = rejects["reason"]
    return out
