#!/usr/bin/env python3
"""tariff doc shows every price of its rule file.

usage: check_prices.py md TARIFF RULES.tariff PRODUCT
       check_prices.py html TARIFF RULES.tariff PRODUCT CHROMIUM ARTIFACT_DIR

The prices are read from the rule file itself: every cell of its pack and postpaid tables (as
written: 0.0032, 142500; '-' and 联系商务 too) and every fee's price. md: each must be a cell or
a word of `tariff doc PRODUCT`. html: the page is opened in headless Chromium (no network, a new
empty profile); each price must be in the text of the rendered DOM, the page must declare UTF-8
and hold one SVG chart per priced meter; a screenshot is left in ARTIFACT_DIR.
"""
import html
import os
import re
import subprocess
import sys
import tempfile


def rule_prices(rules):
    """Cells of the data rows of every table, and fee prices."""
    out = []
    in_table = False
    with open(rules, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for line in lines:
        s = line.strip()
        fee = re.match(r"fee\s+\S+.*?=\s*(\S+)\s+per\b", s)
        if fee:
            out.append(fee.group(1))
        if not s.startswith("|"):
            in_table = False
            continue
        if set(s.split("#")[0].strip()) <= set("|-: "):
            continue
        parts = [c.strip() for c in re.sub(r"\|\s*#.*$", "|", s).strip("|").split("|")]
        if not in_table:  # the header row: sizes or bands, not prices
            in_table = True
            continue
        out.extend(parts[1:])
    return out


def main():
    mode, tariff, rules, product = sys.argv[1:5]
    want = rule_prices(rules)
    # A rule file with no price read means this reader broke (an illustration may hold one price).
    if not want:
        print(f"no prices read from {rules}")
        return 1
    env = {k: v for k, v in os.environ.items() if k != "TARIFF_PATH"}
    if mode == "md":
        # A product with versions (product ID ... from 2027-01 {): the page of each version.
        with open(rules, encoding="utf-8") as f:
            months = re.findall(r"^product\s.*\sfrom\s+(\d{4}-\d{2})\s*\{", f.read(), re.M)
        words = set()
        for month in months or [None]:
            at = ["--month", month] if month else []
            page = subprocess.run([tariff, "doc", product, "--rules", rules] + at, env=env, capture_output=True,
                                  text=True)
            if page.returncode != 0:
                print(page.stderr)
                return 1
            words |= set(re.split(r"[|\s;:,()]+", page.stdout)) | set(c.strip() for c in page.stdout.split("|"))
        missing = [p for p in want if p not in words]
    else:
        chromium, artifacts = sys.argv[5:7]
        os.makedirs(artifacts, exist_ok=True)
        page_file = os.path.join(artifacts, f"{product}.html")
        made = subprocess.run([tariff, "doc", product, "--rules", rules, "--format", "html", "--out", page_file],
                              env=env, capture_output=True, text=True)
        if made.returncode != 0:
            print(made.stderr)
            return 1
        with open(page_file, encoding="utf-8") as f:
            source = f.read()
        if '<meta charset="utf-8">' not in source or "<script" in source or "http" in source.replace(
                "http://www.w3.org/2000/svg", ""):
            print("the page must declare UTF-8 and be self-contained (no scripts, nothing fetched)")
            return 1
        with tempfile.TemporaryDirectory() as profile:
            flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     f"--user-data-dir={profile}"]
            url = "file://" + os.path.abspath(page_file)
            dom = subprocess.run([chromium, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120)
            shot = os.path.join(artifacts, f"{product}.png")
            subprocess.run([chromium, *flags, "--window-size=1280,6000", "--hide-scrollbars", f"--screenshot={shot}", url],
                           capture_output=True, text=True, timeout=120)
        if dom.returncode != 0 or "<body" not in dom.stdout:
            print("chromium did not render the page:", dom.stderr[-2000:])
            return 1
        if not os.path.exists(shot) or os.path.getsize(shot) < 10000:
            print("no screenshot was taken")
            return 1
        text = html.unescape(re.sub(r"<[^>]+>", "|", dom.stdout))
        cells = set(c.strip() for c in text.split("|"))
        missing = [p for p in want if p not in cells]
        charts = dom.stdout.count("<svg")
        if charts < 1:
            print("no chart on the page")
            return 1
        print(f"rendered {page_file}: {charts} charts, screenshot {shot}")
    if missing:
        print(f"{len(missing)} of {len(want)} prices of {rules} are not on the page: {missing[:20]}")
        return 1
    print(f"all {len(want)} prices of {rules} are on the page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
