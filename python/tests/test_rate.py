"""rules.rate(frame): a usage DataFrame rated as `tariff rate` rates the same rows."""
from decimal import Decimal

import pandas as pd
import pytest

import tariff
import tariff.dask
from conftest import RULES, run_cli


@pytest.fixture(scope="module")
def cli_rating(cli, usage_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("rate")
    rc, _, err = run_cli(cli, "rate", str(usage_file), "--rules", RULES, "--out", str(out / "bills.csv"),
                         "--rejects", str(out / "rejects.csv"))
    assert rc == 1, err  # the generated file's three contact-sales bills
    return (out / "bills.csv").read_text(), pd.read_csv(out / "rejects.csv", dtype={"reason": str})


def test_frame_round_trip_equals_the_cli(rules, usage_file, cli_rating):
    bills_csv, cli_rejects = cli_rating
    frame = pd.read_csv(usage_file, dtype=str, keep_default_na=False)
    bills, rejects = rules.rate(frame, rejects="return")
    assert list(bills.columns) == list(tariff.BILL_COLUMNS)
    assert all(isinstance(t, Decimal) for t in bills["total"])
    assert tariff.dask.to_csv_text(bills) == bills_csv
    assert len(bills) == bills_csv.count("\n") - 1 > 500
    # Rejected bills: the same lines (frame row + 2, the header being line 1) and reasons.
    assert list(rejects.index + 2) == list(cli_rejects["line"])
    assert list(rejects["reason"]) == list(cli_rejects["reason"])
    assert list(rejects["rows"]) == list(cli_rejects["rows"])
    assert set(rejects["product"]) == {"faceid"}


def test_quantities_as_int_str_or_decimal_rate_alike(rules, usage_file):
    text = pd.read_csv(usage_file, dtype=str, keep_default_na=False).head(5000)
    ints = text.astype({"quantity": "int64"})
    decimals = text.assign(quantity=[Decimal(q) for q in text["quantity"]])
    objects = text.assign(quantity=[int(q) for q in text["quantity"]])
    expect = rules.rate(text, rejects="return")[0]
    for frame in (ints, decimals, objects):
        pd.testing.assert_frame_equal(rules.rate(frame, rejects="return")[0], expect)
    # --jobs does not change the result.
    pd.testing.assert_frame_equal(rules.rate(text, jobs=2, rejects="return")[0], expect)


def test_rejects_raise_by_default(rules):
    frame = pd.DataFrame({"account": ["a", "b", "c"], "month": ["2026-10", "2026-10", "2026-13"],
                          "product": ["face_recognition", "nosuch", "face_recognition"],
                          "meter": ["compare", "compare", "compare"], "quantity": ["350万", "1", "1"]},
                         index=["x", "y", "z"])
    with pytest.raises(tariff.RateError) as e:
        rules.rate(frame)
    assert list(e.value.rejects.index) == ["y", "z"]
    assert "unknown product 'nosuch'" in e.value.rejects.loc["y", "reason"]
    assert e.value.bills["total"].tolist() == [Decimal(10470)]
    bills, rejects = rules.rate(frame.iloc[:1], rejects="return")
    assert bills["total"].tolist() == [10470] and rejects.empty


def test_frames_that_would_lose_exactness_or_rows_are_refused(rules):
    frame = pd.DataFrame({"account": ["a"], "month": ["2026-10"], "product": ["face_recognition"],
                          "meter": ["compare"], "quantity": [1.5]})
    with pytest.raises(TypeError, match="float"):
        rules.rate(frame)
    with pytest.raises(ValueError, match="line break"):
        rules.rate(frame.assign(quantity=["1"], account=["a\nb"]))
    with pytest.raises(ValueError, match="no column"):
        rules.rate(frame.drop(columns=["meter"]))
    # A quoted account (a comma in it) survives the trip.
    bills = rules.rate(frame.assign(quantity=["1"], account=['x, "y"']))
    assert bills["account"].tolist() == ['x, "y"']


def test_rate_csv_equals_the_cli(rules, usage_file, cli_rating):
    bills, rejects = rules.rate_csv(usage_file, jobs=2)
    assert tariff.dask.to_csv_text(bills) == cli_rating[0]
    assert list(rejects["line"]) == list(cli_rating[1]["line"])


def test_a_bool_column_is_refused_not_written_as_zero_and_one(rules):
    # numpy's bool_ has __index__: a bool column was once rated as quantities 0 and 1.
    frame = pd.DataFrame({"account": ["a"], "month": ["2026-10"], "product": ["face_recognition"],
                          "meter": ["compare"], "quantity": [True]})
    with pytest.raises(TypeError, match="usage row 0: the quantity is a bool"):
        rules.rate(frame)


def test_repeated_cells_across_blocks_are_written_as_the_csv_says(rules, tmp_path):
    # The writer reads 16384 rows at a time and remembers str objects it has checked: one object
    # in many rows (a quoted account, a non-ASCII meter) must be written alike in every block,
    # and a line break refused wherever the object recurs.
    n = 40000
    quoted, plain = 'x, "y"', "acme"
    frame = pd.DataFrame({"account": [quoted if i % 3 else plain for i in range(n)],
                          "month": ["2026-10"] * n, "product": ["face_recognition"] * n,
                          "meter": ["人脸比对" if i % 2 else "compare" for i in range(n)],
                          "quantity": [str(i % 1000) for i in range(n)]})
    frame.to_csv(tmp_path / "usage.csv", index=False)
    bills, _ = rules.rate_csv(tmp_path / "usage.csv")
    pd.testing.assert_frame_equal(rules.rate(frame), bills)
    assert bills["account"].tolist() == [plain, quoted]  # sorted by account text
    broken = frame.copy()
    broken.loc[n - 1, "account"] = "a\nb"
    with pytest.raises(ValueError, match=f"usage row {n - 1}: the account holds a line break"):
        rules.rate(broken)


def test_none_nan_and_na_cells_are_rejected_at_their_row_never_rated_as_zero(rules):
    frame = pd.DataFrame({"account": ["a", "b", "c", "d"], "month": ["2026-10"] * 4,
                          "product": ["face_recognition"] * 4, "meter": ["compare"] * 4,
                          "quantity": pd.Series(["350万", None, float("nan"), pd.NA], dtype=object,
                                                index=list("wxyz"))}, index=list("wxyz"))
    bills, rejects = rules.rate(frame, rejects="return")
    assert bills["account"].tolist() == ["a"]
    assert list(rejects.index) == ["x", "y", "z"]
    assert all("quantity" in r for r in rejects["reason"]), list(rejects["reason"])
    with pytest.raises(tariff.RateError, match="first: row 'x'"):
        rules.rate(frame)
    with pytest.raises(TypeError, match="usage row 1: the account is a list"):
        rules.rate(frame.assign(account=pd.Series(["a", ["b"], "c", "d"], dtype=object, index=frame.index)))
