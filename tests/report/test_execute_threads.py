"""Threads that talk to a kernel close their asyncio loop when they are done.

A worker runs each notebook in a thread of its own, and every Kernel connects in one; jupyter_core
gives each such thread an event loop. Seen once in CI, after a batch with a failing plan: a loop
left to the garbage collector printed "Exception ignored in BaseEventLoop.__del__" with a traceback
on the screen (its self-pipe socket had been finalized before it).
"""

from __future__ import annotations

import asyncio
import gc

import pytest
from jupyter_core.utils import ensure_event_loop, run_sync

from warmestad_nb.batch.worker import Background
from warmestad_nb.report.execute import Kernel


def test_a_run_that_fails_with_a_task_still_pending_closes_its_loop():
    loops, left = [], []

    async def failing_run():  # as nbclient runs a notebook: through jupyter_core's run_sync
        loops.append(asyncio.get_running_loop())
        left.append(asyncio.get_running_loop().create_task(asyncio.sleep(60)))
        raise RuntimeError("de cel liep fout")

    with pytest.raises(RuntimeError, match="de cel liep fout"):
        Background(run_sync(failing_run)).result()
    assert loops[0].is_closed()
    assert left[0].cancelled()


def test_a_run_that_succeeds_closes_its_loop_and_returns_its_result():
    loops = []

    async def run():
        loops.append(asyncio.get_running_loop())
        return "klaar"

    assert Background(run_sync(run)).result() == "klaar"
    assert loops[0].is_closed()


def _open_loops() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, asyncio.AbstractEventLoop) and not o.is_closed())


@pytest.mark.slow
def test_the_thread_that_connects_to_a_kernel_closes_its_loop():
    ensure_event_loop()  # this thread's own, which shutting the kernel down uses
    enabled = gc.isenabled()
    gc.disable()  # a loop left open stays findable (the collector would take it away)
    try:
        before = _open_loops()
        kernel = Kernel()
        kernel.client()
        kernel.shutdown()
        assert _open_loops() == before
    finally:
        if enabled:
            gc.enable()
