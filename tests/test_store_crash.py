"""Crash test: 200 SIGKILLs of a process in the middle of its saves (benchmarks/save_crash.py runs more).

After each kill the plan must load and validate, and hold the last save the process reported or the
one it was busy with; temp files of killed saves must not pile up, and none may be left after the
next save.
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

KILLS = 200


def test_killing_saves_200_times_leaves_no_corrupt_plan_lost_save_or_temp_file():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "save_crash.py"), "--kills", str(KILLS),
                           "--seed", "19", "--json"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["trials"] == KILLS
    assert result["failures"] == 0, result["problems"]
    assert result["temp_files_after_next_save"] == []
    # A kill leaves at most the temp file of the plan and of its backup, plus one more when the next
    # process was killed before its first save finished: never a pile.
    assert result["most_temp_files_after_a_kill"] <= 4
