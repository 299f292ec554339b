"""A worker runs each notebook in a background thread; the thread's event loop is closed when the run ends.

Seen once in CI, after a batch with a failing plan: a finished run's event loop, left to the garbage
collector, printed "Exception ignored in BaseEventLoop.__del__" with a traceback on the screen (its
self-pipe socket had been finalized before it).
"""

from __future__ import annotations

import asyncio

import pytest
from jupyter_core.utils import run_sync

from warmestad_nb.batch.worker import Background


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
