"""tariff.load().bill(): the engine's bills, equal to the CLI's, exact, with errors as exceptions."""
import json
import pickle
import threading
import time
from decimal import Decimal

import pytest

import tariff
from conftest import ROOT, RULES, run_cli


def test_the_issue_command_prints_10470():
    total = tariff.load().bill("face_recognition", {"人脸比对": 3500000}).total
    assert isinstance(total, Decimal)
    assert str(total) == "10470"


def test_products_and_meters(rules):
    products = {p.id: p for p in rules.products()}
    assert {"face_recognition", "faceid", "face_fusion", "body_analysis", "face_recognition_intl"} <= set(products)
    fr = products["face_recognition"]
    assert fr.currency == "CNY" and fr.name == "人脸识别"
    compare = next(m for m in fr.meters if m.id == "compare")
    assert compare.name == "人脸比对" and "CompareFace" in compare.actions


def cli_args(example, month="2026-12"):
    """An example's request as `tariff bill` arguments."""
    args = ["bill", example["product"], "--rules", RULES]
    args += [f"{m}={q}" for m, q in example["usage"].items()]
    args += [f"--buy={m}={size}x{count}" for m, size, count in example["buy"]]
    args += [f"--held={m}={left}" + (f"/{size}" if size else "") for m, left, size in example["held"]]
    args += [f"--fee={f}:" + ",".join(f"{d}={q}" for d, q in dims.items()) if dims else f"--fee={f}"
             for f, dims in example["fees"].items()]
    states = list(example["states"])
    if example["grant_age_months"] is not None:
        args += [f"--{states.pop(0)}-since={since(month, example['grant_age_months'])}", f"--month={month}"]
    args += [f"--state={s}" for s in states]
    return args


def since(month, age):
    year, m = map(int, month.split("-"))
    n = year * 12 + m - 1 - age
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def python_bill(rules, example, month="2026-12"):
    states = example["states"]
    if example["grant_age_months"] is not None:
        states = {s: None for s in states}
        states[example["states"][0]] = since(month, example["grant_age_months"])
    return rules.bill(example["product"], example["usage"], buy=example["buy"], held=example["held"],
                      fees=example["fees"], states=states, month=month)


def test_every_bundled_example_equals_the_cli(rules, cli):
    examples = rules.examples()
    assert len(examples) >= 25
    for ex in examples:
        # An example in a version of its product bills a month of that version.
        month = ex["month"] or "2026-12"
        at = [f"--month={month}"] if ex["month"] and ex["grant_age_months"] is None else []
        rc, out, err = run_cli(cli, *cli_args(ex, month), *at, "--json")
        try:
            b = python_bill(rules, ex, month)
        except tariff.BillingError as e:
            assert rc == 2, (ex["title"], err)
            assert e.text in err, (ex["title"], e.text, err)
            assert any(x["subject"] == "error" for x in ex["expects"]), ex["title"]
            continue
        assert rc == 0, (ex["title"], err)
        assert b.to_dict() == json.loads(out, parse_float=Decimal, parse_int=Decimal), ex["title"]
        rc, text, _ = run_cli(cli, *cli_args(ex, month), *at)
        assert str(b) == text, ex["title"]
        for x in ex["expects"]:
            if x["subject"] == "total" and ex["discrepancy"] is None:
                assert b.total == x["value"], ex["title"]


def walk(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from walk(v)
    else:
        yield value


@pytest.mark.parametrize("calls", [10**15, 10**15 + 1, 10**15 + 7])
def test_decimal_exact_at_10_to_the_15(rules, cli, calls):
    b = rules.bill("face_recognition", {"人脸比对": calls})
    # (calls - 10,000 free) × 0.0027 in the top band: a float would lose the last digits.
    assert b.total == (Decimal(calls) - 10000) * Decimal("0.0027")
    assert isinstance(b.total, Decimal) and isinstance(b.lines[0].amount, Decimal)
    assert b.lines[0].usage == calls and isinstance(b.freeze, Decimal)
    assert not any(isinstance(v, float) for v in walk(b.to_dict()))
    _, out, _ = run_cli(cli, "bill", "face_recognition", f"人脸比对={calls}", "--json", "--rules", RULES)
    assert b.to_dict() == json.loads(out)
    # The same quantity given as Decimal and as text in 万.
    assert rules.bill("face_recognition", {"compare": Decimal(calls)}).total == b.total
    if calls == 10**15:
        assert rules.bill("face_recognition", {"CompareFace": "10000000亿"}).total == b.total


def test_buy_held_fees_and_states(rules):
    b = rules.bill("face_recognition", {"人脸搜索": "5200万"}, buy={"人脸搜索": "5000万"})
    assert b.total == 148868 and b.purchases[0]["amount"] == 142500 and b.alerts
    b = rules.bill("face_fusion", {"人脸融合": "200万"}, fees={"licence": 2, "qps_upgrade": {"activity": 1, "day": 7,
                                                                                          "qps": 100}})
    assert b.total == 71500
    assert rules.bill("faceid", {"活体人脸核身": 100}, states=["trial"]).lines[0].grant == 50
    assert rules.bill("body_analysis", {"人体检测": 5000}, states="suspended").lines[0].free == 0
    held = rules.bill("face_recognition", {"compare": 500000}, held=[("compare", 300000, 1000000)])
    assert held.lines[0].packs[0]["drawn"] == 300000


def test_billing_errors_are_exceptions(rules):
    with pytest.raises(tariff.BillingError) as e:
        rules.bill("faceid", {"活体人脸核身": "25万"})
    assert e.value.code == "contact-sales" and "contact sales" in e.value.message
    assert e.value.text.startswith("tariff: error[contact-sales]: cannot bill: ") and e.value.message in e.value.text
    assert not e.value.message.startswith("cannot bill")
    assert e.value.notes and e.value.notes[0].file.endswith("faceid.tariff")
    with pytest.raises(tariff.BillingError) as e:
        rules.bill("face_recognition", {"nosuch": 1})
    assert e.value.code == "unknown-meter" and "compare" in e.value.hint
    with pytest.raises(tariff.BillingError) as e:
        rules.bill("nosuch", {})
    assert e.value.code == "unknown-product"
    with pytest.raises(tariff.BillingError) as e:
        rules.bill("face_recognition", {"compare": "35x"})
    assert e.value.code == "unknown-unit" and "35x" in e.value.message
    with pytest.raises(tariff.BillingError) as e:
        rules.bill("face_recognition_sdk", {"detect_device": 49})
    assert e.value.code == "below-minimum"
    # Errors cross process boundaries (Dask) intact.
    again = pickle.loads(pickle.dumps(e.value))
    assert (again.code, again.message, again.notes) == (e.value.code, e.value.message, e.value.notes)


def test_floats_are_refused(rules):
    with pytest.raises(TypeError, match="float"):
        rules.bill("face_recognition", {"compare": 1.5})
    with pytest.raises(TypeError):
        rules.bill("face_recognition", {"compare": True})


def test_broken_rules_raise_rule_error_and_check_lists_them():
    broken = f"{ROOT}/tests/cli/broken/band_gap.tariff"
    with pytest.raises(tariff.RuleError) as e:
        tariff.load(broken)
    assert [d.code for d in e.value.diagnostics] == ["band-gap"]
    assert e.value.diagnostics[0].line == 7 and "band_gap.tariff:7:29" in e.value.diagnostics[0].text
    assert [d.code for d in tariff.check(broken)] == ["band-gap"]
    assert tariff.load().check() == []
    with pytest.raises(tariff.RuleError) as e:
        tariff.load("/nonexistent/rules")
    assert e.value.diagnostics[0].code == "no-such-file"


def test_the_gil_is_released_while_rating(rules, usage_file):
    import sys
    counter, stop = [0], threading.Event()

    def spin():
        while not stop.is_set():
            counter[0] += 1

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-4)
    t = threading.Thread(target=spin)
    t.start()
    try:
        time.sleep(0.01)
        best = 0
        for _ in range(3):  # the engine call alone: no Python runs in this thread meanwhile
            before = counter[0]
            rules._engine.rate_files(str(usage_file), 1, False, None, None, None)
            best = max(best, counter[0] - before)
    finally:
        stop.set()
        t.join()
        sys.setswitchinterval(interval)
    # Held, the other thread would get at most the 0.1 ms windows around the call.
    assert best > 10000
