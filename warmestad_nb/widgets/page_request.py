"""A kernel Voilà started ahead waits here for the page it will serve, and learns its request.

Voilà's own helper (`voila.utils.wait_for_request`) does the same, but importing it imports all of
Voilà's server (jupyter_server, jupyterlab_server, jsonschema and the grammar rfc3987_syntax builds):
1.3 s of processor time in the kernel, on the path of the very first page of `warmestad app`. This
asks Voilà's query socket (/voila/query/<kernel id>) directly: the server answers, once the page is
asked for, with the request's CGI-style variables (QUERY_STRING, SERVER_PORT, ...), which are put in
the environment as Voilà's helper does.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from typing import Callable, Iterable

CONNECT_TIMEOUT_S = 5  # the server is on this computer: it answers at once or not at all
# The answer for a page asked for before the kernel ran its cell comes in milliseconds (under load
# a tenth of a second); the jobs wait this long for it, not longer: a kernel started ahead should
# have its imports done before a coach opens the next tab.
ANSWER_AT_ONCE_S = 0.3


def query_address() -> str:
    """Voilà's query socket for this kernel (the server runs on this computer: commands/app.py)."""
    port = os.environ["VOILA_APP_PORT"]
    base = os.environ.get("VOILA_SERVER_URL", "/")
    return f"ws://127.0.0.1:{port}{base}voila/query/{os.environ['VOILA_KERNEL_ID']}"


def _receive(answer: dict) -> None:
    from websockets.exceptions import WebSocketException
    from websockets.sync.client import connect

    try:
        with connect(query_address(), open_timeout=CONNECT_TIMEOUT_S) as socket:
            answer["variables"] = json.loads(socket.recv())
    except (OSError, WebSocketException) as exc:  # as Voila's helper: the page opens without them
        print(f"Voila's query socket did not answer ({exc}); the page uses the app's plan.", file=sys.stderr)


def wait_for_page_request(meanwhile: Iterable[Callable[[], None]] = ()) -> None:
    """Block until the page this kernel was started ahead for is asked for; its request variables
    then are in os.environ. Outside a kernel started ahead (VOILA_PREHEAT not "True") at once.

    While waiting, the `meanwhile` jobs run one after another, until the page is asked for: the
    page then waits at most for the job that was running, not for all of them, and for none when
    it was asked for already.
    """
    if os.environ.get("VOILA_PREHEAT") != "True":
        return
    answer: dict = {}
    waiting = threading.Thread(target=_receive, args=(answer,), name="page-request", daemon=True)
    waiting.start()
    waiting.join(ANSWER_AT_ONCE_S)  # a page asked for already (the launch) must not wait for a job
    for job in meanwhile:
        if not waiting.is_alive():
            break
        job()
    waiting.join()
    os.environ.update({str(name): str(value) for name, value in answer.get("variables", {}).items()})
