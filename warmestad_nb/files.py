"""Writing files so that a crash never leaves a half-written one behind."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import signal
import tempfile
import threading
from pathlib import Path

from .errors import WarmeStadError

# What a failed write means for the user, and what to do: {errno: (problem, advice)}.
_FULL = ("de schijf is vol", "Maak ruimte vrij op de schijf en probeer opnieuw.")
_NOT_ALLOWED = ("u hebt geen rechten voor dit bestand of deze map",
                "Kies een map waarin u mag schrijven, of vraag de rechten aan wie de map beheert.")
_WRITE_PROBLEMS = {
    errno.ENOSPC: _FULL,
    errno.EDQUOT: _FULL,
    errno.EACCES: _NOT_ALLOWED,
    errno.EPERM: _NOT_ALLOWED,
    errno.EROFS: ("de schijf is alleen-lezen", "Kies een map op een schijf waarop u mag schrijven."),
}


def write_failure(path: Path, exc: OSError, action: str = "kon niet geschreven worden") -> WarmeStadError:
    """A Dutch message for an OSError while writing `path`: which file, what happened, what to do."""
    problem, advice = _WRITE_PROBLEMS.get(
        exc.errno, (f"het systeem meldt een fout ({exc.strerror or exc})", "Controleer de map en probeer opnieuw."))
    return WarmeStadError(f"{path}: {action}: {problem}. {advice}")


def system_failure(exc: OSError) -> WarmeStadError:
    """The last resort for an OSError nobody translated (reading or writing): the file it names."""
    return write_failure(Path(exc.filename or "?"), exc, action="dit bestand of deze map lukt niet")


@contextlib.contextmanager
def dutch_write_errors(path: Path):
    """Turn an OSError from the system (one with an errno) into a WarmeStadError about `path`."""
    try:
        yield
    except OSError as exc:
        if exc.errno is None:  # not from the system
            raise
        raise write_failure(Path(path), exc) from None


def check_writable_folder(folder: Path) -> None:
    """Refuse, before any work, an output folder the user may not write in; creates nothing.

    The nearest folder that exists must be writable: that is where the rest will be made.
    """
    existing = Path(folder).absolute()
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise WarmeStadError(f"{folder}: {existing} is een bestand, geen map. Kies een andere map.")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise write_failure(Path(folder), PermissionError(errno.EACCES, os.strerror(errno.EACCES)))


def atomic_write(path: Path, data: bytes, about: Path | None = None) -> None:
    """Write to a temp file in the same folder, fsync, then replace `path` in one step.

    about: the file a failure message names (a plan, when `path` is its backup); default `path`.

    The temp file's name carries our process id, so that the next write can tell the temp files of
    killed writers (removed) from those of writers still at work (left alone).
    """
    path = Path(path)
    with dutch_write_errors(about or path):
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, mode)
            written = os.stat(tmp).st_mtime_ns
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        _fsync_dir(path.parent)
    remove_stale_temps(path.parent, path.name, not_newer_than=written)


def _temp_pattern(name: str | None) -> re.Pattern:
    # mkstemp adds 8 characters from [a-z0-9_]; temp files from before the process id was in the
    # name have none (only matched for a named file: for a whole folder the name is not known).
    if name is None:
        return re.compile(r"\..+\.(?P<pid>\d+)\.[a-z0-9_]{8}\.tmp")
    return re.compile(rf"\.{re.escape(name)}\.(?:(?P<pid>\d+)\.)?[a-z0-9_]{{8}}\.tmp")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def remove_stale_temps(folder: Path, name: str | None = None, *, not_newer_than: int | None = None) -> int:
    """Remove our temp files in `folder` (for the file `name`, or for any file) whose writer is gone.

    Only files no newer than `not_newer_than` (nanoseconds) count, and only those of processes
    that no longer run: a writer at work keeps its temp file. Returns how many were removed.
    """
    pattern = _temp_pattern(name)
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if not found or (found["pid"] and (int(found["pid"]) == os.getpid() or _alive(int(found["pid"])))):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if not_newer_than is not None and entry.stat(follow_symlinks=False).st_mtime_ns > not_newer_than:
                continue
            os.unlink(entry.path)
            removed += 1
        except OSError:
            continue  # gone already, or not ours to remove: a leftover is harmless
    return removed


def _fsync_dir(folder: Path) -> None:
    # The rename itself is only durable once the directory entry is on disk.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def file_lock(path: Path):
    """An exclusive lock next to `path`, held across check-then-replace."""
    lock_path = Path(path).parent / f".{Path(path).name}.lock"
    with dutch_write_errors(path):
        handle = open(lock_path, "a+b")
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def signals_deferred(signums=(signal.SIGINT, signal.SIGTERM)):
    """Hold Ctrl-C (SIGINT) and SIGTERM during a few renames that belong together; act on them after.

    Only the main thread can install handlers; elsewhere this does nothing (signals go to the main
    thread in Python anyway).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {s: signal.signal(s, lambda signum, _frame: received.append(signum)) for s in signums}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if received:
            signal.raise_signal(received[0])
