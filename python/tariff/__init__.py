"""tariff for Python: the engine itself (a pybind11 module), not a subprocess.

    import tariff
    rules = tariff.load()                      # the bundled rules and prelude; tariff.load("DIR")
    b = rules.bill("face_recognition", {"人脸比对": 3500000})
    b.total                                    # Decimal('10470')
    print(b)                                   # the bill as `tariff bill` prints it
    b.to_dict()                                # what `tariff bill --json` prints, parsed
    bills = rules.rate(usage_frame)            # a pandas DataFrame of bills

Money is exact: every amount is a decimal.Decimal, never a float; a float quantity is refused.
Billing errors raise BillingError (.code, .message, .hint), broken rules RuleError (.diagnostics).
"""
import json
import os
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional, Tuple

__all__ = ["load", "check", "Rules", "Bill", "Line", "Product", "Meter", "Diagnostic", "Error", "BillingError",
           "RuleError", "RateError", "Rating"]


# ---- errors (defined before the engine is imported: it raises these) --------------------------

class Error(Exception):
    """Every error tariff raises."""


@dataclass(frozen=True)
class Note:
    file: str
    line: int
    column: int
    message: str


class BillingError(Error):
    """A bill that cannot be settled as asked: a contact-sales band, a minimum, an unknown meter or
    pack, a malformed quantity. `code` is the stable diagnostic code (`tariff check` lists them),
    `text` the diagnostic as the CLI prints it."""

    def __init__(self, code, message, hint="", notes=(), text=""):
        super().__init__(code, message, hint, tuple(notes), text)
        self.code, self.message, self.hint, self.text = code, message, hint, text
        self.notes = tuple(n if isinstance(n, Note) else Note(*n) for n in notes)

    def __str__(self):
        return self.message


@dataclass(frozen=True)
class Diagnostic:
    """A problem in rule files, as `tariff check` reports it (str() gives its text)."""
    code: str
    message: str
    hint: str
    file: str
    line: int
    column: int
    notes: Tuple[Note, ...]
    text: str

    @classmethod
    def _of(cls, t):
        code, message, hint, file, line, column, notes, text = t
        return cls(code, message, hint, file, line, column, tuple(Note(*n) for n in notes), text)

    def __str__(self):
        return self.text


class RuleError(Error):
    """The rules have errors: nothing is billed from a rule set that is partly broken."""

    def __init__(self, diagnostics):
        super().__init__(list(diagnostics))
        self.diagnostics = [d if isinstance(d, Diagnostic) else Diagnostic._of(d) for d in diagnostics]

    def __str__(self):
        n = len(self.diagnostics)
        return f"the rules have {n} error{'' if n == 1 else 's'}:\n" + "".join(d.text for d in self.diagnostics)


class RateError(Error):
    """Rows or bills of a rating were rejected. `rejects` is a DataFrame (the rejected row's
    fields, `rows` and `reason`), `bills` the bills that were rated; over time, `rating` the whole
    Rating (closing ledger, alerts, and the other files' rejects as .file_rejects)."""

    def __init__(self, message, rejects=None, bills=None, rating=None):
        super().__init__(message, rejects, bills)
        self.message, self.rejects, self.bills, self.rating = message, rejects, bills, rating

    def __str__(self):
        return self.message


from . import _tariff  # noqa: E402  (after the errors it raises)
from .frames import (ALERT_COLUMNS, BILL_COLUMNS, LEDGER_COLUMNS, PURCHASE_COLUMNS, REJECT_COLUMNS,  # noqa: E402
                     STATE_COLUMNS, USAGE_COLUMNS, Rating, _alerts_frame, _bills_frame, _check_columns,
                     _check_rejects, _frame_file, _jobs, _ledger_frame, _line_rejects, _OverTime, _rejected,
                     _rejects_frame, _usage_rejects)


# ---- products and bills -----------------------------------------------------------------------

@dataclass(frozen=True)
class Meter:
    id: str
    name: str
    names: Tuple[str, ...]    # display names and aliases
    actions: Tuple[str, ...]  # API actions summed into the meter


@dataclass(frozen=True)
class Product:
    id: str
    name: str
    currency: str
    meters: Tuple[Meter, ...]
    fees: Tuple[str, ...]
    states: Tuple[str, ...]

    def __str__(self):
        return self.id


def _decimal(text):
    return None if text is None else Decimal(text)


@dataclass(frozen=True)
class Line:
    """One meter of a bill, as a line of the text bill: usage, free (and grant), packs drawn,
    postpaid, the band and unit price, the amount. Every number is a Decimal."""
    meter: str
    name: str
    usage: Decimal
    free: Decimal
    grant: Decimal
    packs: Tuple[dict, ...]  # {pack, bought, drawn, remaining}
    postpaid: Decimal
    band: Optional[str]
    unit_price: Optional[Decimal]  # None for a graduated line: see bands
    amount: Decimal
    bands: Tuple[dict, ...]  # {band, quantity, unit_price, amount}


def _exact(value):
    """A JSON value with every number-as-text of `bill --json` turned into a Decimal."""
    if isinstance(value, dict):
        return {k: v if k in _TEXT_KEYS else _exact(v) for k, v in value.items()}
    if isinstance(value, list):
        return tuple(_exact(v) for v in value)
    if isinstance(value, str):
        return Decimal(value)
    return value


_TEXT_KEYS = {"meter", "name", "pack", "band", "fee", "product", "currency"}


class Bill:
    """A settled bill. Amounts are Decimal; str(bill) is the text `tariff bill` prints and
    to_dict() what `tariff bill --json` prints (numbers as exact strings, as there)."""

    def __init__(self, json_text, text):
        # parse_float and parse_int: should a number ever appear in the JSON, it stays exact.
        self._dict = json.loads(json_text, parse_float=Decimal, parse_int=Decimal)
        self._json, self.text = json_text, text
        d = self._dict
        self.product, self.currency = d["product"], d["currency"]
        self.total = Decimal(d["total"])
        self.freeze = _decimal(d.get("freeze"))
        self.lines = tuple(Line(meter=x["meter"], name=x["name"], usage=Decimal(x["usage"]), free=Decimal(x["free"]),
                                grant=Decimal(x["grant"]), packs=tuple(_exact(p) for p in x["packs"]),
                                postpaid=Decimal(x["postpaid"]), band=x["band"],
                                unit_price=_decimal(x["unit_price"]), amount=Decimal(x["amount"]),
                                bands=tuple(_exact(b) for b in x["bands"])) for x in d["lines"])
        self.purchases = tuple(_exact(p) for p in d["purchases"])
        self.fees = tuple(_exact(f) for f in d["fees"])
        self.alerts, self.notices, self.notes = tuple(d["alerts"]), tuple(d["notices"]), tuple(d["notes"])

    def to_dict(self):
        """The bill as `tariff bill --json` prints it, parsed (a fresh copy)."""
        return json.loads(self._json, parse_float=Decimal, parse_int=Decimal)

    def to_json(self):
        return self._json

    def __str__(self):
        return self.text

    def __repr__(self):
        return f"<tariff.Bill {self.product} total {self.total} {self.currency}>"


# ---- arguments ---------------------------------------------------------------------------------

def _quantity(value, what):
    """A quantity as the engine parses it: str in the quantity syntax (350万), int, or Decimal."""
    if isinstance(value, bool):
        raise TypeError(f"{what}: a bool is not a quantity")
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{what}: {value} is not a quantity")
        return format(value, "f")
    if isinstance(value, float):
        raise TypeError(f"{what}: {value!r} is a float; quantities are exact: give int, Decimal or str")
    raise TypeError(f"{what}: a {type(value).__name__} is not a quantity")


def _items(arg, name):
    """A dict {meter: value} or a list of (meter, value...) tuples, as a list of tuples."""
    if arg is None:
        return []
    if isinstance(arg, dict):
        return [(k, *v) if isinstance(v, tuple) else (k, v) for k, v in arg.items()]
    out = []
    for item in arg:
        if not isinstance(item, (tuple, list)) or len(item) < 2:
            raise TypeError(f"{name}: expected (meter, ...) tuples or a dict, got {item!r}")
        out.append(tuple(item))
    return out


def _buys(arg):
    out = []
    for item in _items(arg, "buy"):
        meter, size, count = (item + (1,))[:3] if len(item) == 2 else item
        out.append((meter, _quantity(size, f"buy {meter}"), _quantity(count, f"buy {meter}")))
    return out


def _held(arg):
    out = []
    for item in _items(arg, "held"):
        meter, left, size = (item + (None,))[:3] if len(item) == 2 else item
        out.append((meter, _quantity(left, f"held {meter}"), None if size is None else _quantity(size, f"held {meter}")))
    return out


def _fees(arg):
    out = []
    for fee, value in (arg or {}).items():
        if isinstance(value, dict):
            out.append((fee, None, [(d, _quantity(q, f"fee {fee} {d}")) for d, q in value.items()]))
        elif value is None:
            out.append((fee, None, []))
        else:
            out.append((fee, _quantity(value, f"fee {fee}"), []))
    return out


def _states(arg):
    """states: a name, a list of names, or {name: since} where since (YYYY-MM) is when the grant
    given in that state was activated (the CLI's --STATE-since)."""
    if arg is None:
        return [], None
    if isinstance(arg, str):
        return [arg], None
    if isinstance(arg, dict):
        since = [s for s in arg.values() if s is not None]
        if len(set(since)) > 1:
            raise ValueError("states: one grant activation month at most")
        return list(arg), (since[0] if since else None)
    return list(arg), None




# ---- rules ---------------------------------------------------------------------------------------

class Rules:
    """A loaded rule set (tariff.load). Safe to share between threads."""

    def __init__(self, engine, paths):
        self._engine, self.paths = engine, tuple(paths)

    def products(self):
        """The products, in the order their files were loaded."""
        return [Product(pid, name, currency, tuple(Meter(m, n, tuple(ns), tuple(a)) for m, n, ns, a in meters),
                        tuple(fees), tuple(states))
                for pid, name, currency, meters, fees, states in self._engine.products()]

    def check(self):
        """The diagnostics of the rule files (empty for rules that check clean), as `tariff check`."""
        return [Diagnostic._of(d) for d in self._engine.diagnostics()]

    def bill(self, product, usage=None, *, buy=None, held=None, fees=None, states=None, month=None):
        """Bills one month of one product, as `tariff bill` does.

        usage:  {meter: quantity}; a meter by id, document name, alias or API action; a quantity
                as int, Decimal or str in the quantity syntax ("350万")
        buy:    {meter: size} or {meter: (size, count)}, or [(meter, size, count), ...]
        held:   {meter: remaining} or {meter: (remaining, size)}, or a list of such tuples
        fees:   {fee: quantity of its first dimension} or {fee: {dimension: quantity}}
        states: "trial", ["licensed", ...], or {"trial": "2025-11"} (when its grant began)
        month:  "YYYY-MM", the month billed (needed with a grant's month)
        Raises BillingError for a bill the rules cannot price or a name they do not know."""
        usage_items = [(m, _quantity(q, f"usage {m}")) for m, q in _items(usage, "usage")]
        names, since = _states(states)
        json_text, text = self._engine.bill(product, usage_items, _buys(buy), _held(held), _fees(fees), names, since,
                                            month)
        return Bill(json_text, text)

    def examples(self):
        """The rules' worked examples as bill() arguments: dicts with product, title, usage, buy,
        held, fees, states, grant_age_months, expects, discrepancy and month (of an example in a
        version of its product, the month the version is in force from; else None)."""
        out = []
        for p, title, usage, buys, held, fees, states, age, expects, discrepancy, month in self._engine.examples():
            out.append(dict(product=p, title=title, usage=dict(usage), buy=[tuple(b) for b in buys],
                            held=[tuple(h) for h in held], fees={f: dict(d) for f, _, d in fees},
                            states=list(states), grant_age_months=age,
                            expects=[dict(subject=s, value=_decimal(v), text=t) for s, v, t in expects],
                            discrepancy=discrepancy, month=month))
        return out

    def rate(self, frame, *, jobs=None, rejects="raise", ledger=None, purchases=None, accounts=None):
        """Rates a usage DataFrame (columns account, month, product, meter, quantity; quantities as
        int, str or Decimal) as `tariff rate` rates a usage file, with the same sums, order and
        totals. Returns a DataFrame of bills: account, month, product, currency, total (Decimal).

        rejects="raise": a rejected row or bill raises RateError (with .rejects and .bills);
        rejects="return": returns (bills, rejects), rejects a DataFrame of the rejected rows'
        fields (index: the frame's) with `rows` and `reason`.

        Accounts over time, as `tariff rate --ledger OPEN.csv --purchases BUY.csv --accounts
        STATES.csv --ledger-out CLOSE.csv --alerts ALERTS.csv`: each of ledger=, purchases= and
        accounts= is a DataFrame with that file's columns (LEDGER_COLUMNS, its `kind` column
        optional as in the file; PURCHASE_COLUMNS; STATE_COLUMNS) or the path of such a file.
        Given any of them (an empty ledger frame starts every account from nothing), every account
        is settled month after month against its ledger and rate returns a Rating: .bills,
        .ledger (the closing ledger, a frame the next month's rate takes as ledger=), .alerts,
        .rejects (usage rows, as above) and .file_rejects (file, line, row, rows, reason: rows of
        the ledger, purchases or states; `file` is the path, or the keyword for a frame, whose row
        n is line n + 2 of the file the CLI would read). Calls (pack, remaining) are Decimal. With
        rejects="raise", any reject raises RateError (its .rating holds the rest)."""
        import pandas as pd
        _check_rejects(rejects)
        _check_columns(frame, USAGE_COLUMNS, "usage", ("quantity",))
        usage = _frame_file(frame, USAGE_COLUMNS, "usage")
        over = _OverTime(ledger, purchases, accounts)
        result = self._engine.rate_files(usage.path, _jobs(jobs), over.on, *over.paths())
        bills = _bills_frame(result["bills"])
        usage_rejects = _rejects_frame(frame, _usage_rejects(result["rejects"]))
        if not over.on:
            if rejects == "raise" and len(usage_rejects):
                raise RateError(_rejected(usage_rejects, pd.DataFrame()), usage_rejects, bills)
            return (bills, usage_rejects) if rejects == "return" else bills
        rating = Rating(bills, _ledger_frame(result["ledger"]), _alerts_frame(result["alerts"]), usage_rejects,
                        over.rejects(result["rejects"]))
        return over.finish(rating, rejects)

    def rate_csv(self, path, *, jobs=None, rejects="return", ledger=None, purchases=None, accounts=None):
        """Rates a usage file as `tariff rate PATH` does: (bills DataFrame, rejects DataFrame of
        line, rows, reason). With ledger=, purchases= or accounts= (frames or paths, as rate takes
        them), a Rating whose .rejects are the usage file's (line, rows, reason); rejects="raise"
        then raises RateError for any reject."""
        _check_rejects(rejects)
        over = _OverTime(ledger, purchases, accounts)
        result = self._engine.rate_files(os.fspath(path), _jobs(jobs), over.on, *over.paths())
        bills = _bills_frame(result["bills"])
        usage_rejects = _line_rejects(_usage_rejects(result["rejects"]))
        if not over.on:
            return bills, usage_rejects
        rating = Rating(bills, _ledger_frame(result["ledger"]), _alerts_frame(result["alerts"]), usage_rejects,
                        over.rejects(result["rejects"]))
        return over.finish(rating, rejects)


# ---- loading -------------------------------------------------------------------------------------

def _bundled():
    """The bundled rules: those installed with the package (PREFIX/share/tariff/rules), else the
    source tree it was built from."""
    here = os.path.dirname(os.path.abspath(__file__))
    installed = _tariff.install_rules_dir
    if os.path.isdir(installed) and not os.path.isfile(os.path.join(here, "..", "..", "CMakeCache.txt")):
        return [installed]
    return [_tariff.source_rules_dir]


def _paths(paths):
    if paths is None:
        env = os.environ.get("TARIFF_PATH")
        if env:
            return [p for p in env.split(":") if p]
        return _bundled()
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def load(paths=None, *, strict=True):
    """Loads the prelude and the rule files: a .tariff file or a directory, or a list of them;
    by default $TARIFF_PATH (':'-separated) or the bundled rules, as the CLI does. Raises
    RuleError when any file has errors, unless strict=False (then the products that loaded are
    kept, and check() lists the diagnostics)."""
    paths = _paths(paths)
    return Rules(_tariff.load(paths, strict), paths)


def check(paths=None):
    """The diagnostics of rule files, as `tariff check` reports them (empty when they check clean)."""
    return load(paths, strict=False).check()
