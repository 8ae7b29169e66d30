"""rules.rate(frame, ledger=, purchases=, accounts=): accounts over time from Python, against
`tariff rate --ledger --purchases --accounts --ledger-out --alerts` (tests/rate/over_time)."""
import os
from decimal import Decimal

import pandas as pd
import pytest

import tariff
import tariff.dask
from conftest import ROOT, RULES, run_cli

OVER_TIME = os.path.join(ROOT, "tests", "rate", "over_time")


def months_of_accounts():
    """chain.sh's shape: 12 accounts over 15 months (2026-01 … 2027-03), face_recognition and
    faceid usage, packs bought now and then (some expiring with calls left), a faceid trial."""
    usage, buys, states = [], [], []
    seed = 7
    for a in range(12):
        acct = f"acct{a:02d}"
        if a % 3 == 0:
            states.append((acct, "faceid", "trial", f"2026-{a % 12 + 1:02d}", ""))
        for m in range(15):
            month = f"{2026 + m // 12}-{m % 12 + 1:02d}"
            seed = (seed * 1103515245 + 12345) % 2147483648
            q = seed % 4000000
            if seed % 5:
                usage.append((acct, month, "face_recognition", "compare", str(q)))
            if seed % 7 == 0:
                usage.append((acct, month, "face_recognition", "search", str(q // 3)))
            if a % 3 == 0:
                usage.append((acct, month, "faceid", "活体人脸核身", str(seed % 40)))
            if seed % 11 == 1:
                buys.append((acct, month, "face_recognition", "compare", "1000万", "1"))
            if seed % 13 == 2:
                buys.append((acct, month, "face_recognition", "compare", "100万", "2"))
    return (pd.DataFrame(usage, columns=list(tariff.USAGE_COLUMNS)),
            pd.DataFrame(buys, columns=list(tariff.PURCHASE_COLUMNS)),
            pd.DataFrame(states, columns=list(tariff.STATE_COLUMNS)))


def csv_text(frame):
    """A frame as the CLI writes its file (Decimal in plain digits, None as an empty field)."""
    return frame.to_csv(index=False, lineterminator="\n")


@pytest.fixture(scope="module")
def cli_chain(cli, tmp_path_factory):
    """The CLI rated month by month, each --ledger-out the next --ledger: per month (bills,
    ledger, alerts) as the files it wrote."""
    usage, buys, states = months_of_accounts()
    work = tmp_path_factory.mktemp("chain")
    states.to_csv(work / "states.csv", index=False)
    out, ledger = {}, []
    for month in sorted(set(usage["month"])):
        usage[usage["month"] == month].to_csv(work / f"u_{month}.csv", index=False)
        buys[buys["month"] == month].to_csv(work / f"b_{month}.csv", index=False)
        rc, bills, err = run_cli(cli, "rate", str(work / f"u_{month}.csv"), "--rules", RULES, "--purchases",
                                 str(work / f"b_{month}.csv"), "--accounts", str(work / "states.csv"), *ledger,
                                 "--ledger-out", str(work / f"l_{month}.csv"), "--alerts", str(work / f"a_{month}.csv"))
        assert rc == 0, err
        out[month] = (bills, (work / f"l_{month}.csv").read_text(), (work / f"a_{month}.csv").read_text())
        ledger = ["--ledger", str(work / f"l_{month}.csv")]
    return out


def test_closing_ledger_frames_chained_month_by_month_equal_the_cli_chained(rules, cli_chain):
    usage, buys, states = months_of_accounts()
    ledger = None
    for month, (bills, ledger_csv, alerts_csv) in cli_chain.items():
        rating = rules.rate(usage[usage["month"] == month].reset_index(drop=True), ledger=ledger,
                            purchases=buys[buys["month"] == month], accounts=states)
        assert isinstance(rating, tariff.Rating)
        assert tariff.dask.to_csv_text(rating.bills) == bills, month
        assert csv_text(rating.ledger) == ledger_csv, month
        assert csv_text(rating.alerts) == alerts_csv, month
        ledger = rating.ledger  # the closing frame, as it is, is the next month's opening one
    # Something happened over the months: packs bought, drawn and expired, calls exact.
    assert len(ledger) > 5 and all(type(v) is Decimal for v in ledger["remaining"])
    assert all(type(v) is Decimal for v in ledger["pack"])
    alerts = "".join(a for _, _, a in cli_chain.values())
    assert "expired" in alerts and ("used_up" in alerts or "low" in alerts)


def test_a_ledger_file_or_the_clis_ledger_read_as_text_rate_alike(rules, cli_chain, tmp_path):
    usage, buys, states = months_of_accounts()
    months = list(cli_chain)
    opening_csv = cli_chain[months[5]][1]
    (tmp_path / "open.csv").write_text(opening_csv)
    (tmp_path / "states.csv").write_text(csv_text(states))
    this = usage[usage["month"] == months[6]].reset_index(drop=True)
    bought = buys[buys["month"] == months[6]]
    expect = cli_chain[months[6]]
    as_text = pd.read_csv(tmp_path / "open.csv", dtype=str, keep_default_na=False)
    for opening, accounts in ((str(tmp_path / "open.csv"), str(tmp_path / "states.csv")), (as_text, states)):
        rating = rules.rate(this, ledger=opening, purchases=bought, accounts=accounts)
        assert (tariff.dask.to_csv_text(rating.bills), csv_text(rating.ledger)) == expect[:2]
    # rate_csv takes them too, and says the same.
    (tmp_path / "usage.csv").write_text(csv_text(this))
    rating = rules.rate_csv(tmp_path / "usage.csv", ledger=as_text, purchases=bought, accounts=states)
    assert csv_text(rating.ledger) == expect[1] and rating.rejects.empty and rating.file_rejects.empty


def test_without_over_time_inputs_rate_returns_bills_as_before(rules):
    usage, _, _ = months_of_accounts()
    assert isinstance(rules.rate(usage.head(20)), pd.DataFrame)
    # An empty ledger frame starts every account from nothing: a Rating, an empty closing ledger.
    rating = rules.rate(usage.head(20), ledger=pd.DataFrame(columns=list(tariff.LEDGER_COLUMNS)))
    assert rating.ledger.empty and list(rating.ledger.columns) == list(tariff.LEDGER_COLUMNS)
    pd.testing.assert_frame_equal(rating.bills, rules.rate(usage.head(20)))


@pytest.fixture(scope="module")
def cli_bad_ledger(cli, tmp_path_factory):
    work = tmp_path_factory.mktemp("bad")
    rc, _, err = run_cli(cli, "rate", os.path.join(OVER_TIME, "bad_usage.csv"), "--rules", RULES, "--ledger",
                         os.path.join(OVER_TIME, "bad_ledger.csv"), "--rejects", str(work / "rejects.csv"))
    assert rc == 1
    return pd.read_csv(work / "rejects.csv", dtype=str, keep_default_na=False), err


def test_a_malformed_ledger_frame_is_rejected_row_by_row_as_the_file_is(rules, cli_bad_ledger):
    cli_rejects, _ = cli_bad_ledger
    usage = pd.read_csv(os.path.join(OVER_TIME, "bad_usage.csv"), dtype=str, keep_default_na=False)
    ledger = pd.read_csv(os.path.join(OVER_TIME, "bad_ledger.csv"), dtype=str, keep_default_na=False)
    rating = rules.rate(usage, ledger=ledger, rejects="return")
    got = rating.file_rejects
    assert set(got["file"]) == {"ledger"} and list(got["row"]) == [line - 2 for line in got["line"]]
    # The file's short row (line 15) is a frame row with an empty kind: the only reason that differs.
    short = cli_rejects["reason"].str.startswith("expected 8 columns")
    assert short.sum() == 1
    assert got.loc[got["line"] == 15, "reason"].tolist() == ["bad kind '': pack, included, grant, free or commitment"]
    same = got[got["line"] != 15]
    assert list(same["line"]) == [int(x) for x in cli_rejects.loc[~short, "line"]]
    assert list(same["reason"]) == list(cli_rejects.loc[~short, "reason"])
    # The rows that were good opened the ledger: the usage drew on them as on the CLI's.
    assert rating.bills["total"].tolist() == [Decimal(0)]
    # Raised by default, with the first reject as the CLI prints it (FILE: line N: reason).
    with pytest.raises(tariff.RateError) as e:
        rules.rate(usage, ledger=ledger)
    assert "ledger: line 3: remaining 20000000 is more than its size 10000000" in str(e.value)
    assert len(e.value.rating.file_rejects) == len(got) and e.value.rating.bills is e.value.bills


def test_a_ledger_path_gets_the_clis_file_and_lines(rules, cli_bad_ledger):
    cli_rejects, err = cli_bad_ledger
    path = os.path.join(OVER_TIME, "bad_ledger.csv")
    usage = pd.read_csv(os.path.join(OVER_TIME, "bad_usage.csv"), dtype=str, keep_default_na=False)
    with pytest.raises(tariff.RateError) as e:
        rules.rate(usage, ledger=path)
    got = e.value.rating.file_rejects
    assert set(got["file"]) == {path} and got["row"].isna().all()
    assert list(got["line"]) == [int(x) for x in cli_rejects["line"]]
    assert list(got["reason"]) == list(cli_rejects["reason"])
    first = got.iloc[0]
    assert f"{path}: line {first['line']}: {first['reason']}" in str(e.value)


def test_ledger_frames_that_would_lose_exactness_or_columns_are_refused(rules):
    usage = pd.DataFrame({"account": ["a"], "month": ["2026-02"], "product": ["face_recognition"],
                          "meter": ["compare"], "quantity": ["100万"]})
    ledger = pd.DataFrame({"account": ["a"], "product": ["face_recognition"], "meter": ["compare"],
                           "pack": ["1000万"], "bought": ["2026-01"], "expires": ["2027-01"], "remaining": ["500万"],
                           "kind": ["pack"]})
    rating = rules.rate(usage, ledger=ledger)
    # 100万 drawn after the month's free 1万: 500万 - 99万 left.
    assert rating.ledger["remaining"].tolist() == [Decimal(4010000)] and rating.bills["total"].tolist() == [0]
    # The file's 7-column form (no kind: a pack) is taken as the file is.
    assert csv_text(rules.rate(usage, ledger=ledger.drop(columns=["kind"])).ledger) == csv_text(rating.ledger)
    # int and Decimal calls are exact; a float column is refused, a float cell too.
    as_numbers = ledger.assign(pack=[10000000], remaining=[Decimal(5000000)])
    assert csv_text(rules.rate(usage, ledger=as_numbers).ledger) == csv_text(rating.ledger)
    with pytest.raises(TypeError, match="remaining column is float"):
        rules.rate(usage, ledger=ledger.assign(remaining=[5e6]))
    with pytest.raises(TypeError, match="ledger row 0: the remaining is a float"):
        rules.rate(usage, ledger=ledger.assign(remaining=pd.Series([5e6], dtype=object)))
    with pytest.raises(ValueError, match="the ledger frame has no column bought"):
        rules.rate(usage, ledger=ledger.drop(columns=["bought"]))
    # A None or NaN call is an empty field: rejected with its row, never a zero.
    for missing in (None, float("nan")):
        with pytest.raises(tariff.RateError, match="ledger: line 2: bad remaining ''"):
            rules.rate(usage, ledger=ledger.assign(remaining=pd.Series([missing], dtype=object)))
    with pytest.raises(TypeError, match="purchases row 0: the count is a bool"):
        rules.rate(usage, purchases=pd.DataFrame([("a", "2026-02", "face_recognition", "compare", "1000万", True)],
                                                 columns=list(tariff.PURCHASE_COLUMNS)))
    with pytest.raises(TypeError, match="ledger row 0: the account is a list; give str, int or Decimal"):
        rules.rate(usage, ledger=ledger.assign(account=pd.Series([["a"]], dtype=object)))


def test_purchases_and_states_frames_are_checked_as_their_files(rules):
    usage = pd.DataFrame({"account": ["a"], "month": ["2026-02"], "product": ["faceid"],
                          "meter": ["活体人脸核身"], "quantity": ["10"]})
    buys = pd.DataFrame([("a", "2026-02", "faceid", "活体人脸核身", "777", "1")], columns=list(tariff.PURCHASE_COLUMNS))
    states = pd.DataFrame([("a", "faceid", "nosuch", "2026-01", "")], columns=list(tariff.STATE_COLUMNS))
    rating = rules.rate(usage, purchases=buys, accounts=states, rejects="return")
    assert list(rating.file_rejects["file"]) == ["purchases", "accounts"]
    assert list(rating.file_rejects["line"]) == [2, 2] and list(rating.file_rejects["row"]) == [0, 0]
    assert "777" in rating.file_rejects["reason"].iloc[0] and "nosuch" in rating.file_rejects["reason"].iloc[1]


def test_a_commitment_year_carried_by_ledger_frames_is_trued_up_in_its_last_month(rules):
    """A commitment of 1200 USD a year (illustration_gpu_compute): the year opens with the first
    bill, the closing ledger frame carries what is left to bill (no meter, exact Decimal), and the
    run that holds the year's twelfth month bills it, without usage, trued up."""
    def usage(rows):
        return pd.DataFrame(rows, columns=list(tariff.USAGE_COLUMNS))
    empty = pd.DataFrame(columns=list(tariff.LEDGER_COLUMNS))
    first = rules.rate(usage([("ana", "2027-01", "illustration_gpu_compute", "gpu", "40.5")]), ledger=empty)
    row = first.ledger.iloc[0]
    assert (row["kind"], row["meter"], row["bought"], row["expires"]) == ("commitment", "", "2027-01", "2028-01")
    assert Decimal(row["remaining"]) == Decimal("1098.75")  # 1200 − 40.5 × 2.5
    # A run of 2027-12 in which only bo has usage still bills ana's last month of the year.
    dec = rules.rate(usage([("bo", "2027-12", "illustration_gpu_compute", "gpu", "4")]), ledger=first.ledger)
    ana = dec.bills[dec.bills["account"] == "ana"]
    assert list(ana["month"]) == ["2027-12"] and Decimal(ana["total"].iloc[0]) == Decimal("1098.75")
