"""One broken plan among ten: `warmestad batch` makes the other nine, reports the broken one and fails.

Runs the real command in a fresh process, HTML only (the PDF step is the same code as the policy
plan's own tests; here the point is what happens around a failure).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import BROKEN, ROOT
from warmestad_nb import reference
from warmestad_nb.batch.sample import generate_plans

pytestmark = pytest.mark.slow

BROKEN_PLAN = BROKEN / "negatief-budget.yaml"  # a Herselt plan with a negative action budget
HERSELT = "13013"


def run_cli(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "warmestad_nb.cli", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=timeout)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    base = tmp_path_factory.mktemp("tien")
    plans = base / "plannen"
    good = generate_plans(9, plans, skip=(HERSELT,))
    shutil.copyfile(BROKEN_PLAN, plans / "13013-herselt.yaml")
    out = base / "uit"
    done = run_cli("batch", str(plans), "--uit", str(out), "--formaat", "html", "--datum", "2026-11-01")
    report = json.loads((out / "batch-verslag.json").read_text(encoding="utf-8"))
    yield {"good": good, "plans": plans, "out": out, "done": done, "report": report}
    shutil.rmtree(base, ignore_errors=True)


def test_the_command_fails_but_says_what_it_made(batch):
    done = batch["done"]
    assert done.returncode == 1, done.stderr
    assert "9 beleidsplannen gemaakt, 1 mislukt" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_nine_documents_for_the_nine_good_plans(batch):
    out = batch["out"]
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    expected = sorted(p.stem for p in batch["good"])  # plan files are named <nis>-<gemeente>.yaml
    assert folders == expected
    for folder in folders:
        html = (out / folder / "beleidsplan.html").read_text(encoding="utf-8")
        assert html.rstrip().endswith("</html>")
        assert (out / folder / "beleidsplan.ipynb").is_file()
    assert not (out / "13013-herselt").exists()


def test_the_report_names_the_broken_plan_the_part_and_the_reason(batch):
    report = batch["report"]
    assert report["aantallen"] == {"gemaakt": 9, "mislukt": 1, "actueel": 0, "onderbroken": 0}
    failed = [p for p in report["plannen"] if p["status"] == "mislukt"]
    assert len(failed) == 1
    entry = failed[0]
    assert entry["plan"].endswith("13013-herselt.yaml") and entry["gemeente"] == "Herselt"
    assert entry["deel"] == "het planbestand of de opties"
    assert "budget_eur" in entry["reden"] and "moet 0 of meer zijn" in entry["reden"] and "regel" in entry["reden"]
    assert all(p["status"] == "gemaakt" and "html" in p["bestanden"] for p in report["plannen"] if p is not entry)


def test_screen_and_html_report_show_the_reason(batch):
    done, out = batch["done"], batch["out"]
    assert "Herselt" in done.stdout and "moet 0 of meer zijn" in done.stdout
    html = (out / "batch-verslag.html").read_text(encoding="utf-8")
    assert "Mislukte plannen (1)" in html and "moet 0 of meer zijn" in html and "Herselt" in html


def test_the_regional_overview_counts_the_nine_and_names_the_broken_one(batch):
    html = (batch["out"] / "regio-overzicht.html").read_text(encoding="utf-8")
    assert "Plannen die niet meetellen" in html and "13013-herselt.yaml" in html
    for plan in batch["good"]:
        assert reference.municipality(plan.stem.split("-", 1)[0]).naam in html
    report = batch["report"]
    assert report["overzicht"]["html"].endswith("regio-overzicht.html")
    assert len(report["overzicht_telt_niet_mee"]) == 1
