"""`warmestad app` and `warmestad lab` from the command line: refusals, the address, a clean stop."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from warmestad_nb.cli import main
from warmestad_nb.commands.app import processes_with, server_command, server_env

ROOT = Path(__file__).resolve().parents[2]
HERSELT = ROOT / "data" / "voorbeelden" / "13013-herselt.yaml"
WIDGETS = "application/vnd.jupyter.widget-view+json"


def test_a_bad_plan_is_refused_and_leaves_no_server(tmp_path, capsys):
    # The plan is read while the server starts (it is on the launch's path otherwise): a bad plan
    # stops it again; the user reads the plan's message, no address, and nothing keeps running.
    broken = tmp_path / "kapot.yaml"
    broken.write_text("gemeente: [\n", encoding="utf-8")
    assert main(["app", str(broken)]) == 2
    out, err = capsys.readouterr()
    assert "kapot.yaml" in err and "geen geldige YAML" in err and "Traceback" not in err + out
    assert "http" not in out and processes_with(str(broken), "WARMESTAD_PLAN") == []
    missing = tmp_path / "bestaat-niet.yaml"
    assert main(["lab", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert "bestaat niet" in err and "http" not in out and processes_with(str(missing), "WARMESTAD_PLAN") == []


def test_servers_listen_on_this_computer_only_with_a_token_and_culling():
    for kind in ("app", "lab"):
        cmd, url = server_command(kind, 8123, "geheim")
        joined = " ".join(cmd)
        # The token reaches the server by its environment (server_env), not on its command line.
        assert "127.0.0.1" in joined and "geheim" not in joined and "cull_idle_timeout" in joined
        assert server_env(None, None, "id", "geheim")["JUPYTER_TOKEN"] == "geheim"
        assert url.startswith("http://127.0.0.1:8123/") and url.endswith("?token=geheim")


def _start(kind: str, plan: Path) -> tuple[subprocess.Popen, int, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "warmestad_nb.cli", kind, str(plan)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/\S+\?token=(\S+)", line)
        if found:
            return proc, int(found[1]), found[2]
    raise AssertionError(f"{kind} printed no address")


def _status(port: int, path: str, host: str) -> str:
    """The status line of a raw HTTP request to this computer, with the Host header we choose."""
    with socket.create_connection(("127.0.0.1", port), timeout=120) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        return sock.recv(4096).decode(errors="replace").split("\r\n")[0]


@pytest.mark.slow
@pytest.mark.parametrize("kind, path", [("app", "/voila/render/00_start.ipynb"), ("lab", "/api/status")])
def test_the_token_is_on_no_command_line_and_only_this_computer_is_answered(tmp_path, kind, path):
    plan = tmp_path / HERSELT.name
    shutil.copyfile(HERSELT, plan)
    proc, port, token = _start(kind, plan)
    try:
        # Every user of the computer can read every command line (/proc/*/cmdline, ps).
        on_command_lines = []
        for entry in Path("/proc").glob("[0-9]*"):
            try:
                if token.encode() in (entry / "cmdline").read_bytes():
                    on_command_lines.append(entry.name)
            except OSError:
                pass
        assert on_command_lines == []
        with_token = f"{path}?token={token}"
        for foreign in ("evil.example", f"evil.example:{port}", f"192.168.1.20:{port}"):
            assert _status(port, with_token, foreign).endswith("403 Forbidden"), foreign
        for local in (f"127.0.0.1:{port}", f"localhost:{port}"):
            assert _status(port, with_token, local).endswith("200 OK"), local
        assert not _status(port, path, f"127.0.0.1:{port}").endswith("200 OK")  # no token, no page
    finally:
        proc.send_signal(signal.SIGINT)
        out = proc.communicate(timeout=90)[0]
    assert proc.returncode == 0 and "Gestopt" in out and "achtergebleven" not in out


def test_app_serves_the_start_page_and_stops_on_ctrl_c(tmp_path):
    plan = tmp_path / HERSELT.name
    shutil.copyfile(HERSELT, plan)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "warmestad_nb.cli", "app", str(plan)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = None
        for line in proc.stdout:
            found = re.search(r"http://127\.0\.0\.1:\d+/\S+", line)
            if found:
                url = found.group(0)
                break
        assert url and "token=" in url
        page = urllib.request.urlopen(url, timeout=180).read().decode()
        assert "app.ipynb" in url and WIDGETS in page  # the app ran: its widgets draw themselves in the browser
        try:
            response = urllib.request.urlopen(url.split("?")[0], timeout=60)  # no token
            refused = "/login" in response.url and WIDGETS not in response.read().decode()
        except urllib.error.HTTPError as exc:
            refused = exc.code in (401, 403)
        assert refused, "without the token the page must be refused"
    finally:
        proc.send_signal(signal.SIGINT)
        out = proc.communicate(timeout=90)[0]
    assert proc.returncode == 0 and "Gestopt" in out and "achtergebleven" not in out
    leftovers = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if f"WARMESTAD_PLAN={plan}".encode() in (entry / "environ").read_bytes():
                leftovers.append(entry.name)
        except OSError:
            pass
    assert leftovers == []


def _api(port: int, token: str, path: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/contents/{path}", method="PUT" if body else "GET",
                                     data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def _git_status_notebooks() -> str:
    return subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "notebooks/"], capture_output=True,
                          text=True, check=True).stdout


def _lab_root(port: int) -> Path:
    """The folder the JupyterLab server on this port serves (from its command line)."""
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            args = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        if f"--ServerApp.port={port}" in args:
            return Path(next(a for a in args if a.startswith("--ServerApp.root_dir=")).split("=", 1)[1])
    raise AssertionError("no JupyterLab server on this port")


@pytest.mark.slow
def test_lab_saves_never_reach_the_shipped_notebooks(tmp_path):
    plan = tmp_path / HERSELT.name
    shutil.copyfile(HERSELT, plan)
    assert _git_status_notebooks() == ""
    proc, port, token = _start("lab", plan)
    try:
        root = _lab_root(port)
        notebook = _api(port, token, "01_draagvlak.ipynb")["content"]
        notebook["cells"][-1].setdefault("outputs", []).append(
            {"output_type": "stream", "name": "stdout", "text": "els@example.org\n"})
        _api(port, token, "01_draagvlak.ipynb", {"type": "notebook", "format": "json", "content": notebook})
        assert "els@example.org" in (root / "01_draagvlak.ipynb").read_text(encoding="utf-8")  # saved ...
        assert root != ROOT / "notebooks" and _git_status_notebooks() == ""  # ... but not into notebooks/
    finally:
        proc.send_signal(signal.SIGINT)
        out = proc.communicate(timeout=90)[0]
    assert proc.returncode == 0 and "Gestopt" in out
    assert _git_status_notebooks() == "" and not root.parent.exists()  # the session's copy is gone
