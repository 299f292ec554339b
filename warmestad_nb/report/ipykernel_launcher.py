"""The entry point of the report's kernel: ipykernel's own launcher, without the debugger.

`python -m warmestad_nb.report.ipykernel_launcher -f <connection file> ...` starts the same IPython
kernel as `python -m ipykernel_launcher`. ipykernel imports debugpy when it starts, for the Jupyter
debugger that papermill never uses: a quarter of the kernel's own start-up (about 0.07 s of
processor time) before every plan. Marked absent, ipykernel starts without a debugger.
The name keeps "ipykernel" in the command line, by which the batch runner (and pgrep) finds kernels.
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    # As ipykernel_launcher: the working folder leaves sys.path while ipykernel loads (the kernel
    # puts it back for the notebook).
    if sys.path[0] == "" or Path(sys.path[0]) == Path.cwd():
        del sys.path[0]
    sys.modules["debugpy"] = None  # type: ignore[assignment]

    from ipykernel import kernelapp

    kernelapp.launch_new_instance()
