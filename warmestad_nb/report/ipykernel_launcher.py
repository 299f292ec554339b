"""The entry point of the report's kernel: ipykernel's own launcher, without the debugger.

`python -m warmestad_nb.report.ipykernel_launcher -f <connection file> ...` starts the same IPython
kernel as `python -m ipykernel_launcher`. ipykernel imports debugpy when it starts, for the Jupyter
debugger that papermill never uses: a quarter of the kernel's own start-up (about 0.07 s of
processor time) before every plan. Marked absent, ipykernel starts without a debugger.
The garbage collector waits until the kernel has booted (below).
The name keeps "ipykernel" in the command line, by which the batch runner (and pgrep) finds kernels.
"""

import gc
import sys
from pathlib import Path

if __name__ == "__main__":
    # As ipykernel_launcher: the working folder leaves sys.path while ipykernel loads (the kernel
    # puts it back for the notebook).
    if sys.path[0] == "" or Path(sys.path[0]) == Path.cwd():
        del sys.path[0]
    sys.modules["debugpy"] = None  # type: ignore[assignment]
    # No garbage collection while the kernel boots: among the objects of a thousand imported modules
    # it found next to nothing, in 0.07 s. Back on, with those objects frozen out of its scans (they
    # live as long as the kernel), before the kernel answers its first request.
    gc.disable()

    from ipykernel import kernelapp

    app = kernelapp.IPKernelApp.instance()  # as kernelapp.launch_new_instance, in its two steps
    app.initialize()  # ipykernel, the shell and the exec_lines (report.execute.PRELOAD)
    gc.enable()
    gc.freeze()
    app.start()
