"""The report's kernel (report/execute.py Kernel): what it has once it is ready.

It boots without debugpy and without garbage collection; by the time it answers, the collector
must be on again (a batch kernel runs hundreds of plans) and the notebook's modules loaded.
"""

from __future__ import annotations

import psutil

from warmestad_nb.report.execute import Kernel


def _run(kernel: Kernel, code: str) -> str:
    """Run code in the kernel; its status ('ok' or 'error')."""
    client = kernel.client()
    msg_id = client.execute(code, silent=True, store_history=False)
    while True:
        reply = client.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]["status"]


def test_a_ready_kernel_collects_garbage_and_has_the_notebook_modules():
    with Kernel() as kernel:
        assert _run(kernel, "assert __import__('gc').isenabled()") == "ok"
        assert _run(kernel, "import sys; assert 'warmestad_nb.report.notebook' in sys.modules") == "ok"
        assert _run(kernel, "import sys; assert 'debugpy' not in sys.modules or sys.modules['debugpy'] is None") == "ok"
        assert _run(kernel, "assert False") == "error"  # the checks above can fail
        pid = kernel.km.provisioner.process.pid
        assert "ipykernel" in " ".join(psutil.Process(pid).cmdline())  # how the batch runner finds kernels
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
