"""A batch worker reuses one kernel for many plans: nothing of one plan's run may reach the next.

Two plans run in one worker; between them the kernel gets a cell that changes what a notebook run
could change (globals, matplotlib settings, environment variables, working directory, sys.path,
warnings, pandas options). The second plan's documents must be identical to those of the same plan
run alone in a fresh worker. A control shows that the same pollution, without the batch's reset,
does change the document, so the comparison can fail.
"""

from __future__ import annotations

import json
import re
import shutil

import nbformat
import pytest

from conftest import EXAMPLES
from warmestad_nb.batch.worker import Worker
from warmestad_nb.report.pipeline import render_plan

pytestmark = pytest.mark.slow

PARAMETERS = {"datum": "2026-11-01", "versie": "test"}
FIRST, SECOND = EXAMPLES[0], EXAMPLES[-1]  # Herselt, then Gent (Gent has charts with bars)

POLLUTE = """
import os, sys, warnings, matplotlib, pandas
polluted_global = "van het vorige plan"
plan = "/bestaat/niet.yaml"
matplotlib.rcParams["axes.facecolor"] = "#ff0000"
matplotlib.rcParams["patch.force_edgecolor"] = True
matplotlib.rcParams["patch.edgecolor"] = "#00ff00"
os.environ["WARMESTAD_VORIG_PLAN"] = "lekt"
os.environ["LANG"] = "C"
os.chdir("/")
sys.path.insert(0, "/bestaat/niet")
warnings.simplefilter("error")
pandas.set_option("display.precision", 1)
"""

STATE = """
import json, os, sys, warnings, matplotlib, pandas
print(json.dumps({
    "globals": sorted(k for k in globals() if not k.startswith("_")),
    "facecolor": matplotlib.rcParams["axes.facecolor"],
    "edgecolor": matplotlib.rcParams["patch.edgecolor"],
    "env": os.environ.get("WARMESTAD_VORIG_PLAN"),
    "lang": os.environ.get("LANG"),
    "cwd": os.getcwd(),
    "path_polluted": "/bestaat/niet" in sys.path,
    "warnings": [[f[0], f[2].__name__] for f in warnings.filters],
    "precision": pandas.get_option("display.precision"),
}))
"""


def _kernel_state(worker: Worker) -> dict:
    """Run STATE in the worker's kernel and read what it printed."""
    client = worker.kernel.kernel.client()
    msg_id = client.execute(STATE, store_history=False)
    text = ""
    while True:
        msg = client.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            text += msg["content"]["text"]
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return json.loads(text)


def _outputs(ipynb_path) -> str:
    """What the executed notebook holds: every code cell's outputs and execution count.

    The text/plain fallback of an output is Python's default repr, with a memory address that differs
    between any two runs (alone or not); the address is masked.
    """
    nb = nbformat.read(ipynb_path, as_version=4)
    cells = [(c.execution_count, c.outputs) for c in nb.cells if c.cell_type == "code"]
    return re.sub(r" at 0x[0-9a-f]+>", " at 0x...>", json.dumps(cells, sort_keys=True))


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("isolatie")
    together, alone, control = base / "samen", base / "alleen", base / "controle"
    worker = Worker(("html",), together, PARAMETERS)
    fresh = Worker(("html",), alone, PARAMETERS)
    try:
        first = worker.run(FIRST)
        worker.kernel.run_code(POLLUTE)
        polluted = _kernel_state(worker)
        second = worker.run(SECOND)
        after_reset = _kernel_state(worker)
        single = fresh.run(SECOND)
        # Control: the same pollution, without the reset the batch does before each plan.
        worker.kernel.run_code(POLLUTE)
        render_plan(SECOND, control, worker.renderer, kernel=worker.kernel.kernel, parameters=PARAMETERS)
        fresh_state = _kernel_state(fresh)
    finally:
        worker.close()
        fresh.close()
    yield {"first": first, "second": second, "single": single, "polluted": polluted,
           "after_reset": after_reset, "fresh_state": fresh_state,
           "control_html": next(control.glob("*/beleidsplan.html")).read_text(encoding="utf-8")}
    shutil.rmtree(base, ignore_errors=True)


def test_both_plans_were_made(runs):
    for name in ("first", "second", "single"):
        assert runs[name].status == "gemaakt", runs[name]


def test_the_pollution_really_reached_the_kernel(runs):
    state = runs["polluted"]
    assert "polluted_global" in state["globals"]
    assert state["facecolor"] == "#ff0000" and state["env"] == "lekt" and state["cwd"] == "/"
    assert state["path_polluted"] and ["error", "Warning"] in state["warnings"] and state["precision"] == 1


def test_after_the_reset_the_kernel_is_as_fresh(runs):
    after, fresh = runs["after_reset"], runs["fresh_state"]
    assert "polluted_global" not in after["globals"]
    assert after["facecolor"] == fresh["facecolor"] != "#ff0000"
    assert after["edgecolor"] == fresh["edgecolor"]
    assert after["env"] is None and after["lang"] == fresh["lang"]
    assert after["cwd"] == fresh["cwd"]
    assert not after["path_polluted"] and after["warnings"] == fresh["warnings"]
    assert after["precision"] == fresh["precision"]


def test_second_plan_is_identical_to_the_plan_run_alone(runs):
    together = runs["second"].files
    alone = runs["single"].files
    html_together = open(together["html"], encoding="utf-8").read()
    html_alone = open(alone["html"], encoding="utf-8").read()
    assert html_together == html_alone
    assert _outputs(together["ipynb"]) == _outputs(alone["ipynb"])


def test_without_the_reset_the_pollution_changes_the_document(runs):
    html_alone = open(runs["single"].files["html"], encoding="utf-8").read()
    assert runs["control_html"] != html_alone
