"""The coordinator of a batch: which plans to run, the worker processes, progress, stopping cleanly.

Workers are separate processes (one per core by default), each with its warm kernel (worker.py).
Plans go out one at a time from a shared queue, the largest first, so the workers finish together;
the regional overview, when due, goes out before them (it is the largest task).

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

from ..files import atomic_write, check_writable_folder, dutch_write_errors
from ..report.overview_files import OVERVIEW_BASENAME, OVERVIEW_FORMATS
from ..report.failures import PLAN_FILE, WORKER, part_label
from .inputs import PlanJob, find_plans, newest_input, outputs, up_to_date
from .messages import (KernelReplaced, OverviewDone, OverviewFailed, OverviewStarted, OverviewTask, PlanDone,
                       PlanStarted, PlanTask, Ready, WorkerFailed)
from .progress import Progress

STATE_FILE = ".batch-staat.json"  # the options of the last run and the plans of its overview
STOP_GRACE = 20.0  # seconds a worker gets to shut its kernel down after a stop
HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@dataclass
class PlanResult:
    plan: str
    gemeente: str
    nis: str
    status: str  # "gemaakt", "mislukt", "actueel" (already up to date) or "onderbroken"
    seconds: float = 0.0
    done_after: float | None = None  # seconds from the start of the batch until this plan was done
    files: dict[str, str] = field(default_factory=dict)
    deel: str = ""
    reden: str = ""
    pdf_seconds: float = 0.0  # processor time in the PDF renderer


@dataclass
class BatchResult:
    out: Path
    formats: tuple[str, ...]
    jobs: int
    started: datetime
    seconds: float = 0.0
    interrupted: bool = False
    stop_signal: str = ""  # "SIGINT" (Ctrl-C) or "SIGTERM" when interrupted
    plans: list[PlanResult] = field(default_factory=list)
    kernels_killed: int = 0  # kernel processes that had to be killed at the end (should stay 0)
    overview: dict[str, str] = field(default_factory=dict)
    overview_problem: str = ""  # why the overview was not made
    overview_skipped: list[str] = field(default_factory=list)  # plans the overview could not read
    overview_pdf_seconds: float = 0.0  # processor time in the PDF renderer

    def count(self, status: str) -> int:
        return sum(p.status == status for p in self.plans)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _StopFlag:
    """Turns SIGINT and SIGTERM into a flag for the main loop (no exception in the middle of a read)."""

    def __init__(self):
        self.raised = False
        self.signal_name = ""
        self._previous = {}

    def __enter__(self):
        for signum in HELD_SIGNALS:
            self._previous[signum] = signal.signal(signum, self._set)
        return self

    def _set(self, signum, _frame):
        if not self.raised:
            self.signal_name = signal.Signals(signum).name
        self.raised = True

    def __exit__(self, *exc):
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)


def _read_state(out: Path) -> dict:
    try:
        state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
        return state if isinstance(state, dict) else {}
    except (OSError, ValueError):
        return {}


def plan_todo(jobs: list[PlanJob], out: Path, formats: tuple[str, ...], again: bool,
              basename: str, inputs_mtime: float) -> tuple[list[PlanJob], list[PlanJob], dict[PlanJob, str]]:
    """(to run, up to date, refused with a reason): two plans for one municipality are refused."""
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


def overview_formats(formats: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f for f in OVERVIEW_FORMATS if f in formats) or ("html",)


def run_batch(plans: list[str | Path], out: str | Path, formats: tuple[str, ...] = ("html", "pdf"), *,
              jobs: int | None = None, again: bool = False, parameters: dict | None = None,
              progress_stream=None, timeout: int = 300, overview: bool = True) -> BatchResult:
    """Make the documents of many plans (and the regional overview). Never raises for one plan."""
    from ..report.pipeline import BASENAME

    out = Path(out)
    parameters = dict(parameters or {})
    all_jobs = find_plans(plans)
    check_writable_folder(out)
    with dutch_write_errors(out):
        out.mkdir(parents=True, exist_ok=True)
    state = _read_state(out)
    options = dict(parameters)
    again = again or state.get("opties") != options  # other options: other documents
    inputs_mtime = newest_input()
    todo, current, refused = plan_todo(all_jobs, out, formats, again, BASENAME, inputs_mtime)
    todo.sort(key=lambda j: j.path.stat().st_size, reverse=True)  # largest first: an even finish
    plan_paths = [str(j.path) for j in all_jobs]
    views = overview_formats(formats)
    newest_plan = max([inputs_mtime] + [j.path.stat().st_mtime for j in all_jobs])
    overview_due = overview and (again or bool(todo) or state.get("overzicht") != plan_paths
                                 or not up_to_date([out / f"{OVERVIEW_BASENAME}.{ext}" for ext in views], newest_plan))
    tasks = len(todo) + overview_due
    workers = max(1, min(jobs or default_jobs(), tasks)) if tasks else 0
    result = BatchResult(out=out, formats=formats, jobs=workers, started=datetime.now())
    clock = time.perf_counter()
    by_job: dict[PlanJob, PlanResult] = {}
    for job in all_jobs:
        status = "actueel" if job in current else "mislukt" if job in refused else "onderbroken"
        by_job[job] = PlanResult(str(job.path), job.naam, job.nis, status, reden=refused.get(job, ""),
                                 deel=part_label(PLAN_FILE) if job in refused else "")
    if not overview_due and overview:
        result.overview = {ext: str(out / f"{OVERVIEW_BASENAME}.{ext}") for ext in views}
    if todo or overview_due:
        atomic_write(out / STATE_FILE, json.dumps({"opties": options}, sort_keys=True).encode())
        run = _Run(todo, by_job, result, progress_stream)
        with _StopFlag() as stop:
            run.start(workers, formats, out, parameters, timeout,
                      (plan_paths, views, parameters.get("datum", "")) if overview_due else None)
            run.wait(stop)
        if overview_due and result.overview and not result.interrupted:
            atomic_write(out / STATE_FILE, json.dumps({"opties": options, "overzicht": plan_paths},
                                                      sort_keys=True).encode())
    result.plans = [by_job[j] for j in all_jobs]
    result.seconds = time.perf_counter() - clock
    return result


class _Run:
    """The worker processes of one batch, and what they report."""

    def __init__(self, todo: list[PlanJob], by_job: dict[PlanJob, PlanResult], result: BatchResult, stream):
        self.todo, self.by_job, self.result = todo, by_job, result
        self.context = multiprocessing.get_context("spawn")  # no inherited threads or sockets
        self.tasks, self.results = self.context.Queue(), self.context.Queue()
        self.progress = Progress(len(todo), stream=stream)
        self.workers: dict[int, multiprocessing.Process] = {}
        self.overview_done = True
        self.overview_worker: int | None = None  # the worker making the overview
        self.stop = _StopFlag()  # the flag of the running wait()
        self.kernels: set[int] = set()
        self.current: dict[int, set[int]] = {}  # worker -> indexes of the plans it is on (two at most)
        self.finished = 0
        self.clock = time.perf_counter()

    def start(self, workers, formats, out, parameters, timeout, overview_task) -> None:
        from .worker import worker_main

        if overview_task is not None:
            plan_paths, views, datum = overview_task
            self.overview_done = False
            self.tasks.put(OverviewTask(plan_paths, views, datum))
        for index, job in enumerate(self.todo):
            self.tasks.put(PlanTask(index, str(job.path)))
        for _ in range(workers):
            self.tasks.put(None)
        # The children start with Ctrl-C held back until their own handlers are in place (a Ctrl-C
        # during their start-up then stops them cleanly instead of with a traceback).
        held = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
        try:
            for number in range(workers):
                self.workers[number] = self.context.Process(
                    target=worker_main, name=f"warmestad-batch-{number}", daemon=True,
                    args=(number, self.tasks, self.results, formats, str(out), parameters, timeout))
                self.workers[number].start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def _busy(self) -> bool:
        return self.finished < len(self.todo) or not self.overview_done

    def wait(self, stop: _StopFlag) -> None:
        self.stop = stop
        try:
            while self._busy() and not stop.raised:
                try:
                    self._handle(self.results.get(timeout=0.25))
                except queue.Empty:
                    self._check_processes()
                    self.progress.draw()
        finally:
            self.result.interrupted, self.result.stop_signal = stop.raised, stop.signal_name
            self._stop(stop.raised)

    def _stop(self, interrupted: bool) -> None:
        processes = list(self.workers.values())
        if interrupted:
            for proc in processes:
                if proc.is_alive():
                    os.kill(proc.pid, signal.SIGTERM)
            self.tasks.cancel_join_thread()
        deadline = time.monotonic() + STOP_GRACE
        while any(p.is_alive() for p in processes) and time.monotonic() < deadline:
            try:  # keep reading: a plan that finished just before the stop still counts
                self._handle(self.results.get(timeout=0.1))
            except queue.Empty:
                pass
        while True:
            try:
                self._handle(self.results.get(timeout=0.05))
            except (queue.Empty, EOFError, OSError):
                break
        for proc in processes:
            if proc.is_alive():
                proc.kill()
            proc.join(timeout=5)
        self.result.kernels_killed = kill_leftover_kernels(self.kernels)
        self.progress.close()

    def _handle(self, message) -> None:
        if isinstance(message, (Ready, KernelReplaced)):
            self.kernels.add(message.kernel_pid)
        elif isinstance(message, PlanStarted):
            self.current.setdefault(message.worker, set()).add(message.index)
            self.progress.start(message.index, self.todo[message.index].label)
        elif isinstance(message, PlanDone):
            index, outcome = message.index, message.outcome
            self.current.get(message.worker, set()).discard(index)
            job = self.todo[index]
            entry = self.by_job[job]
            entry.status, entry.seconds, entry.files = outcome.status, outcome.seconds, outcome.files
            entry.done_after = time.perf_counter() - self.clock
            if outcome.failure is not None:
                entry.deel, entry.reden = outcome.failure.label, outcome.failure.tekst
            entry.pdf_seconds = outcome.pdf_seconds
            self.finished += 1
            self.progress.finish(index, job.label, outcome.status == "gemaakt", outcome.seconds)
        elif isinstance(message, WorkerFailed):
            print(f"\nEen werker kon niet starten: {message.reason}", file=self.progress.stream)
        elif isinstance(message, OverviewStarted):
            self.overview_worker = message.worker
        elif isinstance(message, OverviewDone):
            self.overview_done = True
            self.result.overview = message.files
            self.result.overview_skipped = list(message.skipped)
            self.result.overview_pdf_seconds = message.pdf_seconds
        elif isinstance(message, OverviewFailed):
            self.overview_done = True
            self.result.overview_problem = message.reason

    def _check_processes(self) -> None:
        """A worker that died while on a plan: that plan failed. No workers left: the rest failed.

        Not after a stop: Ctrl-C at a terminal reaches the workers as well, and they end before this
        process has left its loop; their plans stay "not made", not failed.
        """
        if any(not p.is_alive() and self.current.get(n) for n, p in self.workers.items()):
            deadline = time.monotonic() + 1.0  # its last message may still be on the way
            while time.monotonic() < deadline:
                try:
                    self._handle(self.results.get(timeout=0.1))
                except queue.Empty:
                    pass
        if self.stop.raised:
            return
        for number, proc in self.workers.items():
            if not proc.is_alive() and self.current.get(number):
                for index in sorted(self.current.pop(number)):
                    job = self.todo[index]
                    self._fail(job, f"het werkproces stopte onverwacht (exitcode {proc.exitcode}).")
                    self.progress.finish(index, job.label, False, 0.0)
        if self.finished < len(self.todo) and not any(p.is_alive() for p in self.workers.values()):
            for job in self.todo:
                if self.by_job[job].status == "onderbroken":
                    self._fail(job, "er is geen werker meer over om dit plan te maken.")
        if not self.overview_done:
            proc = self.workers.get(self.overview_worker) if self.overview_worker is not None else None
            if proc is not None and not proc.is_alive():
                self.overview_done = True
                self.result.overview_problem = f"het werkproces stopte onverwacht (exitcode {proc.exitcode})."
            elif not any(p.is_alive() for p in self.workers.values()):
                self.overview_done = True
                self.result.overview_problem = "er is geen werker meer over om het overzicht te maken."

    def _fail(self, job: PlanJob, reason: str) -> None:
        entry = self.by_job[job]
        entry.status, entry.deel, entry.reden = "mislukt", part_label(WORKER), reason
        self.finished += 1


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
        "stopsignaal": result.stop_signal,
        "kernels_opgeruimd": result.kernels_killed,
        "aantallen": {s: result.count(s) for s in ("gemaakt", "mislukt", "actueel", "onderbroken")},
        "plannen": [{"plan": p.plan, "gemeente": p.gemeente, "nis": p.nis, "status": p.status,
                     "duur_s": round(p.seconds, 2), "pdf_processortijd_s": round(p.pdf_seconds, 3),
                     "klaar_na_s": None if p.done_after is None else round(p.done_after, 2),
                     "bestanden": p.files, "deel": p.deel, "reden": p.reden}
                    for p in result.plans],
        "overzicht": result.overview,
        "overzicht_probleem": result.overview_problem,
        "overzicht_telt_niet_mee": result.overview_skipped,
        "overzicht_pdf_processortijd_s": round(result.overview_pdf_seconds, 3),
    }
