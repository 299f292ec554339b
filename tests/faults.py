"""Real disk faults for tests: a full disk (a tiny tmpfs, filled) and a user without write permission.

Tests run as root, and root may write anywhere: a folder without write permission is only real for
an ordinary user, so those commands run as `nobody` (setpriv). Both need root; elsewhere the tests
that use them are skipped with the reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from conftest import ROOT

NOBODY = 65534


def _need_root() -> None:
    import pytest

    if os.geteuid() != 0:
        pytest.skip("needs root: mounts a tmpfs / runs a command as another user")


@contextlib.contextmanager
def full_disk(size_kb: int = 512):
    """A folder on a small tmpfs of its own; fill() it once the test's files are in place."""
    _need_root()
    folder = Path(tempfile.mkdtemp(prefix="volle-schijf-"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        shutil.rmtree(folder, ignore_errors=True)


def fill(folder: Path) -> None:
    """Write a hidden filler file until the disk is full (it stays: the disk stays full)."""
    fd = os.open(folder / ".vuller", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)


def shared_folder() -> Path:
    """A temporary folder that `nobody` may enter and read (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="warmestad-rechten-"))
    folder.chmod(0o755)
    return folder


def run_as_nobody(*args: str, cwd: Path = ROOT, timeout: int = 120) -> subprocess.CompletedProcess:
    """`warmestad ARGS` as the user nobody, who has no write permission where root made 0555 folders."""
    _need_root()
    home = shared_folder()
    os.chown(home, NOBODY, NOBODY)  # jupyter and matplotlib want a home of their own
    env = dict(os.environ, HOME=str(home), PYTHONPATH=str(ROOT), MPLCONFIGDIR=str(home / "mpl"))
    try:
        return subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                               sys.executable, "-m", "warmestad_nb.cli", *args],
                              capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)
    finally:
        shutil.rmtree(home, ignore_errors=True)
