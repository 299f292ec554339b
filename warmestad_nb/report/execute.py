"""Execute notebooks/beleidsplan.ipynb for one plan through papermill's Python API.

Two ways, same result:
  execute(plan)                  papermill starts and stops a kernel (about 0.7 s extra);
  execute(plan, kernel=Kernel()) runs in a kernel that is already starting or running, through the
                                 "warmestad" papermill engine. Start the Kernel early (it boots in its
                                 own process while this one imports nbconvert and Typst), or start
                                 the next plan's kernel while the current one runs.
A Kernel keeps the namespace of what ran in it: give each plan a fresh Kernel, or reset the
namespace before reusing one (the batch does that and proves it leaks nothing).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import signal
import sys
import threading
import time
from pathlib import Path

from ..errors import WarmeStadError
from .failures import NotebookFailure, read_failure

NOTEBOOK = Path(__file__).resolve().parent.parent.parent / "notebooks" / "beleidsplan.ipynb"
ENGINE = "warmestad"
KERNEL_NAME = "python3"
READY_TIMEOUT = 120  # seconds; a kernel is ready in about a second, slower on a busy machine
EXIT_TIMEOUT = 10  # seconds; a killed kernel is gone within milliseconds
# No input history: nobody reads it, and keeping it costs each run a database and a thread.
NO_HISTORY = "--HistoryManager.enabled=False"


# Run by the kernel while it boots, in parallel with this process: the notebook's imports and
# matplotlib's font list are then ready when the first cell runs (about 0.5 s of the kernel's work).
PRELOAD = ("import warmestad_nb.report.kernel_imports",)


class Kernel:
    """A Python kernel process, started at once (start-up runs in the background).

    A client connects in a background thread as soon as the kernel is up, so the handshake is
    done before the first notebook runs.
    """

    def __init__(self, cwd: Path = NOTEBOOK.parent, kernel_name: str = KERNEL_NAME,
                 preload: tuple[str, ...] = PRELOAD, options: tuple[str, ...] = (NO_HISTORY,)):
        """options: kernel command-line options (traitlets settings such as NO_HISTORY)."""
        from jupyter_client import KernelManager

        self.km = KernelManager(kernel_name=kernel_name, kernel_spec_manager=_this_python())
        try:
            # exec_lines run before the kernel reports ready; log_level hides the TCP transport warning.
            self.km.start_kernel(cwd=str(cwd), extra_arguments=[
                f"--IPKernelApp.exec_lines={list(preload)!r}", "--IPKernelApp.log_level=ERROR", *options])
        except BaseException:  # e.g. Ctrl-C while it starts: the caller never gets this Kernel to stop
            # After a cut-off start, jupyter_client's clean-up (past the kill) can fail with
            # InvalidStateError on its own start future; the process is gone by then.
            with contextlib.suppress(asyncio.InvalidStateError):
                self._kill()
            raise
        self._kc = None
        self._stop = threading.Event()
        self._connecting = Background(self._connect)

    def _connect(self):
        kc = self.km.client()
        try:
            kc.start_channels()
            wait_until_ready(kc, self.km, READY_TIMEOUT, self._stop)
            kc.allow_stdin = False
        except BaseException:
            kc.stop_channels()
            raise
        self._kc = kc
        return kc

    def client(self):
        """The connected client, once the kernel is ready (raises if it never became ready)."""
        return self._connecting.result()

    def shutdown(self) -> None:
        """End the kernel process (and anything it started) and wait until it is gone."""
        self._stop.set()
        self._kill()
        self._connecting.wait(READY_TIMEOUT)  # ends quickly once the kernel is gone
        if self._kc is not None:
            self._kc.stop_channels()
            self._kc = None

    def _kill(self) -> None:
        if self.km.has_kernel:
            # Killed and reaped here: jupyter_client's own kill looks every 0.1 s whether the kernel
            # is gone, and its first look always came too early (0.1 s added to every plan).
            with contextlib.suppress(ProcessLookupError):
                self.km.signal_kernel(signal.SIGKILL)  # the kernel's whole process group
            deadline = time.monotonic() + EXIT_TIMEOUT
            while self.km.is_alive() and time.monotonic() < deadline:
                time.sleep(0.001)
            self.km.shutdown_kernel(now=True)  # nothing left to wait for: only the clean-up

    def __enter__(self) -> "Kernel":
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()


def _this_python():
    """The kernel specification: ipykernel in this Python, without its debugger (ipykernel_launcher.py).

    The notebook needs the workbook's own Python (the one warmestad_nb is installed in) whatever
    kernels the computer has installed, and no search through Jupyter's kernel folders (0.03 s)."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

    class ThisPython(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            return KernelSpec(
                argv=[sys.executable, "-m", f"{__package__}.ipykernel_launcher", "-f", "{connection_file}"],
                display_name="Python 3 (ipykernel)", language="python", interrupt_mode="signal",
                name=kernel_name)

    return ThisPython()


class Background:
    """A call in a daemon thread with an event loop of its own (a kernel run, a kernel's client
    connecting): a kernel that hangs never keeps the process alive."""

    def __init__(self, run, *args):
        self._result = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(run, *args), daemon=True)
        self._thread.start()

    def _run(self, run, *args) -> None:
        with thread_event_loop():
            try:
                self._result = run(*args)
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
                self._error = exc

    def wait(self, timeout: float) -> None:
        self._thread.join(timeout)

    def result(self):
        """What the call returned, once it is done (raises what it raised)."""
        while self._thread.is_alive():
            self._thread.join(0.2)  # short waits: Ctrl-C stays responsive
        if self._error is not None:
            raise self._error
        return self._result


@contextlib.contextmanager
def thread_event_loop():
    """For a thread of its own that talks to a kernel: its asyncio loop, closed when the thread is done.

    jupyter_client's blocking calls and nbclient run through jupyter_core, which gives each thread an
    event loop and never closes it. Left to the garbage collector, the loop sits in a reference cycle
    with its self-pipe socket; when the socket is finalized first, the loop's __del__ fails on the
    closed descriptor and prints a traceback (seen in CI, after a batch with a failing plan).
    """
    import asyncio

    from jupyter_core.utils import ensure_event_loop

    loop = ensure_event_loop()  # the one jupyter_core will hand out in this thread
    try:
        yield
    finally:
        if not loop.is_closed() and not loop.is_running():  # as asyncio.run ends
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()


def wait_until_ready(kc, km, timeout: float, stop: threading.Event | None = None) -> None:
    """jupyter_client's wait_for_ready without its closing 0.2 s wait for IOPub to fall quiet.

    That wait only drops stray messages, and every reader here (nbclient, WarmKernel.run_code)
    skips messages that answer another request; it was pure waiting before each first plan.
    As there: a kernel_info reply, then a message on IOPub to know that channel is connected.
    Short waits, so that a kernel stopped while it boots (stop set) ends this at once.
    """
    import queue

    deadline = time.monotonic() + timeout
    asked = -1.0
    while True:
        if time.monotonic() - asked >= 1:  # ask about once a second, as jupyter_client does
            kc.kernel_info()
            asked = time.monotonic()
        try:
            reply = kc.get_shell_msg(timeout=0.02)
        except queue.Empty:
            reply = None
        if reply is not None and reply["msg_type"] == "kernel_info_reply":
            try:
                kc.get_iopub_msg(timeout=0.2)
                return
            except queue.Empty:
                asked = -1.0  # IOPub not connected yet: ask again
        if stop is not None and stop.is_set():
            raise WarmeStadError("De rekenkern (Python-kernel) werd gestopt tijdens het opstarten.")
        if not km.is_alive():
            raise WarmeStadError("De rekenkern (Python-kernel) stopte tijdens het opstarten.")
        if time.monotonic() > deadline:
            raise WarmeStadError(f"De rekenkern (Python-kernel) was na {timeout:.0f} s nog niet klaar om te rekenen.")


@functools.cache
def _register_engine() -> None:
    """Papermill's engine registry is where a warm kernel plugs in."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    class WarmKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, kernel: Kernel, log_output=False,
                                     start_timeout=60, execution_timeout=None, **kwargs):
            client = PapermillNotebookClient(
                nb_man, km=kernel.km, kernel_name=kernel_name, startup_timeout=start_timeout,
                timeout=execution_timeout, log=logging.getLogger("papermill"), log_output=log_output)
            client.kc = kernel.client()  # already connected; the kernel keeps it for its next run
            return client.execute()

    papermill_engines.register(ENGINE, WarmKernelEngine)


def execute(plan_path: str | Path, *, kernel: Kernel | None = None, parameters: dict | None = None,
            notebook: Path = NOTEBOOK, timeout: int = 300):
    """Run the notebook for one plan; returns the executed notebook (nbformat NotebookNode).

    parameters: the notebook's other parameters (secties, taalniveau, datum, versie): plain values.
    A failing cell raises WarmeStadError naming the section and the cause in Dutch.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    params = {"plan": str(Path(plan_path).resolve()), **(parameters or {})}
    # No cwd= for papermill: it would chdir the whole process while the notebook runs, and the batch
    # writes the previous plan's documents from another thread meanwhile (relative paths went to
    # notebooks/). The kernel starts in the notebook's folder instead: a Kernel by its cwd, one that
    # papermill starts by nbclient's resources path.
    engine: dict = {"resources": {"metadata": {"path": str(notebook.parent)}}}
    if kernel is not None:
        _register_engine()
        engine = {"engine_name": ENGINE, "kernel": kernel}
    try:
        return papermill.execute_notebook(
            str(notebook), None, parameters=params, kernel_name=KERNEL_NAME, progress_bar=False,
            execution_timeout=timeout, **engine)
    except PapermillExecutionError as exc:
        raise NotebookFailure(read_failure(exc.ename, exc.evalue)) from None
