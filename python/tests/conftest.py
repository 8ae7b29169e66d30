"""Shared fixtures: the bundled rules, the CLI to compare with, generated usage files."""
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RULES = os.path.join(ROOT, "rules")


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("TARIFF_CLI", os.path.join(ROOT, "build", "tariff"))
    if not os.access(path, os.X_OK):
        pytest.fail(f"the tariff program is not at {path} (set TARIFF_CLI)")
    return path


@pytest.fixture(scope="session")
def rules():
    import tariff
    return tariff.load(RULES)


def run_cli(cli, *args, stdin=None):
    """Runs tariff ARGS; (exit code, stdout, stderr) as text."""
    p = subprocess.run([cli, *args], input=stdin, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def generate_usage(path, rows, accounts):
    """bench/generate_usage.py: every product, names by id, document name and API action, and
    three deliberate contact-sales bills (rejected)."""
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate_usage.py"), str(path), "--rows", str(rows),
                    "--accounts", str(accounts)], check=True, capture_output=True, timeout=120)
    return path


@pytest.fixture(scope="session")
def usage_file(tmp_path_factory):
    return generate_usage(tmp_path_factory.mktemp("usage") / "usage.csv", rows=30000, accounts=400)
