"""One worker of a batch: a warm kernel and one set of exporters, used plan after plan.

The kernel is started once and reused: before every plan it is reset to the state it had when it
became ready (kernelstate.py), so no plan sees what an earlier one left behind. A kernel that died
or hung is replaced by a fresh one. The nbconvert exporters and the Typst compiler (with its fonts) are
built once per worker (pipeline.Renderer).

Two plans overlap in a worker: while this process renders the PDF of one plan, its kernel already
runs the notebook of the next (in a background thread that mostly waits for the kernel), so a core
never idles while the other half of the work waits.

A worker also makes the regional overview when the batch asks for it: its kernel builds the page,
this process renders the PDF (overview_job.py).

`worker_main` is the body of a worker process; `Worker` can also be used in-process (tests).
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..report import failures
from ..report.execute import PRELOAD, Background, Kernel, execute
from ..report.failures import Cause, Failure, NotebookFailure
from ..report.overview_files import OVERVIEW_BASENAME
from ..report.pipeline import Renderer, write_documents
from . import overview_job
from .inputs import ROOT
from .messages import (KernelReplaced, Outcome, OverviewDone, OverviewFailed, OverviewStarted, OverviewTask,
                       PlanDone, PlanStarted, Ready, WorkerFailed)

_STATE = "__import__('warmestad_nb.batch.kernelstate', fromlist=['x'])"
SNAPSHOT = f"{_STATE}.snapshot()"
RESTORE = f"{_STATE}.restore()"
# Drawing a plan's charts made the collector run about 30 times (some 20 ms a plan, a tenth of the
# kernel's work); reference cycles are still collected, in fewer and larger rounds.
FEWER_COLLECTIONS = "__import__('gc').set_threshold(20_000, 10, 10)"


class KernelCodeError(RuntimeError):
    """Code run in the kernel failed: the error's name and text, as the kernel reports them."""

    def __init__(self, ename: str, evalue: str):
        super().__init__(f"{ename}: {evalue}")
        self.ename, self.evalue = ename, evalue

    @property
    def failure(self) -> Failure:
        return failures.read_failure(self.ename, self.evalue)


class KernelDied(RuntimeError):
    pass


class WarmKernel:
    """A report Kernel that runs many plans and is reset to its start state before each."""

    def __init__(self):
        # No input history: nobody reads it, and writing it costs each plan about 40 ms.
        self.kernel = Kernel(preload=PRELOAD + (FEWER_COLLECTIONS, SNAPSHOT),
                             options=("--HistoryManager.enabled=False",))

    @property
    def pid(self) -> int:
        return self.kernel.km.provisioner.process.pid

    def alive(self) -> bool:
        return self.kernel.km.is_alive()

    def run_code(self, code: str, timeout: float = 60) -> None:
        """Run code in the kernel without a trace in its history; raise KernelCodeError if it fails."""
        import queue

        # The notebook runs' client: connected while the kernel booted (a client of its own cost
        # another ready handshake, 0.2 s, before each worker's first plan).
        client = self.kernel.client()
        msg_id = client.execute(code, silent=True, store_history=False, allow_stdin=False)
        deadline = time.monotonic() + timeout
        while True:
            try:
                reply = client.get_shell_msg(timeout=0.5)
            except queue.Empty:
                if not self.alive():
                    raise KernelDied("de rekenkern (Python-kernel) stopte onverwacht.") from None
                if time.monotonic() > deadline:
                    raise TimeoutError(f"de rekenkern antwoordde niet binnen {timeout:.0f} s") from None
                continue
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        self._drain(client)
        content = reply["content"]
        if content["status"] != "ok":
            raise KernelCodeError(content.get("ename", "Error"), content.get("evalue", ""))

    def clean(self) -> None:
        self.run_code(RESTORE)

    @staticmethod
    def _drain(client) -> None:
        # Status messages of our silent runs pile up on IOPub otherwise.
        while client.iopub_channel.msg_ready():
            client.iopub_channel.get_msg(timeout=0)

    def shutdown(self) -> None:
        """Stop the kernel; kill it outright if a clean shutdown fails."""
        pid = None
        try:
            pid = self.pid
        except AttributeError:
            pass
        try:
            self.kernel.shutdown()
        except BaseException:  # noqa: BLE001 - an interrupted shutdown must still stop the process
            if pid is not None:
                _kill(pid)
            raise


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@dataclass
class Executed:
    """A plan's notebook run: the executed notebook, or the outcome of its failure."""

    plan: Path
    started: float  # wall-clock time the run started (stamped on the documents)
    clock: float  # perf_counter at the start
    nb: object = None
    failure: Outcome | None = None


@dataclass
class OverviewRun:
    """The regional overview staged by the kernel (a folder with its page), or why it failed."""

    folder: Path | None = None
    problem: str = ""


class Worker:
    """A warm kernel plus one Renderer; runs plans one after another.

    A plan has two halves: the notebook run in the kernel (`execute`) and the documents made from
    it in this process (`finish`). `run` does both in turn; the batch process overlaps them (the
    kernel runs the next plan while this process renders the PDF of the current one).
    """

    def __init__(self, formats: tuple[str, ...], out: Path, parameters: dict, timeout: int = 300):
        self.kernel = WarmKernel()  # boots in its own process while the exporters are built
        self.renderer = Renderer(formats)
        self.renderer.warm_up()
        self.out, self.parameters, self.timeout = Path(out), dict(parameters), timeout
        self.replaced = 0  # kernels replaced after a crash or a hang
        self.closed = False
        self._lock = threading.Lock()
        self._staged: set[Path] = set()

    def run(self, plan: Path) -> Outcome:
        return self.finish(self.execute(plan))

    def execute(self, plan: Path) -> Executed:
        """Reset the kernel and run the notebook for one plan. Never raises for the plan's sake."""
        run = Executed(Path(plan), time.time(), time.perf_counter())
        if not self.kernel.alive():  # died since the last plan: this plan gets a fresh one
            self._replace_kernel()
        try:
            self.kernel.clean()
            run.nb = execute(plan, kernel=self.kernel.kernel, parameters=self.parameters, timeout=self.timeout)
        except NotebookFailure as exc:
            run.failure = Outcome("mislukt", time.perf_counter() - run.clock, failure=exc.failure)
        except Exception as exc:  # noqa: BLE001 - one plan's failure must not stop the batch
            run.failure = Outcome("mislukt", time.perf_counter() - run.clock,
                                  failure=_failure(failures.NOTEBOOK, exc))
            self._replace_kernel()  # dead, hung or confused: start clean
        return run

    def finish(self, run: Executed) -> Outcome:
        """Write the documents of an executed plan (all at once, or none)."""
        if run.failure is not None:
            return run.failure
        pdf_before = self.renderer.pdf_seconds
        try:
            paths = write_documents(run.nb, self.out, self.renderer)
        except Exception as exc:  # noqa: BLE001 - one plan's failure must not stop the batch
            return Outcome("mislukt", time.perf_counter() - run.clock,
                           failure=_failure(failures.failed_step(exc), exc))
        for path in paths.values():  # stamped with the start: an edit during the run counts as newer
            os.utime(path, (run.started, run.started))
        return Outcome("gemaakt", time.perf_counter() - run.clock, files={ext: str(p) for ext, p in paths.items()},
                       pdf_seconds=self.renderer.pdf_seconds - pdf_before)

    def stage_overview(self, plans: list[str], datum: str) -> OverviewRun:
        """Build the regional overview's page in the kernel. Never raises for the overview's sake."""
        self.out.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(dir=self.out, prefix=f".{OVERVIEW_BASENAME}.", suffix=".tmp"))
        self._staged.add(folder)  # removed by publish, or by close after a stop
        if not self.kernel.alive():
            self._replace_kernel()
        try:
            self.kernel.clean()
            self.kernel.run_code(overview_job.kernel_code(plans, datum, folder), timeout=self.timeout)
            return OverviewRun(folder)
        except KernelCodeError as exc:
            problem = _text(exc.failure)
        except Exception as exc:  # noqa: BLE001 - the plans must still be made
            problem = _failure(failures.OVERVIEW, exc).tekst
            self._replace_kernel()
        self._staged.discard(folder)
        shutil.rmtree(folder, ignore_errors=True)
        return OverviewRun(problem=problem)

    def finish_overview(self, run: OverviewRun, formats: tuple[str, ...],
                        number: int = 0) -> OverviewDone | OverviewFailed:
        """Publish a staged overview: the message for the coordinator (from worker `number`)."""
        if run.folder is None:
            return OverviewFailed(number, run.problem)
        self._staged.discard(run.folder)  # publish removes it, whatever happens
        pdf_before = self.renderer.pdf_seconds
        try:
            paths, problems = overview_job.publish(run.folder, self.out, formats, self.renderer.pdf)
        except Exception as exc:  # noqa: BLE001 - reported in the batch report
            return OverviewFailed(number, _failure(failures.OVERVIEW, exc).tekst)
        return OverviewDone(number, {ext: str(p) for ext, p in paths.items()}, problems,
                            self.renderer.pdf_seconds - pdf_before)

    def _replace_kernel(self) -> None:
        with self._lock:
            if self.closed:  # the failure came from closing: no new kernel
                return
            try:
                self.kernel.shutdown()
            except Exception:  # noqa: BLE001 - it is being replaced anyway
                pass
            self.kernel = WarmKernel()
            self.replaced += 1

    def close(self) -> None:
        with self._lock:
            self.closed = True
            for folder in self._staged:
                shutil.rmtree(folder, ignore_errors=True)
            self.kernel.shutdown()


def _failure(part: str, exc: BaseException) -> Failure:
    """A failure in this process, with the Dutch text of the batch report."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    if isinstance(exc, (DeadKernelError, KernelDied)):
        return Failure(part, Cause.KERNEL, "de rekenkern (Python-kernel) stopte onverwacht.")
    if isinstance(exc, (CellTimeoutError, TimeoutError)):
        return Failure(part, Cause.TIMEOUT, "de notebook liep te lang en werd afgebroken.")
    failure = Failure.of(part, exc)
    return Failure(part, failure.soort, _text(failure))


def _text(failure: Failure) -> str:
    """The batch report's text: an unexpected error says so."""
    return f"onverwachte fout: {failure.tekst}" if failure.soort == Cause.UNEXPECTED else failure.tekst


# ------------------------------------------------------------------------------ the worker process


_stop_requested = False


def _interrupt(_signum, _frame):
    """The first stop signal interrupts what runs; later ones (Ctrl-C and then the coordinator's
    SIGTERM) must not interrupt the clean-up."""
    global _stop_requested
    if _stop_requested:
        return
    _stop_requested = True
    # The notebook run in the background thread is dropped here, event loop and all; asyncio would
    # log its pending task at exit, a message about our stop and not a fault.
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    raise KeyboardInterrupt


def _handle_stop_signals() -> None:
    """Our handlers first, then let through the signals the coordinator held back while starting us."""
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    sys.unraisablehook = _quiet_unraisable
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def _quiet_unraisable(unraisable) -> None:
    # A KeyboardInterrupt that lands in a garbage-collection callback cannot propagate; the flag set by
    # _interrupt still stops the worker after its current plan. And the event loop of a notebook run
    # dropped by a stop fails to close at exit (its file descriptors are gone; a run that ends closes
    # its loop itself, thread_event_loop). No "Exception ignored" noise for either.
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        return
    if _stop_requested and getattr(unraisable.object, "__qualname__", "") == "BaseEventLoop.__del__":
        return
    sys.__unraisablehook__(unraisable)


def worker_main(number: int, tasks, results, formats: tuple[str, ...], out: str,
                parameters: dict, timeout: int) -> None:
    """Take tasks until None; report every step on `results`.

    Tasks and messages: the records of messages.py.
    SIGTERM or SIGINT stops the worker at once: the current plan is dropped (nothing of it is
    published) and the kernel is shut down.
    """
    # The kernels import the same warmestad_nb as this process, whatever the user's PYTHONPATH.
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    worker = None
    try:
        _handle_stop_signals()  # a Ctrl-C held back during our start arrives here
        try:
            worker = Worker(tuple(formats), Path(out), parameters, timeout)
            results.put(Ready(number, os.getpid(), worker.kernel.pid))
        except Exception as exc:  # noqa: BLE001 - reported to the coordinator, who carries on
            results.put(WorkerFailed(number, f"{type(exc).__name__}: {exc}"))
            return
        reported = worker.replaced
        ahead = _next(tasks, results, number, worker)  # the kernel starts on the first task
        while ahead is not None:
            task, running = ahead
            done = running.result()
            if worker.replaced != reported:  # the coordinator keeps every kernel pid, to be sure
                reported = worker.replaced
                results.put(KernelReplaced(number, worker.kernel.pid))
            # The kernel takes the next task while this process renders the documents of this one.
            ahead = None if _stop_requested else _next(tasks, results, number, worker)
            if isinstance(task, OverviewTask):
                message = worker.finish_overview(done, task.formats, number)
                if _stop_requested:
                    break
                results.put(message)
                continue
            outcome = worker.finish(done)
            if _stop_requested and outcome.status != "gemaakt":
                break  # failed because it was interrupted: it stays "not made", not "failed"
            results.put(PlanDone(number, task.index, outcome))
    except KeyboardInterrupt:
        pass
    finally:
        if worker is not None:
            try:
                worker.close()
            except BaseException:  # noqa: BLE001 - the kernel was killed instead
                pass


def _next(tasks, results, number: int, worker: Worker):
    """Take the next task and start its kernel run in the background: (task, Background) or None."""
    task = tasks.get()
    if task is None:
        return None
    if isinstance(task, OverviewTask):
        results.put(OverviewStarted(number))
        return task, Background(worker.stage_overview, task.plans, task.datum)
    results.put(PlanStarted(number, task.index))
    return task, Background(worker.execute, Path(task.path))
