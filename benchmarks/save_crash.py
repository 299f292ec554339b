"""SIGKILL a process in the middle of saving a plan, many times; check what is left on disk.

Usage: .venv/bin/python benchmarks/save_crash.py [--kills 1000] [--seed 1] [--json]

Each trial forks a child from this process (the store is imported once, so a trial costs tens of
milliseconds, not a Python start-up). The child opens the plan and saves it over and over, each save
with the next number in the notes, and reports each finished save on a pipe. After a random moment
the child is killed with SIGKILL. Then:
  - the plan must load and validate (not corrupt);
  - its number must be the last reported one or the one after (that save was done but not reported
    yet): no save is lost beyond the one interrupted;
  - the temp files of killed saves must be gone after the next save (checked once more at the end).
Prints trials, failures and the load average; --json prints the same as one JSON object (the test
tests/test_store_crash.py reads that).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warmestad_nb.errors import WarmeStadError  # noqa: E402
from warmestad_nb.newplan import new_plan  # noqa: E402
from warmestad_nb.store import PlanStore, create_plan, read_plan  # noqa: E402

# A new plan with 4,000 characters of notes: it loads in about 10 ms and saves in 30-60 ms (mostly
# fsync), so a trial is short and a kill lands anywhere from the first to the fourth save.
FILLER = "Afspraak van de stuurgroep; nog na te vragen bij de partners.\n" * 64


def _notes(number: int) -> str:
    return f"bewaarbeurt {number}\n{FILLER}"


def _number(path: Path) -> int:
    found = re.match(r"bewaarbeurt (\d+)", read_plan(path).omgevingsanalyse.notities)
    return int(found[1]) if found else 0


def _child(path: Path, first: int, report: int) -> None:
    """Save forever; after each save, write its number to the pipe. Never returns."""
    try:
        plan_store = PlanStore(path)
        os.write(report, b"ready\n")
        number = first
        while True:
            plan_store.plan.omgevingsanalyse.notities = _notes(number)
            plan_store.save()
            os.write(report, f"{number}\n".encode())
            number += 1
    finally:
        os._exit(1)  # never run the parent's clean-up in the child


def _read_all(fd: int) -> list[str]:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks).decode().split()


def temp_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.tmp"))


def trial(path: Path, before: int, rng: random.Random) -> tuple[str | None, int, int]:
    """One kill of a child that starts from save number `before`.

    Returns (problem or None, the number on disk after the kill, temp files left right after it).
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _child(path, before + 1, write_fd)
    os.close(write_fd)
    # Wait until the child has loaded the plan, then kill it somewhere in its next few saves.
    ready = os.read(read_fd, 6)
    time.sleep(rng.uniform(0.0, 0.15))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    lines = ready.decode().split() + _read_all(read_fd)
    os.close(read_fd)
    temps = len(temp_files(path.parent))
    if lines[:1] != ["ready"]:
        return "the child could not open the plan", before, temps
    reported = int(lines[-1]) if len(lines) > 1 else before
    try:
        on_disk = _number(path)
    except WarmeStadError as exc:
        return f"plan unreadable after the kill: {exc}", before, temps
    if on_disk not in (reported, reported + 1):
        return f"save lost: last reported {reported}, on disk {on_disk}", on_disk, temps
    return None, on_disk, temps


def run(kills: int, seed: int, folder: Path) -> dict:
    fresh, _ = new_plan("Herselt")
    path = create_plan(folder / "13013-herselt.yaml", fresh)
    good = path.read_bytes()
    rng = random.Random(seed)
    failures: list[str] = []
    most_temps = 0
    started = time.perf_counter()
    number = 0
    for _ in range(kills):
        problem, number, temps = trial(path, number, rng)
        most_temps = max(most_temps, temps)
        if problem:
            failures.append(problem)
            path.write_bytes(good)  # start again from a good plan
            number = 0
    plan_store = PlanStore(path)  # the next save after the last kill
    plan_store.plan.omgevingsanalyse.notities = _notes(number + 1)
    plan_store.save()
    return {
        "trials": kills,
        "failures": len(failures),
        "problems": failures[:10],
        "most_temp_files_after_a_kill": most_temps,
        "temp_files_after_next_save": temp_files(folder),
        "saves": number,
        "seconds": round(time.perf_counter() - started, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="save-crash-") as folder:
        result = run(args.kills, args.seed, Path(folder))
    if args.json:
        print(json.dumps(result))
        return
    print(f"trials {result['trials']}, failures {result['failures']}, "
          f"{result['seconds']} s, load average {result['load_average']}")
    print(f"at most {result['most_temp_files_after_a_kill']} temp file(s) right after a kill; "
          f"after the next save: {len(result['temp_files_after_next_save'])}")
    for problem in result["problems"]:
        print(f"  {problem}")


if __name__ == "__main__":
    main()
