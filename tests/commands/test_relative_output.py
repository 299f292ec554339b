"""`--uit` with a relative folder: every document lands where the user ran the command, none in notebooks/.

papermill used to change the working folder of the whole process while it ran a notebook, and the
batch writes one plan's documents while the kernel runs the next: documents went to notebooks/<uit>/
or failed with FileNotFoundError. The command runs here from a folder of the user's, as at a terminal.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, tree_digest
from warmestad_nb.batch.sample import generate_plans

pytestmark = pytest.mark.slow

NOTEBOOKS = ROOT / "notebooks"


def _run_in(folder, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "warmestad_nb.cli", *args], capture_output=True, text=True,
                          env=env, cwd=folder, timeout=900)


def _expected(out, plans, formats):
    names = {f"{p.stem}/beleidsplan.{ext}" for p in plans for ext in (*formats, "ipynb")}
    return {str(out / n) for n in names}


def _documents(out):
    return {str(p) for p in out.glob("*/beleidsplan.*")}


@pytest.mark.parametrize("formats", ["html", "html,pdf,docx"])
@pytest.mark.parametrize("command", ["batch", "rapport"])
def test_a_relative_output_folder_gets_every_document_and_notebooks_stays_as_it_was(tmp_path, command, formats):
    plans = generate_plans(4 if formats == "html" else 2, tmp_path / "plannen")
    before = tree_digest(NOTEBOOKS)
    extra = ["--jobs", "1"] if command == "batch" else []  # one worker: its plans overlap in time
    paths = ["plannen"] if command == "batch" else [f"plannen/{p.name}" for p in plans]
    done = _run_in(tmp_path, command, *paths, "--uit", "uit", "--formaat", formats, "--datum", "2026-11-01", *extra)
    assert done.returncode == 0, done.stdout + done.stderr
    out = tmp_path / "uit"
    assert _documents(out) == _expected(out, plans, formats.split(","))
    if command == "batch":
        assert (out / "batch-verslag.html").is_file() and (out / "regio-overzicht.html").is_file()
    assert tree_digest(NOTEBOOKS) == before
    status = subprocess.run(["git", "status", "--porcelain", "--ignored", "--", "notebooks"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    assert [line for line in status.splitlines() if "__pycache__" not in line and ".ipynb_checkpoints" not in line] == []


@pytest.mark.parametrize("warm", [True, False], ids=["eigen-kernel", "kernel-van-papermill"])
def test_running_the_notebook_never_changes_the_working_folder_of_the_process(monkeypatch, warm):
    from conftest import HERSELT
    from warmestad_nb.report.execute import Kernel, execute

    moves = []
    real_chdir = os.chdir
    monkeypatch.setattr(os, "chdir", lambda path: moves.append(path) or real_chdir(path))
    kernel = Kernel() if warm else None
    try:
        if kernel is not None:  # the kernel itself works in notebooks/, where the notebook is
            kernel.client()
            assert os.readlink(f"/proc/{kernel.km.provisioner.process.pid}/cwd") == str(NOTEBOOKS)
        nb = execute(HERSELT, kernel=kernel, parameters={"secties": "samenvatting", "datum": "2026-11-01"})
    finally:
        if kernel is not None:
            kernel.shutdown()
    # papermill still "returns" to the folder it found (os.chdir to the same folder): harmless.
    assert {os.path.realpath(m) for m in moves} <= {os.getcwd()}
    assert "Herselt" in str(nb.cells)
