"""The regional overview as a batch worker's task: built in the worker's kernel, PDF by the worker.

When no plan can be read there is no overview: the batch says why (in Dutch, in its report) and
leaves no overview file and no staging folder. A worker stopped between building the overview and
publishing it leaves nothing behind either.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest

from conftest import BROKEN, EXAMPLES, ROOT
from .test_failures import run_cli
from warmestad_nb.batch.sample import generate_plans
from warmestad_nb.batch.messages import OverviewDone
from warmestad_nb.batch.worker import Worker

pytestmark = pytest.mark.slow


def _hidden(folder) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".") and p.name != ".batch-staat.json"]


def test_no_readable_plan_no_overview_and_the_report_says_why(tmp_path):
    plans = tmp_path / "plannen"
    plans.mkdir()
    shutil.copyfile(BROKEN / "negatief-budget.yaml", plans / "13013-herselt.yaml")
    out = tmp_path / "uit"
    done = run_cli("batch", str(plans), "--uit", str(out), "--formaat", "html", "--datum", "2026-11-01")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    report = json.loads((out / "batch-verslag.json").read_text(encoding="utf-8"))
    assert report["aantallen"]["mislukt"] == 1
    assert report["overzicht"] == {}
    assert report["overzicht_probleem"].startswith("Geen enkel plan kon gelezen worden")
    assert "13013-herselt.yaml" in report["overzicht_probleem"]
    assert "Regio-overzicht niet gemaakt: Geen enkel plan kon gelezen worden" in done.stdout
    assert not list(out.glob("regio-overzicht.*"))
    assert _hidden(out) == []


def test_a_worker_closed_before_publishing_the_overview_leaves_no_staging_folder(tmp_path):
    plans = generate_plans(2, tmp_path / "plannen")
    out = tmp_path / "uit"
    worker = Worker(("html",), out, {"datum": "2026-11-01"})
    try:
        staged = worker.stage_overview([str(p) for p in plans], "2026-11-01")
        assert staged.problem == ""
        assert "regio-overzicht.html" in [p.name for p in staged.folder.iterdir()]
    finally:
        worker.close()
    assert not staged.folder.exists()
    assert list(out.iterdir()) == []


def test_the_staged_overview_is_published_and_counts_the_plans(tmp_path):
    plans = generate_plans(2, tmp_path / "plannen")
    out = tmp_path / "uit"
    worker = Worker(("html",), out, {"datum": "2026-11-01"})
    try:
        message = worker.finish_overview(worker.stage_overview([str(p) for p in plans], "2026-11-01"), ("html",))
    finally:
        worker.close()
    assert isinstance(message, OverviewDone) and message.skipped == []
    assert sorted(p.name for p in out.iterdir()) == ["regio-overzicht.html"]
    html = (out / "regio-overzicht.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>") and "<dt>Plannen</dt><dd>2</dd>" in html


def test_a_worker_reports_the_processor_time_of_its_pdf_renders(tmp_path):
    """What benchmarks/batch.py compares the batch with, from batch-verslag.json."""
    out = tmp_path / "uit"
    plan = EXAMPLES[1]
    worker = Worker(("html", "pdf"), out, {"datum": "2026-11-01"})
    try:
        outcome = worker.run(plan)
        message = worker.finish_overview(worker.stage_overview([str(plan)], "2026-11-01"), ("html", "pdf"))
    finally:
        worker.close()
    # Typst renders one plan in 0.1-0.3 s of processor time; a fast CI machine came in under 0.1 s
    assert outcome.status == "gemaakt" and 0.01 < outcome.pdf_seconds < outcome.seconds
    assert isinstance(message, OverviewDone) and message.pdf_seconds > 0.01  # Typst: about 0.04 s for one plan's overview
    assert worker.renderer.pdf_seconds == pytest.approx(outcome.pdf_seconds + message.pdf_seconds)


def test_a_relative_output_folder_gets_its_overview(tmp_path):
    """As `make demo` calls it (--uit uitvoer): the kernel works in notebooks/, the command elsewhere."""
    generate_plans(2, tmp_path / "plannen")
    out = tmp_path / "uit"
    done = run_cli("batch", os.path.relpath(tmp_path / "plannen", ROOT), "--uit", os.path.relpath(out, ROOT),
                   "--formaat", "html", "--datum", "2026-11-01")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "niet gemaakt" not in done.stdout
    html = (out / "regio-overzicht.html").read_text(encoding="utf-8")
    assert "<dt>Plannen</dt><dd>2</dd>" in html
    assert _hidden(out) == []


def test_an_overview_that_fails_makes_the_batch_fail(tmp_path):
    plans = generate_plans(1, tmp_path / "plannen")
    out = tmp_path / "uit"
    (out / "regio-overzicht.html").mkdir(parents=True)  # a folder where the page must go: it cannot be written
    done = run_cli("batch", str(plans[0].parent), "--uit", str(out), "--formaat", "html", "--datum", "2026-11-01")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Regio-overzicht niet gemaakt" in done.stdout and "Traceback" not in done.stdout + done.stderr
    assert "1 beleidsplannen gemaakt" in done.stdout or "1 beleidsplan gemaakt" in done.stdout
