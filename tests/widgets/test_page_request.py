"""A kernel Voilà started ahead learns its page's request from Voilà's own query socket, without
importing Voilà's server into the kernel (1.3 s of the first page of `warmestad app`), and does the
steps' imports while it waits, not once its page was asked for.

Voilà's real query handler (RequestInfoSocketHandler) runs in a tornado server of the test; the kernel
side (`plan_path` of a kernel started ahead) runs in a fresh Python, as in a kernel.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from tornado.httpserver import HTTPServer
from tornado.web import Application
from voila.request_info_handler import RequestInfoSocketHandler

ROOT = Path(__file__).resolve().parents[2]
# The kernel's side: plan_path as app.ipynb calls it, with jobs that note when they ran.
KERNEL = """
import json, sys, time
from warmestad_nb.widgets.session import plan_path

ran = []
jobs = [lambda i=i: (time.sleep(float(sys.argv[1])), ran.append(i)) for i in range(5)]
plan = plan_path("", required=False, meanwhile=jobs)
print(json.dumps({"plan": plan, "ran": ran, "voila": "voila" in sys.modules, "jsonschema": "jsonschema" in sys.modules}))
"""


@pytest.fixture
def query_server():
    """Voila's query socket on a free port of this computer; yields (port, send) where send(kernel, info)
    answers a page request for that kernel, as Voila's page handler does."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    loop = asyncio.new_event_loop()
    started = threading.Event()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        server = HTTPServer(Application([(r"/voila/query/(.*)", RequestInfoSocketHandler)]))
        server.listen(port, "127.0.0.1")
        loop.call_soon(started.set)
        loop.run_forever()
        server.stop()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    started.wait(10)

    def send(kernel_id: str, info: dict) -> None:
        loop.call_soon_threadsafe(RequestInfoSocketHandler.send_updates, {"kernel_id": kernel_id, "payload": info})

    yield port, send
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)


def start_kernel_side(port: int, kernel_id: str, job_seconds: float) -> subprocess.Popen:
    env = dict(os.environ, VOILA_PREHEAT="True", VOILA_APP_PORT=str(port), VOILA_SERVER_URL="/",
               VOILA_KERNEL_ID=kernel_id, WARMESTAD_PLAN="/plannen/van-de-app.yaml",
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    env.pop("QUERY_STRING", None)
    return subprocess.Popen([sys.executable, "-c", KERNEL, str(job_seconds)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def result(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return json.loads(out.splitlines()[-1])


def test_the_kernel_waits_for_its_page_and_reads_its_plan_without_importing_voila(query_server):
    port, send = query_server
    proc = start_kernel_side(port, "k-wacht", 0.01)
    threading.Timer(3, send, ("k-wacht", {"QUERY_STRING": "plan=%2Fplannen%2Fuit-adres.yaml"})).start()
    found = result(proc)
    assert found["plan"] == "/plannen/uit-adres.yaml"  # the page's ?plan=, which came 3 s later
    assert found["ran"] == [0, 1, 2, 3, 4]  # the steps' imports, done while waiting
    assert not found["voila"] and not found["jsonschema"]


def test_a_page_asked_for_already_waits_for_no_import_job(query_server):
    port, send = query_server
    send("k-meteen", {"QUERY_STRING": ""})  # as at the launch: the page is asked for before the kernel runs
    found = result(start_kernel_side(port, "k-meteen", 1.0))
    assert found["plan"] == "/plannen/van-de-app.yaml"
    assert found["ran"] == []  # they are done once the page is on screen (widgets/app.open_app)


def test_a_page_asked_for_while_the_kernel_ahead_starts_waits_for_that_kernel():
    from voila.handler import VoilaHandler

    from warmestad_nb.local_voila import PageHandler

    handler = object.__new__(PageHandler)  # the decision only; no request needed
    starting = ({}, 1, None, None, {})  # no notebook data yet: the pool's kernel is still starting
    assert not VoilaHandler.should_use_rendered_notebook(handler, *starting)  # Voila: a second kernel
    assert handler.should_use_rendered_notebook(*starting)
    assert not handler.should_use_rendered_notebook({}, 0, None, None, {})  # nothing started ahead
    assert not handler.should_use_rendered_notebook({}, 1, "lab", None, {})  # another template asked for
