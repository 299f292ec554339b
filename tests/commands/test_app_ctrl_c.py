"""Ctrl-C on `warmestad app` at any moment after its start: no kernel left behind, no traceback.

Once, 2 of 10 stops shortly after a start printed a ZMQError: a kernel started ahead still waited
in its cell for a page, a graceful stop closed its sockets, and the cell then ended and tried to
answer. And Voila's own shutdown_all could stop on a kernel that ended while it went through its
list (404). `local_voila.stop_kernels` ends each kernel on its own.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENT = ROOT / "data" / "voorbeelden" / "44021-gent.yaml"
STARTS = 20


def processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if text.encode() in (entry / "environ").read_bytes() and int(entry.name) != os.getpid():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


@pytest.mark.slow
def test_twenty_starts_stopped_with_ctrl_c_at_random_moments_leave_nothing(tmp_path):
    plan = tmp_path / GENT.name
    shutil.copyfile(GENT, plan)
    env = dict(os.environ, PYTHONPATH=str(ROOT), JUPYTER_RUNTIME_DIR=str(tmp_path / "rt"))
    chance = random.Random(16)  # random moments, the same ones on every run
    problems = []
    for attempt in range(STARTS):
        # A terminal sends Ctrl-C to its foreground process group: the command (the server runs in
        # a session of its own, the command stops it).
        proc = subprocess.Popen([sys.executable, "-m", "warmestad_nb.cli", "app", str(plan)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                start_new_session=True, cwd=tmp_path)
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
        reader.start()
        started = time.monotonic()
        if attempt % 2:  # half of the stops while the kernels started ahead wait for their page
            while not any("is filled" in line for line in lines) and time.monotonic() - started < 120:
                time.sleep(0.1)
            time.sleep(chance.uniform(0, 4.0))
        else:  # the other half at any moment of the start
            time.sleep(chance.uniform(1.0, 8.0))  # from 1 s: before, Python itself is still starting
        moment = time.monotonic() - started
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=120)
        reader.join(30)
        out = "".join(lines)
        left = processes_mentioning(f"WARMESTAD_PLAN={plan}")
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        if left or "Traceback" in out or "ZMQError" in out or "achtergebleven" in out:
            problems.append(f"start {attempt} (Ctrl-C na {moment:.1f} s): {len(left)} processen over\n{out[-3000:]}")
    assert problems == []
