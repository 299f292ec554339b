"""How a failure while building the document is named, on both sides of the kernel.

The notebook builds the whole document in one cell (a cell costs about 5 ms of messages between
kernel and runner, which is 3% of a batch). So the kernel names the failing part itself: it raises
PartFailed, whose text starts with the part ("het hoofdstuk 'Actieplan': ..."), and the runner,
which only gets the exception's name and text back, reads the part from that start.

Light on purpose: the runner imports it without pandas or matplotlib.
"""

from __future__ import annotations

from .outline import CHAPTERS, Chapter

COVER = "het titelblad"
_USER_ERRORS = ("WarmeStadError", "ConflictError")  # their text is Dutch and complete on its own


def part_name(chapter: Chapter | None) -> str:
    """Dutch: the part of the document, e.g. "het hoofdstuk 'Actieplan'"; None is the title page."""
    return COVER if chapter is None else f"het hoofdstuk '{chapter.titel}'"


_PARTS = tuple(part_name(c) for c in (None, *CHAPTERS))


def cause(ename: str, evalue: str) -> str:
    """Dutch: why it failed; an unexpected error keeps its type for whoever has to fix it."""
    return evalue if ename in _USER_ERRORS else f"{ename}: {evalue}"


class PartFailed(Exception):
    """Raised in the kernel: a part of the document could not be built (the original is chained)."""

    def __init__(self, chapter: Chapter | None, error: BaseException):
        super().__init__(f"{part_name(chapter)}: {cause(type(error).__name__, str(error))}")


def read_failure(ename: str, evalue: str) -> tuple[str, str]:
    """(the part that failed, the cause), both Dutch, from the error a notebook cell ended with.

    The part is "" when no part was being built: reading the plan or checking the options failed."""
    if ename == PartFailed.__name__:
        for part in _PARTS:
            if evalue.startswith(f"{part}: "):
                return part, evalue[len(part) + 2:]
    return "", cause(ename, evalue)
