"""One worker of a batch: a warm kernel and one set of exporters, used plan after plan.

The kernel is started once and reused: before every plan it is reset to the state it had when it
became ready (kernelstate.py), so no plan sees what an earlier one left behind. A kernel that died
or hung is replaced by a fresh one. The nbconvert exporter and WeasyPrint's font cache are built
once per worker (pipeline.Renderer).

`worker_main` is the body of a worker process; `Worker` can also be used in-process (tests).
"""

from __future__ import annotations

import os
import signal
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import WarmeStadError
from ..report.execute import PRELOAD, Kernel, NotebookFailure
from ..report.pipeline import Renderer, render_plan
from .inputs import ROOT

_STATE = "__import__('warmestad_nb.batch.kernelstate', fromlist=['x'])"
SNAPSHOT = f"{_STATE}.snapshot()"
RESTORE = f"{_STATE}.restore()"
KERNEL_READY_TIMEOUT = 120  # seconds; a kernel boots in about a second, slower on a busy machine


class KernelCodeError(RuntimeError):
    def __init__(self, ename: str, evalue: str):
        super().__init__(f"{ename}: {evalue}")
        self.ename, self.evalue = ename, evalue


class WarmKernel:
    """A report Kernel that runs many plans and is reset to its start state before each."""

    def __init__(self):
        self.kernel = Kernel(preload=PRELOAD + (SNAPSHOT,))
        self._client = None

    @property
    def pid(self) -> int:
        return self.kernel.km.provisioner.process.pid

    def alive(self) -> bool:
        return self.kernel.km.is_alive()

    def run_code(self, code: str, timeout: float = 60) -> None:
        """Run code in the kernel without a trace in its history; raise KernelCodeError if it fails."""
        client = self._ready_client()
        msg_id = client.execute(code, silent=True, store_history=False, allow_stdin=False)
        deadline = time.monotonic() + timeout
        while True:
            reply = client.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        self._drain(client)
        content = reply["content"]
        if content["status"] != "ok":
            raise KernelCodeError(content.get("ename", "Error"), content.get("evalue", ""))

    def clean(self) -> None:
        self.run_code(RESTORE)

    def _ready_client(self):
        if self._client is None:
            from jupyter_client.session import Session

            # Its own session: clients of one KernelManager share its session id as their socket
            # identity, and the kernel then sends our replies to papermill's newer client.
            km = self.kernel.km
            client = km.client(session=Session(key=km.session.key, signature_scheme=km.session.signature_scheme))
            client.start_channels()
            client.wait_for_ready(timeout=KERNEL_READY_TIMEOUT)
            self._client = client
        return self._client

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
            if self._client is not None:
                self._client.stop_channels()
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
class Outcome:
    """What became of one plan."""

    status: str  # "gemaakt" or "mislukt"
    seconds: float
    files: dict[str, str] = field(default_factory=dict)
    deel: str = ""  # the part that failed (Dutch), e.g. "het hoofdstuk 'Actieplan'"
    reden: str = ""  # why (Dutch)


# Where in the pipeline a failure happened, found from the functions in the traceback.
_STEPS = (("_publish", "het wegschrijven van de bestanden"), ("build_docx", "het Word-document"),
          ("pdf", "de PDF"), ("html", "het HTML-document"))
PLAN_PART = "het planbestand of de opties"


class Worker:
    """A warm kernel plus one Renderer; runs plans one after another."""

    def __init__(self, formats: tuple[str, ...], out: Path, parameters: dict, timeout: int = 300):
        self.kernel = WarmKernel()  # boots in its own process while the exporters are built
        self.renderer = Renderer(formats)
        self.renderer.warm_up()
        self.out, self.parameters, self.timeout = Path(out), dict(parameters), timeout
        self.replaced = 0  # kernels replaced after a crash or a hang

    def run(self, plan: Path) -> Outcome:
        started = time.time()
        clock = time.perf_counter()
        try:
            self.kernel.clean()
            paths = render_plan(plan, self.out, self.renderer, kernel=self.kernel.kernel,
                                parameters=self.parameters)
        except NotebookFailure as exc:
            return Outcome("mislukt", time.perf_counter() - clock, deel=exc.deel or PLAN_PART,
                           reden=exc.oorzaak)
        except WarmeStadError as exc:
            return Outcome("mislukt", time.perf_counter() - clock, deel=_step(exc), reden=str(exc))
        except Exception as exc:  # noqa: BLE001 - one plan's failure must not stop the batch
            step = _step(exc)
            reason = _reason(exc)
            if step == "de notebook":
                self._replace_kernel()  # dead, hung or confused: start clean
            return Outcome("mislukt", time.perf_counter() - clock, deel=step, reden=reason)
        for path in paths.values():  # stamped with the start: an edit during the run counts as newer
            os.utime(path, (started, started))
        return Outcome("gemaakt", time.perf_counter() - clock, files={ext: str(p) for ext, p in paths.items()})

    def _replace_kernel(self) -> None:
        try:
            self.kernel.shutdown()
        except Exception:  # noqa: BLE001 - it is being replaced anyway
            pass
        self.kernel = WarmKernel()
        self.replaced += 1

    def close(self) -> None:
        self.kernel.shutdown()


def _step(exc: BaseException) -> str:
    names = [frame.name for frame in traceback.extract_tb(exc.__traceback__)]
    for name, label in _STEPS:
        if name in names:
            return label
    return "de notebook"


def _reason(exc: BaseException) -> str:
    kind = type(exc).__name__
    if kind == "DeadKernelError":
        return "de rekenkern (Python-kernel) stopte onverwacht."
    if kind in ("CellTimeoutError", "TimeoutError"):
        return "de notebook liep te lang en werd afgebroken."
    return f"onverwachte fout: {kind}: {exc}"


# ------------------------------------------------------------------------------ the worker process


_stop_requested = False


def _interrupt(_signum, _frame):
    global _stop_requested
    _stop_requested = True
    raise KeyboardInterrupt


def _quiet_unraisable(unraisable) -> None:
    # A KeyboardInterrupt that lands in a garbage-collection callback cannot propagate; the flag set by
    # _interrupt still stops the worker after its current plan. No "Exception ignored" noise for it.
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)


def worker_main(number: int, tasks, results, formats: tuple[str, ...], out: str, parameters: dict,
                timeout: int) -> None:
    """Take (index, plan path) tasks until None; report every step on `results`.

    Messages: ("gereed", n, worker pid, kernel pid), ("bezig", n, index), ("klaar", n, index, Outcome),
    ("kernel", n, kernel pid) after a replacement, ("fout", n, text) when the worker cannot start.
    SIGTERM or SIGINT stops the worker at once: the current plan is dropped (nothing of it is
    published) and the kernel is shut down.
    """
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    sys.unraisablehook = _quiet_unraisable
    # The kernels import the same warmestad_nb as this process, whatever the user's PYTHONPATH.
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    worker = None
    try:
        try:
            worker = Worker(tuple(formats), Path(out), parameters, timeout)
            results.put(("gereed", number, os.getpid(), worker.kernel.pid))
        except Exception as exc:  # noqa: BLE001 - reported to the coordinator, who carries on
            results.put(("fout", number, f"{type(exc).__name__}: {exc}"))
            return
        while not _stop_requested:
            task = tasks.get()
            if task is None:
                break
            index, plan = task
            results.put(("bezig", number, index))
            replaced = worker.replaced
            outcome = worker.run(Path(plan))
            if _stop_requested and outcome.status != "gemaakt":
                break  # failed because it was interrupted: it stays "not made", not "failed"
            if worker.replaced != replaced:
                results.put(("kernel", number, worker.kernel.pid))
            results.put(("klaar", number, index, outcome))
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if worker is not None:
            try:
                worker.close()
            except BaseException:  # noqa: BLE001 - the kernel was killed instead
                pass


def overview_main(plans: list[str], out: str, formats: tuple[str, ...], datum: str, results) -> None:
    """The regional overview, at low priority: it uses what the workers leave of the processor.

    Messages: ("overzicht", None, {format: path}, [problems]) or ("overzicht-fout", None, text).
    """
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    sys.unraisablehook = _quiet_unraisable
    os.nice(10)
    try:
        from datetime import date

        from ..overview import write_overview

        written = write_overview([Path(p) for p in plans], Path(out), tuple(formats),
                                 datum=date.fromisoformat(datum) if datum else None)
        results.put(("overzicht", None, {ext: str(p) for ext, p in written.paths.items()}, written.problems))
    except KeyboardInterrupt:
        pass
    except WarmeStadError as exc:
        results.put(("overzicht-fout", None, str(exc)))
    except Exception as exc:  # noqa: BLE001 - reported in the batch report
        results.put(("overzicht-fout", None, f"onverwachte fout: {type(exc).__name__}: {exc}"))
