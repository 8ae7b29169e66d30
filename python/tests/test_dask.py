"""tariff.dask.rate on a real distributed.LocalCluster: two worker processes on loopback."""
import os
import shutil
from decimal import Decimal

import dask
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import tariff
import tariff.dask
from conftest import RULES, generate_usage, run_cli


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, worker_dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def usage_parts(tmp_path_factory):
    """usage-0.csv .. usage-3.csv (each with its header), and their concatenation whole.csv."""
    d = tmp_path_factory.mktemp("parts")
    whole = generate_usage(d / "whole.csv", rows=40000, accounts=600)
    lines = whole.read_text().splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    step = (len(rows) + 3) // 4
    for i in range(4):
        (d / f"usage-{i}.csv").write_text(header + "".join(rows[i * step:(i + 1) * step]))
    return d, whole


@pytest.fixture(scope="module")
def cli_bills(cli, usage_parts):
    d, whole = usage_parts
    rc, _, err = run_cli(cli, "rate", str(whole), "--rules", RULES, "--out", str(d / "bills.csv"))
    assert rc == 1, err  # three contact-sales bills
    return (d / "bills.csv").read_text()


def test_bills_equal_tariff_rate_on_the_concatenated_input(client, usage_parts, cli_bills):
    d, _ = usage_parts
    usage = tariff.dask.read_csv(str(d / "usage-*.csv"), blocksize=200_000)
    assert usage.npartitions >= 4
    bills, rejects = tariff.dask.rate(usage, RULES, rejects="return")
    bills, rejects = dask.compute(bills, rejects)
    assert tariff.dask.to_csv_text(bills) == cli_bills
    assert len(rejects) == 3 and set(rejects["product"]) == {"faceid"}
    assert all("contact sales" in r for r in rejects["reason"])
    # Each worker process loaded the rules once, however many partitions it rated.
    loads = client.run(lambda: __import__("tariff.dask").dask.loads)
    assert len(loads) == 2 and all(n == 1 for n in loads.values())


def test_rejects_raise_on_the_client(client, usage_parts):
    d, _ = usage_parts
    usage = tariff.dask.read_csv(str(d / "usage-*.csv"))
    with pytest.raises(tariff.RateError, match="contact sales"):
        tariff.dask.rate(usage, RULES).compute()


def _usage_that_kills_once(path, marker):
    """Reads a usage part; the first call anywhere kills the worker process running it."""
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL))
        os._exit(1)  # a worker dying mid-run, as the kernel's OOM killer would end it
    except FileExistsError:
        pass
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_a_worker_killed_mid_run_leaves_no_account_missing(client, usage_parts, cli_bills, tmp_path):
    d, _ = usage_parts
    marker = str(tmp_path / "killed")
    parts = [dask.delayed(_usage_that_kills_once)(str(d / f"usage-{i}.csv"), marker) for i in range(4)]
    meta = pd.DataFrame({c: pd.Series([], dtype=object) for c in tariff.USAGE_COLUMNS})
    usage = dask.dataframe.from_delayed(parts, meta=meta)
    bills, _ = tariff.dask.rate(usage, RULES, rejects="return")
    bills = bills.compute()
    assert os.path.exists(marker)  # a worker did die
    assert tariff.dask.to_csv_text(bills) == cli_bills
    client.wait_for_workers(2, timeout=60)


def test_rules_given_as_a_copied_directory(client, usage_parts, tmp_path):
    d, _ = usage_parts
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    usage = tariff.dask.read_csv(str(d / "usage-0.csv"))
    bills = tariff.dask.rate(usage, str(rules), rejects="return")[0].compute()
    expect = tariff.load(str(rules)).rate(usage.compute(), rejects="return")[0]
    assert tariff.dask.to_csv_text(bills) == tariff.dask.to_csv_text(expect)


from test_ledger import cli_chain, csv_text, months_of_accounts  # noqa: E402,F401  (the CLI chained by month)


def test_ledger_frames_chained_on_the_cluster_equal_the_cli_chained(client, cli_chain):  # noqa: F811
    usage, buys, states = months_of_accounts()
    ledger = pd.DataFrame(columns=list(tariff.LEDGER_COLUMNS))  # the first month: accounts from nothing
    for month in list(cli_chain)[:6]:
        this = dask.dataframe.from_pandas(usage[usage["month"] == month], npartitions=3)
        bills, ledger, alerts = dask.compute(*tariff.dask.rate(this, RULES, ledger=ledger, accounts=states,
                                                               purchases=buys[buys["month"] == month]))
        expect_bills, expect_ledger, expect_alerts = cli_chain[month]
        assert tariff.dask.to_csv_text(bills) == expect_bills, month
        # Partitions come back in any order; within one, the engine's order (as the CLI's) is kept.
        assert csv_text(ledger.sort_values("account", kind="stable")) == expect_ledger, month
        assert csv_text(alerts.sort_values("account", kind="stable")) == expect_alerts, month
    assert len(ledger) > 5
    bad = ledger.assign(remaining=[Decimal(10 ** 9)] * len(ledger))
    with pytest.raises(tariff.RateError, match="ledger, account 'acct.*': remaining 1000000000 is more than its size"):
        dask.compute(*tariff.dask.rate(this, RULES, ledger=bad))


def test_over_time_inputs_given_as_paths_every_worker_reads(client, cli_chain, tmp_path):  # noqa: F811
    usage, buys, states = months_of_accounts()
    months = list(cli_chain)
    (tmp_path / "open.csv").write_text(cli_chain[months[4]][1])
    buys[buys["month"] == months[5]].to_csv(tmp_path / "buy.csv", index=False)
    states.to_csv(tmp_path / "states.csv", index=False)
    this = dask.dataframe.from_pandas(usage[usage["month"] == months[5]], npartitions=2)
    bills, ledger, alerts = dask.compute(*tariff.dask.rate(this, RULES, ledger=str(tmp_path / "open.csv"),
                                                           purchases=str(tmp_path / "buy.csv"),
                                                           accounts=str(tmp_path / "states.csv")))
    assert tariff.dask.to_csv_text(bills) == cli_chain[months[5]][0]
    assert csv_text(ledger.sort_values("account", kind="stable")) == cli_chain[months[5]][1]
