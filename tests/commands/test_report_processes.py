"""`warmestad rapport` leaves no process behind: not after a plan is made, a plan is refused, or Ctrl-C.

The kernel is killed, not asked to stop (the command returns 0.1 s sooner that way); these tests
check that it is gone by the time the command has returned. Each run carries a marker in its
environment, which its kernels inherit: a process with that marker still running is a leftover
(other kernels on the machine do not count).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid

import psutil

from conftest import BROKEN, HERSELT, ROOT

MARKER = "WARMESTAD_TEST_RUN"


def _start(*args: str) -> tuple[subprocess.Popen, str]:
    mark = uuid.uuid4().hex
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), **{MARKER: mark})
    proc = subprocess.Popen([sys.executable, "-m", "warmestad_nb.cli", "rapport", *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc, mark


def _marked(mark: str) -> list[psutil.Process]:
    """Running processes (zombies excluded) with this run's marker in their environment."""
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get(MARKER) == mark and proc.status() != psutil.STATUS_ZOMBIE:
                found.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            pass
    return found


def _is_kernel(proc: psutil.Process) -> bool:
    try:
        return "ipykernel" in " ".join(proc.cmdline())
    except psutil.Error:
        return False


def test_no_kernel_is_left_after_a_plan_is_made(tmp_path):
    proc, mark = _start(str(HERSELT), "--formaat", "html", "--uit", str(tmp_path / "uit"))
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert "beleidsplan.html" in out
    assert _marked(mark) == []  # at once: the command waited for its kernel to be gone


def test_no_kernel_is_left_after_a_plan_is_refused(tmp_path):
    proc, mark = _start(str(HERSELT), str(BROKEN / "onbekende-sector.yaml"), "--uit", str(tmp_path / "uit"))
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "onbekende sector: ruimtevaart" in err
    assert _marked(mark) == []
    assert not (tmp_path / "uit").exists()


def test_ctrl_c_while_the_kernel_runs_leaves_no_process(tmp_path):
    proc, mark = _start(str(HERSELT), "--formaat", "html", "--uit", str(tmp_path / "uit"))
    deadline = time.monotonic() + 120
    while not any(_is_kernel(p) for p in _marked(mark)):
        assert proc.poll() is None and time.monotonic() < deadline, "no kernel was started"
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)  # what Ctrl-C sends
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Onderbroken." in err and "Traceback" not in err
    assert _marked(mark) == []
    assert not list((tmp_path / "uit").glob("*/beleidsplan.*"))
