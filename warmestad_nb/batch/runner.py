"""The coordinator of a batch: which plans to run, the worker processes, progress, stopping cleanly.

Workers are separate processes (one per core by default), each with its warm kernel (worker.py).
Plans go out one at a time from a shared queue, the largest first, so the workers finish together.

Stopping: Ctrl-C (SIGINT) or SIGTERM only sets a flag here; the loop then sends SIGTERM to every
worker, which drops its current plan (the pipeline publishes a plan's files all at once, so nothing
half-written stays behind) and shuts its kernel down. Workers that do not stop in time are killed,
and so is any kernel process still running after that. Plans finished before the stop are kept; a
re-run only does what is missing or out of date.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
import signal
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..files import atomic_write
from .inputs import PlanJob, find_plans, newest_input, outputs, up_to_date
from .progress import Progress

OPTIONS_FILE = ".batch-opties.json"  # the document options of the last run, in the output folder
STOP_GRACE = 20.0  # seconds a worker gets to shut its kernel down after a stop


@dataclass
class PlanResult:
    plan: str
    gemeente: str
    nis: str
    status: str  # "gemaakt", "mislukt", "actueel" (already up to date) or "onderbroken"
    seconds: float = 0.0
    files: dict[str, str] = field(default_factory=dict)
    deel: str = ""
    reden: str = ""


@dataclass
class BatchResult:
    out: Path
    formats: tuple[str, ...]
    jobs: int
    started: datetime
    seconds: float = 0.0
    interrupted: bool = False
    plans: list[PlanResult] = field(default_factory=list)
    kernels_killed: int = 0  # kernel processes that had to be killed at the end (should stay 0)
    overview: dict[str, str] = field(default_factory=dict)
    overview_problem: str = ""

    def count(self, status: str) -> int:
        return sum(p.status == status for p in self.plans)

    @property
    def ok(self) -> bool:
        return not self.interrupted and not self.count("mislukt")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _StopFlag:
    """Turns SIGINT and SIGTERM into a flag for the main loop (no exception in the middle of a read)."""

    def __init__(self):
        self.raised = False
        self._previous = {}

    def __enter__(self):
        for signum in (signal.SIGINT, signal.SIGTERM):
            self._previous[signum] = signal.signal(signum, self._set)
        return self

    def _set(self, _signum, _frame):
        self.raised = True

    def __exit__(self, *exc):
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)


def _options_changed(out: Path, parameters: dict) -> bool:
    try:
        return json.loads((out / OPTIONS_FILE).read_text(encoding="utf-8")) != parameters
    except (OSError, ValueError):
        return True


def plan_todo(jobs: list[PlanJob], out: Path, formats: tuple[str, ...], again: bool,
              basename: str) -> tuple[list[PlanJob], list[PlanJob], dict[PlanJob, str]]:
    """(to run, up to date, refused with a reason): two plans for one municipality are refused."""
    inputs_mtime = newest_input()
    todo, current, refused = [], [], {}
    seen: dict[Path, PlanJob] = {}
    for job in jobs:
        folder = job.folder(out)
        if folder is not None and folder in seen:
            refused[job] = (f"{seen[folder].path.name} is ook een plan van {job.naam}; een map mag maar één "
                            f"plan per gemeente bevatten.")
            continue
        if folder is not None:
            seen[folder] = job
        newest = max(inputs_mtime, job.path.stat().st_mtime)
        if again or folder is None or not up_to_date(outputs(folder, formats, basename), newest):
            todo.append(job)
        else:
            current.append(job)
    return todo, current, refused


def run_batch(plans: list[str | Path], out: str | Path, formats: tuple[str, ...] = ("html", "pdf"), *,
              jobs: int | None = None, again: bool = False, parameters: dict | None = None,
              progress_stream=None, timeout: int = 300, overview: bool = True) -> BatchResult:
    """Make the documents of many plans. Returns what happened to each; never raises for one plan."""
    from ..report.pipeline import BASENAME

    out = Path(out)
    parameters = dict(parameters or {})
    all_jobs = find_plans(plans)
    out.mkdir(parents=True, exist_ok=True)
    again = again or _options_changed(out, parameters)
    todo, current, refused = plan_todo(all_jobs, out, formats, again, BASENAME)
    todo.sort(key=lambda j: j.path.stat().st_size, reverse=True)  # largest first: an even finish
    workers = max(1, min(jobs or default_jobs(), len(todo))) if todo else 0
    result = BatchResult(out=out, formats=formats, jobs=workers, started=datetime.now())
    clock = time.perf_counter()
    by_job: dict[PlanJob, PlanResult] = {}
    for job in all_jobs:
        status = "actueel" if job in current else "mislukt" if job in refused else "onderbroken"
        by_job[job] = PlanResult(str(job.path), job.naam, job.nis, status, reden=refused.get(job, ""),
                                 deel="het planbestand" if job in refused else "")
    if todo:
        atomic_write(out / OPTIONS_FILE, json.dumps(parameters, sort_keys=True).encode())
        _run_workers(todo, by_job, result, out, formats, parameters, workers, progress_stream, timeout)
    result.plans = [by_job[j] for j in all_jobs]
    result.seconds = time.perf_counter() - clock
    return result


def _run_workers(todo, by_job, result, out, formats, parameters, workers, progress_stream, timeout) -> None:
    from .worker import worker_main

    context = multiprocessing.get_context("spawn")  # no inherited threads or sockets
    tasks, results = context.Queue(), context.Queue()
    for index, job in enumerate(todo):
        tasks.put((index, str(job.path)))
    for _ in range(workers):
        tasks.put(None)
    progress = Progress(len(todo), stream=progress_stream)
    procs, kernels, current = {}, set(), {}  # worker -> Process; kernel pids; worker -> task index
    finished = 0
    with _StopFlag() as stop:
        for number in range(workers):
            procs[number] = context.Process(
                target=worker_main, name=f"warmestad-batch-{number}", daemon=True,
                args=(number, tasks, results, formats, str(out), parameters, timeout))
            procs[number].start()
        try:
            while finished < len(todo) and not stop.raised:
                try:
                    message = results.get(timeout=0.25)
                except queue.Empty:
                    finished += _check_workers(procs, current, todo, by_job, progress)
                    if not any(p.is_alive() for p in procs.values()) and finished < len(todo):
                        finished += _abandon(todo, by_job, "er is geen werker meer over om dit plan te maken.")
                    progress.draw()
                    continue
                finished += _handle(message, todo, by_job, progress, kernels, current)
        finally:
            result.interrupted = stop.raised
            if stop.raised:
                for proc in procs.values():
                    if proc.is_alive():
                        os.kill(proc.pid, signal.SIGTERM)
                tasks.cancel_join_thread()
            deadline = time.monotonic() + STOP_GRACE
            while any(p.is_alive() for p in procs.values()) and time.monotonic() < deadline:
                try:  # keep reading: a plan that finished just before the stop still counts
                    _handle(results.get(timeout=0.1), todo, by_job, progress, kernels, current)
                except queue.Empty:
                    pass
            _drain(results, todo, by_job, progress, kernels, current)
            for proc in procs.values():
                if proc.is_alive():
                    proc.kill()
                proc.join(timeout=5)
            result.kernels_killed = kill_leftover_kernels(kernels)
            progress.close()


def _handle(message, todo, by_job, progress, kernels, current) -> int:
    """Apply one worker message; returns 1 when a plan finished."""
    kind, number = message[0], message[1]
    if kind == "gereed":
        kernels.add(message[3])
    elif kind == "kernel":
        kernels.add(message[2])
    elif kind == "bezig":
        current[number] = message[2]
        progress.start(number, todo[message[2]].label)
    elif kind == "klaar":
        index, outcome = message[2], message[3]
        current.pop(number, None)
        job = todo[index]
        entry = by_job[job]
        entry.status, entry.seconds, entry.files = outcome.status, outcome.seconds, outcome.files
        entry.deel, entry.reden = outcome.deel, outcome.reden
        progress.finish(number, job.label, outcome.status == "gemaakt", outcome.seconds)
        return 1
    elif kind == "fout":
        progress.busy.pop(number, None)
        print(f"\nEen werker kon niet starten: {message[2]}", file=progress.stream)
    return 0


def _drain(results, todo, by_job, progress, kernels, current) -> None:
    while True:
        try:
            _handle(results.get(timeout=0.05), todo, by_job, progress, kernels, current)
        except (queue.Empty, EOFError, OSError):
            return


def _check_workers(procs, current, todo, by_job, progress) -> int:
    """A worker that died while on a plan: that plan failed."""
    lost = 0
    for number, proc in procs.items():
        if not proc.is_alive() and number in current:
            job = todo[current.pop(number)]
            entry = by_job[job]
            entry.status, entry.deel = "mislukt", "de werker"
            entry.reden = f"het werkproces stopte onverwacht (exitcode {proc.exitcode})."
            progress.finish(number, job.label, False, 0.0)
            lost += 1
    return lost


def _abandon(todo, by_job, reason: str) -> int:
    count = 0
    for job in todo:
        entry = by_job[job]
        if entry.status == "onderbroken":
            entry.status, entry.deel, entry.reden = "mislukt", "de werker", reason
            count += 1
    return count


def kill_leftover_kernels(pids) -> int:
    """Kill kernel processes that survived their worker (only if they still are ipykernel processes)."""
    killed = 0
    for pid in pids:
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue  # gone (or no /proc: the kernel stops itself when its parent is gone)
        if b"ipykernel" in cmdline:
            try:
                os.kill(pid, signal.SIGKILL)
                killed += 1
            except ProcessLookupError:
                pass
    return killed


def result_dict(result: BatchResult) -> dict:
    """The batch result as plain JSON data (batch-verslag.json)."""
    return {
        "gestart": result.started.isoformat(timespec="seconds"),
        "duur_s": round(result.seconds, 1),
        "formaten": list(result.formats),
        "werkers": result.jobs,
        "onderbroken": result.interrupted,
        "aantallen": {s: result.count(s) for s in ("gemaakt", "mislukt", "actueel", "onderbroken")},
        "plannen": [{"plan": p.plan, "gemeente": p.gemeente, "nis": p.nis, "status": p.status,
                     "duur_s": round(p.seconds, 2), "bestanden": p.files, "deel": p.deel, "reden": p.reden}
                    for p in result.plans],
        "overzicht": result.overview,
        "overzicht_probleem": result.overview_problem,
    }
