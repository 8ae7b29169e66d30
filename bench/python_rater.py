#!/usr/bin/env python3
"""The rater a user would write instead of `tariff rate`: csv plus decimal, tables copied from
the price pages (../shared/seeds), for the five products' API meters. Prints the same CSV as
`tariff rate` (account,month,product,currency,total,payable, sorted; the five products do not
round their payable amount, so the column is empty) so the two can be compared byte for
byte; rejected bills and rows are counted on stderr.

    python3 bench/python_rater.py USAGE.csv > out.csv

Rating: per account, month and meter the quantities are summed; the free quota comes first,
the rest is postpaid, priced by volume (阶梯到达: every call at the price of the band the postpaid
quantity reaches). faceid's top band (20万 and above) is 'contact sales': the bill is rejected.
face_fusion's usage is that of licensed activities: no free calls (as `tariff rate` bills it).
"""
import csv
import sys
from collections import defaultdict
from decimal import Decimal, getcontext

getcontext().prec = 60
INF = None
WAN = 10_000

# Band edges: (upper, upper_closed); the last band's upper is INF.
HALF_OPEN_300 = [(300 * WAN, True), (1500 * WAN, True), (INF, False)]                     # (0, 300万] ...
FACEID = [(1000, False), (WAN, False), (10 * WAN, False), (20 * WAN, False), (INF, False)]  # [0, 1000) ...
INTL = [(3_000_000, True), (15_000_000, True), (INF, False)]
FUSION = [(100 * WAN, True), (500 * WAN, True), (INF, False)]
PORTRAIT = [(WAN, True), (10 * WAN, True), (100 * WAN, True), (INF, False)]
CONTACT = "contact"


def meter(names, bands, prices):
    return {"names": names, "bands": bands, "prices": [p if p == CONTACT else Decimal(p) for p in prices]}


def fr(names, p):
    return meter(names, HALF_OPEN_300, p)


def fid(names, p):
    return meter(names, FACEID, p + [CONTACT])


def intl(names, p):
    return meter(names, INTL, p)


def body(names, p):
    return meter(names, HALF_OPEN_300, p)


PRODUCTS = {
    # 000_*.txt: free 10,000 calls a month per meter.
    "face_recognition": {"currency": "CNY", "free": 10000, "meters": {
        "detect": fr(["人脸检测与分析", "人脸检测", "DetectFace", "detect"], ["0.0005", "0.0004", "0.0003"]),
        "landmark": fr(["五官定位", "AnalyzeFace", "landmark"], ["0.002", "0.0018", "0.0015"]),
        "compare": fr(["人脸比对", "CompareFace", "compare"], ["0.0032", "0.003", "0.0027"]),
        "verify": fr(["人脸验证", "VerifyFace", "verify"], ["0.0032", "0.003", "0.0027"]),
        "search": fr(["人脸搜索", "SearchFaces", "search"], ["0.0032", "0.003", "0.0027"]),
        "person": fr(["人员库管理", "CreatePerson", "CreateFace"], ["0.0032", "0.003", "0.0027"]),
        "liveness": fr(["人脸静态活体检测", "DetectLiveFace", "liveness"], ["0.0019", "0.0017", "0.0013"]),
    }},
    # 001_*.txt: no monthly free quota (the trial grant is one-time, not part of a month's rating).
    "faceid": {"currency": "CNY", "free": 0, "meters": {
        "wechat_live_verify": fid(["微信活体人脸核身"], ["1.2", "1", "0.85", "0.75"]),
        "wechat_live_compare": fid(["微信活体人脸比对"], ["0.60", "0.55", "0.50", "0.45"]),
        "live_verify": fid(["活体人脸核身"], ["1", "0.85", "0.75", "0.68"]),
        "photo_verify": fid(["照片人脸核身"], ["1", "0.85", "0.75", "0.68"]),
        "live_compare": fid(["活体人脸比对"], ["0.15", "0.13", "0.11", "0.11"]),
        "wechat_custom_lib": fid(["微信定制库服务"], ["0.8", "0.7", "0.6", "0.5"]),
        "id_verify": fid(["身份信息核验"], ["0.3", "0.3", "0.28", "0.26"]),
        "bankcard_verify": fid(["银行卡信息核验"], ["0.4", "0.38", "0.36", "0.34"]),
        "phone_verify": fid(["手机号信息核验"], ["0.4", "0.38", "0.36", "0.36"]),
        "bankcard_query": fid(["银行卡基础信息查询"], ["0.3", "0.3", "0.3", "0.2"]),
    }},
    # 002_*.txt: USD, no free quota.
    "face_recognition_intl": {"currency": "USD", "free": 0, "meters": {
        "detect": intl(["Face detection and analysis", "DetectFace"], ["0.0005", "0.0004", "0.0003"]),
        "landmark": intl(["Facial feature localization", "AnalyzeFace"], ["0.0005", "0.0004", "0.0003"]),
        "compare": intl(["Face comparison", "CompareFace"], ["0.0008", "0.0006", "0.0004"]),
        "verify": intl(["Face verification"], ["0.0008", "0.0006", "0.0004"]),
        "search": intl(["Face search"], ["0.0008", "0.0006", "0.0004"]),
        "person": intl(["Group management", "CreatePerson", "CreateFace"], ["0.0008", "0.0006", "0.0004"]),
        "liveness": intl(["Image-based liveness detection"], ["0.0008", "0.0006", "0.0004"]),
    }},
    # 003_*.txt: licensed activities' calls beyond their packs, postpaid; the 500 test calls are
    # an unlicensed activity's, not part of a month's bill.
    "face_fusion": {"currency": "CNY", "free": 0, "meters": {
        "fusion": meter(["人脸融合"], FUSION, ["0.02", "0.012", "0.005"]),
    }},
    # 004_*.txt: free 1,000 calls a month per service; 人像分割 has its own bands.
    "body_analysis": {"currency": "CNY", "free": 1000, "meters": {
        "portrait_seg": meter(["人像分割"], PORTRAIT, ["0.01", "0.009", "0.008", "0.007"]),
        "body_detect": body(["人体检测"], ["0.002", "0.0018", "0.0015"]),
        "person_lib": body(["人体库管理"], ["0.002", "0.0018", "0.0015"]),
        "body_search": body(["人体搜索"], ["0.002", "0.0018", "0.0015"]),
    }},
}


def price_of(m, q):
    for (upper, closed), price in zip(m["bands"], m["prices"]):
        if upper is INF or q < upper or (closed and q == upper):
            return price
    raise AssertionError("bands end with infinity")


def canonical(d):
    text = format(d.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def main(path):
    names = {(p, n): mid for p, spec in PRODUCTS.items() for mid, m in spec["meters"].items() for n in m["names"] + [mid]}
    sums = defaultdict(int)
    rows = rejected_rows = 0
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            rows += 1
            if len(row) != 5:
                rejected_rows += 1
                continue
            account, month, product, meter_name, quantity = row
            mid = names.get((product, meter_name))
            if mid is None or not quantity.isdigit():
                rejected_rows += 1
                continue
            sums[(account, month, product, mid)] += int(quantity)

    bills = defaultdict(Decimal)
    failed = set()
    for (account, month, product, mid), usage in sums.items():
        spec = PRODUCTS[product]
        postpaid = max(0, usage - spec["free"])
        bills[(account, month, product)] += Decimal(0)
        if postpaid == 0:
            continue
        price = price_of(spec["meters"][mid], postpaid)
        if price == CONTACT:
            failed.add((account, month, product))
        else:
            bills[(account, month, product)] += postpaid * price

    totals = defaultdict(Decimal)
    out = sys.stdout
    out.write("account,month,product,currency,total,payable\n")
    for key in sorted(bills):
        if key in failed:
            continue
        currency = PRODUCTS[key[2]]["currency"]
        totals[currency] += bills[key]
        out.write(f"{key[0]},{key[1]},{key[2]},{currency},{canonical(bills[key])},\n")
    print(f"python: {rows} rows read, {rejected_rows} rows rejected, {len(failed)} bills rejected", file=sys.stderr)
    for currency in sorted(totals):
        print(f"python: total {currency} {canonical(totals[currency])}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
