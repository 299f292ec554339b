"""`warmestad rapport` checks the plans and the output folder before it makes anything: a fast Dutch answer.

The options and the output folder are checked before a kernel starts; the plans while the first
kernel boots (reading them takes 0.2 s), which is then stopped at once.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from conftest import BROKEN, HERSELT, ROOT, tree_digest
from warmestad_nb.cli import main
from warmestad_nb.report import execute


class _FakeKernel:
    """Stands in for report.execute.Kernel: counts the kernels started and stopped; runs nothing."""

    started = stopped = 0

    def __init__(self, *args, **kwargs):
        type(self).started += 1
        self._running = True

    def client(self):
        raise AssertionError("a notebook was run")

    def shutdown(self):
        if self._running:
            type(self).stopped += 1
            self._running = False


@pytest.fixture
def fake_kernel(monkeypatch):
    _FakeKernel.started = _FakeKernel.stopped = 0
    monkeypatch.setattr(execute, "Kernel", _FakeKernel)
    return _FakeKernel


@pytest.mark.parametrize("name", ["onbekende-sector.yaml", "dubbele-sleutel.yaml", "budget-is-tekst.yaml"])
def test_a_bad_plan_is_refused_before_any_document_is_made(tmp_path, capsys, fake_kernel, name):
    out = tmp_path / "uit"
    assert main(["rapport", str(HERSELT), str(BROKEN / name), "--uit", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Fout: {BROKEN / name}") and "Traceback" not in err
    assert fake_kernel.started == fake_kernel.stopped  # the kernel that booted meanwhile was stopped
    assert not out.exists()  # not even the good plan's documents: nothing was made


def test_the_dutch_message_comes_within_two_seconds(tmp_path):
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "warmestad_nb.cli", "rapport", str(BROKEN / "onbekende-sector.yaml"),
                           "--uit", str(tmp_path / "uit")], capture_output=True, text=True, cwd=ROOT, timeout=60)
    seconds = time.perf_counter() - started
    assert done.returncode == 2 and "onbekende sector: ruimtevaart" in done.stderr
    assert seconds < 2.0, f"{seconds:.1f} s"  # a kernel's start-up alone took 4-5 s here


def test_an_output_folder_inside_a_file_is_refused_before_any_kernel_starts(tmp_path, capsys, fake_kernel):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    before = tree_digest(tmp_path)
    assert main(["rapport", str(HERSELT), "--uit", str(blocker / "uit")]) == 2
    assert f"Fout: {blocker / 'uit'}: {blocker} is een bestand, geen map" in capsys.readouterr().err
    assert fake_kernel.started == 0 and tree_digest(tmp_path) == before
