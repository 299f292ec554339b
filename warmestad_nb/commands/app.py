"""`warmestad app` and `warmestad lab`: the workbook in the browser, on this computer only.

The server (Voila or JupyterLab) runs as a child process bound to 127.0.0.1 with a random token and
kernel culling. The token goes to the server in its environment (JUPYTER_TOKEN), never on its command
line (which every user of the computer can read in the process list), and the server answers only
requests whose Host header names this computer (local_voila.py; JupyterLab's own setting). Ctrl-C (or SIGTERM) stops it the way Jupyter expects (SIGTERM: kernels are shut
down); any kernel that still runs afterwards is found through an environment marker and stopped,
so nothing is left behind.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import warmestad_nb

from ..errors import WarmeStadError

PROJECT = Path(warmestad_nb.__file__).resolve().parent.parent
NOTEBOOKS = PROJECT / "notebooks"
MARKER = "WARMESTAD_SERVER_ID"  # inherited by every kernel the server starts
CULL = ["--MappingKernelManager.cull_idle_timeout=1800", "--MappingKernelManager.cull_interval=120"]
# Kernels talk over Unix sockets in the runtime folder, not TCP ports: a TCP port picked for a
# kernel can be taken by another program before the kernel binds it, and that kernel then never
# starts (seen with ten kernels started ahead while a browser opened connections).
IPC = ["--KernelManager.transport=ipc"]
# Voila's lab template with the page in Dutch and a main landmark (templates/voila/templates/warmestad/).
TEMPLATE = ["--template=warmestad"]
KERNELS = ["--VoilaConfiguration.kernel_spec_manager_class=warmestad_nb.local_voila.QuickKernels"]
STOP_WAIT_S = 30
KERNEL_EXIT_WAIT_S = 5
# The app is one page (notebooks/app.ipynb; the step notebooks run inside it), so one kernel is
# started ahead for it, with its imports done; a used kernel is replaced a little later, not while
# the coach's page is still loading. The other notebooks, still served for a direct address, start
# their kernel when asked (a kernel ahead for each would cost memory for pages no one opens).
APP_PAGE = "app.ipynb"
PREHEAT = ["--preheat_kernel=True", "--pool_size=1", "--VoilaKernelManager.fill_delay=8",
           "--VoilaKernelManager.preheat_denylist=['^(?!.*app\\.ipynb$)']"]


def register(commands) -> None:
    for name, helptext in (
        ("app", "open het werkboek als toepassing in de browser, zonder code (Voilà)"),
        ("lab", "open het werkboek in JupyterLab, met de code"),
    ):
        sub = commands.add_parser(name, help=helptext)
        sub.add_argument("plan", nargs="?", help="het planbestand (.yaml); zonder plan kiest u op de startpagina")
        sub.add_argument("--poort", type=int, default=0, help="poort (standaard: een vrije poort)")
        sub.add_argument("--map", help="map met plannen (standaard: de map van het plan, anders plannen/)")
        sub.set_defaults(run=lambda args, kind=name: serve(kind, args))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def session_notebooks() -> Path:
    """A copy of the shipped notebooks for one `warmestad lab` session, removed when it stops.

    JupyterLab saves (and autosaves) the notebooks it opens, outputs included, and those hold the
    plan's data (a partner's e-mail address): it must never write into notebooks/ itself. `data/`
    is linked beside the copy, so a relative path such as ../data/voorbeelden/... still works.
    """
    folder = Path(tempfile.mkdtemp(prefix="warmestad-lab-"))
    copy = folder / NOTEBOOKS.name
    shutil.copytree(NOTEBOOKS, copy, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    (folder / "data").symlink_to(PROJECT / "data", target_is_directory=True)
    return copy


def server_command(kind: str, port: int, token: str, root: Path = NOTEBOOKS) -> tuple[list[str], str]:
    """The command line of the server (without the token: see server_env) and the address to open."""
    if kind == "app":
        cmd = [sys.executable, "-m", "warmestad_nb.local_voila", str(root), "--no-browser", f"--port={port}",
               "--Voila.ip=127.0.0.1", "--Voila.port_retries=0", *CULL, *IPC, *PREHEAT, *TEMPLATE, *KERNELS]
        return cmd, f"http://127.0.0.1:{port}/voila/render/{APP_PAGE}?token={token}"
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0", "--ServerApp.allow_remote_access=False",
           "--ServerApp.local_hostnames=['localhost']", f"--ServerApp.root_dir={root}", *CULL, *IPC]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    return cmd, f"http://127.0.0.1:{port}/lab/tree/00_start.ipynb?token={token}"


def server_env(plan: Path | None, folder: Path | None, server_id: str, token: str) -> dict[str, str]:
    env = dict(os.environ)
    env[MARKER] = server_id
    env["JUPYTER_TOKEN"] = token  # read by jupyter_server's identity provider (Voila and JupyterLab)
    # Voila finds the workbook's page template (TEMPLATE) in templates/voila/templates/.
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(PROJECT / "templates"), env.get("JUPYTER_PATH", "")) if p)
    # Kernels import this very copy of the package (a work tree, not some other install).
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PROJECT), env.get("PYTHONPATH", "")) if p)
    if plan:
        env["WARMESTAD_PLAN"] = str(plan)
    # Always an absolute folder: the kernels run in the notebooks' folder (for lab a temporary copy),
    # where a relative plannen/ would end up inside the workbook or be removed at stop.
    env["WARMESTAD_MAP"] = str(folder or (plan.parent if plan else Path.cwd().resolve() / "plannen"))
    return env


def processes_with(server_id: str, variable: str = MARKER) -> list[int]:
    """Processes (the server, its kernels) whose environment has variable=server_id (Linux /proc)."""
    needle = f"{variable}={server_id}".encode()
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def wait_until_listening(port: int, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise WarmeStadError(f"De server is gestopt voor hij klaar was (code {proc.returncode}).")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise WarmeStadError(f"De server luistert na {timeout:.0f} s nog niet op poort {port}.")


def stop(proc: subprocess.Popen | None, server_id: str) -> list[int]:
    """Stop the server cleanly, then any process of it that is left; returns what had to be killed.

    proc is None when a Ctrl-C came while the server was being started: its processes, if any, are
    still found by their marker.
    """
    if proc is not None and proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # Jupyter's clean stop: kernels are shut down first
        try:
            proc.wait(STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    # A kernel told to stop just before the server ended (its page was just left) may need a moment.
    deadline = time.monotonic() + KERNEL_EXIT_WAIT_S
    while [pid for pid in processes_with(server_id) if pid != os.getpid()] and time.monotonic() < deadline:
        time.sleep(0.1)
    leftovers = [pid for pid in processes_with(server_id) if pid != os.getpid()]
    for pid in leftovers:
        try:
            command = (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ")[:200]
            print(f"achtergebleven: {pid} {command.decode(errors='replace')}", file=sys.stderr)
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return leftovers


def say(text: str) -> None:
    """Print for the user; a closed terminal or pipe must not stop the clean-up."""
    try:
        print(text, flush=True)
    except (BrokenPipeError, OSError):
        pass


def _remove_copy(root: Path) -> None:
    if root != NOTEBOOKS:
        shutil.rmtree(root.parent, ignore_errors=True)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def serve(kind: str, args) -> int:
    plan = Path(args.plan).resolve() if args.plan else None
    folder = Path(args.map).resolve() if args.map else None
    port = args.poort or free_port()
    token, server_id = secrets.token_urlsafe(24), secrets.token_hex(8)
    root = NOTEBOOKS if kind == "app" else session_notebooks()  # Voila never saves a notebook
    cmd, url = server_command(kind, port, token, root)
    proc, refused = None, False
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:  # from here on a Ctrl-C, however early, ends in the clean-up below
        proc = subprocess.Popen(cmd, env=server_env(plan, folder, server_id, token), cwd=root,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        if plan:
            # Read while the server starts, not before (0.3-0.8 s of the launch): a bad plan stops
            # it again at once, and the user reads the plan's Dutch message instead of an address.
            from ..store import read_plan  # the plan model's imports too: 0.2-0.5 s

            read_plan(plan)
        wait_until_listening(port, proc)
        what = "Het werkboek" if kind == "app" else "JupyterLab"
        say(f"{what} draait. Open dit adres in de browser:\n\n    {url}\n\n"
            "Het adres bevat een geheime sleutel: deel het niet. Stoppen: Ctrl-C.")
        proc.wait()
        return proc.returncode or 0
    except KeyboardInterrupt:
        say("Het werkboek stopt ...")
        return 0
    except WarmeStadError:
        refused = True  # its Dutch message is what the user reads (cli.main)
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
        killed = stop(proc, server_id)
        _remove_copy(root)
        if killed:
            say(f"{len(killed)} achtergebleven proces(sen) gestopt.")
        if not refused:
            say("Gestopt: er draaien geen kernels meer.")
