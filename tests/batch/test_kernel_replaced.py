"""A worker's kernel that dies is replaced: the plans after it are still made, nothing hangs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import EXAMPLES
from warmestad_nb.batch.worker import KernelDied, Worker
from warmestad_nb.errors import WarmeStadError
from warmestad_nb.report.execute import Kernel

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    worker = Worker(("html",), tmp_path_factory.mktemp("kernel"), {"datum": "2026-11-01"})
    yield worker
    worker.close()


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    with open(f"/proc/{pid}/stat") as handle:  # a zombie waiting to be reaped is gone too
        return handle.read().split(") ", 1)[1].startswith("Z")


def test_a_kernel_killed_between_plans_is_replaced(worker):
    assert worker.run(EXAMPLES[0]).status == "gemaakt"
    old = worker.kernel.pid
    os.kill(old, signal.SIGKILL)
    time.sleep(0.5)
    outcome = worker.run(EXAMPLES[1])
    assert outcome.status == "gemaakt", outcome
    assert worker.kernel.pid != old and worker.replaced == 1
    assert _gone(old)


def test_a_kernel_that_dies_while_running_code_is_noticed_at_once(worker):
    old = worker.kernel.pid
    start = time.monotonic()
    with pytest.raises(KernelDied):
        worker.kernel.run_code("import os, signal; os.kill(os.getpid(), signal.SIGKILL)")
    assert time.monotonic() - start < 15  # not the 60 s reply timeout
    outcome = worker.run(EXAMPLES[2])
    assert outcome.status == "gemaakt", outcome
    assert worker.kernel.pid != old and _gone(old)


def test_a_worker_leaves_the_data_libraries_to_its_kernel():
    """A batch worker only turns executed notebooks into files: the kernel draws the charts and reads
    the plan. Importing matplotlib, pandas or pydantic there as well cost every worker 0.7 s at start."""
    code = (
        "import sys\nfrom warmestad_nb.batch.worker import Worker\nfrom warmestad_nb.report.pipeline import Renderer\n"
        "Renderer(('html', 'pdf')).warm_up()\n"
        "print([m for m in ('matplotlib', 'pandas', 'pydantic') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "[]", result.stderr


def test_a_kernel_that_dies_while_starting_gives_a_dutch_reason():
    kernel = Kernel(preload=("import os; os._exit(3)",))
    try:
        started = time.monotonic()
        with pytest.raises(WarmeStadError, match="De rekenkern \\(Python-kernel\\) stopte tijdens het opstarten"):
            kernel.client()
        assert time.monotonic() - started < 30
    finally:
        kernel.shutdown()


def test_a_failing_step_is_named_by_the_step_itself(worker, monkeypatch):
    """The PDF's Typst source failed: the report names the PDF (a guess from the traceback's function
    names said "het uitgevoerde notebook"), with the kind of cause and the error's type."""
    def broken(nb):
        raise RuntimeError("kapotte sjabloon")

    monkeypatch.setattr(worker.renderer, "formats", ("html", "pdf"))
    monkeypatch.setattr(worker.renderer, "typst", broken)
    outcome = worker.run(EXAMPLES[0])
    assert outcome.status == "mislukt"
    assert (outcome.failure.label, outcome.failure.soort.value) == ("de PDF", "onverwacht")
    assert outcome.failure.tekst == "onverwachte fout: RuntimeError: kapotte sjabloon"
