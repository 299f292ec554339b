"""Failures as records with fields (part, kind of cause, Dutch text), on both sides of a process.

The notebook builds the whole document in one cell (a cell costs about 5 ms of messages between
kernel and runner, which is 3% of a batch). So the kernel names the failing part itself: it raises
PartFailed, whose text is the Failure's fields as JSON, because papermill hands the runner only an
exception's name and text; the runner reads the fields back (`read_failure`), never the Dutch text.
The batch worker reports a plan's failure to its coordinator as the same record, and the steps of
the document pipeline label their exceptions (`step`), so nobody guesses from a traceback.

Light on purpose: the runner imports it without pandas or matplotlib.
"""

from __future__ import annotations

import contextlib
import functools
import json
from dataclasses import asdict, dataclass
from enum import Enum

from ..errors import WarmeStadError, is_user_error
from .outline import BY_ID


class Cause(str, Enum):
    """The kind of cause."""

    USER = "gebruiker"  # a mistake the user can fix (errors.is_user_error): the Dutch text says it all
    UNEXPECTED = "onverwacht"  # a fault in the workbook: the text keeps the error's type for whoever fixes it
    KERNEL = "rekenkern"  # the kernel stopped
    TIMEOUT = "tijd"  # the notebook ran too long
    WORKER = "werker"  # the worker process stopped or none was left


# The parts of a plan's run that can fail (ids), besides the chapters (their ids, report/outline.py).
PLAN = "plan"  # reading the plan file or checking the options, in the kernel
PLAN_FILE = "planbestand"  # the coordinator could not read the plan file
COVER = "omslag"
OVERVIEW = "overzicht"
NOTEBOOK = "notebook"  # the notebook run as a whole (the kernel stopped, a time-out)
EXECUTED = "uitgevoerd"  # the executed notebook, before any document
HTML, PDF, DOCX, FILES = "html", "pdf", "docx", "bestanden"  # the steps of report/pipeline.py
WORKER = "werker"
_LABELS = {PLAN: "het planbestand of de opties", PLAN_FILE: "het planbestand", COVER: "het titelblad",
           OVERVIEW: "het regio-overzicht", NOTEBOOK: "de notebook", EXECUTED: "het uitgevoerde notebook",
           HTML: "het HTML-document", PDF: "de PDF", DOCX: "het Word-document",
           FILES: "het wegschrijven van de bestanden", WORKER: "de werker"}


def part_label(part: str) -> str:
    """Dutch: the part, e.g. "het hoofdstuk 'Actieplan'" for the chapter id "actieplan"."""
    chapter = BY_ID.get(part)
    return f"het hoofdstuk '{chapter.titel}'" if chapter else _LABELS[part]


@dataclass(frozen=True)
class Failure:
    deel: str  # the part's id (a chapter id or one of the ids above)
    soort: Cause
    tekst: str  # Dutch: why, complete

    @property
    def label(self) -> str:
        return part_label(self.deel)

    @classmethod
    def of(cls, part: str, error: BaseException) -> Failure:
        """A user's mistake keeps its Dutch text; an unexpected error its type as well."""
        if is_user_error(error):
            return cls(part, Cause.USER, str(error))
        return cls(part, Cause.UNEXPECTED, f"{type(error).__name__}: {error}")

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Failure:
        data = json.loads(text)
        return cls(data["deel"], Cause(data["soort"]), data["tekst"])


class PartFailed(Exception):
    """Raised in the kernel: a part could not be built (the original is chained). Its text is the
    Failure as JSON, for the runner."""

    def __init__(self, part: str, error: BaseException):
        self.failure = Failure.of(part, error)
        super().__init__(self.failure.to_json())


def fails_as(part: str):
    """Decorator: whatever the function raises becomes PartFailed for `part` (the original chained)."""

    def decorate(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as exc:
                raise PartFailed(part, exc) from exc

        return wrapper

    return decorate


def read_failure(ename: str, evalue: str) -> Failure:
    """The Failure a notebook cell ended with, from the error's name and text as papermill reports
    them. An error that is no PartFailed came from outside the document's code: unexpected."""
    if ename == PartFailed.__name__:
        return Failure.from_json(evalue)
    return Failure(PLAN, Cause.UNEXPECTED, f"{ename}: {evalue}")


class NotebookFailure(WarmeStadError):
    """A cell of the notebook failed: the Dutch message for the command, the fields in `failure`."""

    def __init__(self, failure: Failure):
        if failure.deel == PLAN:
            super().__init__(f"Het beleidsplan kon niet gemaakt worden: {failure.tekst}")
        else:
            super().__init__(f"Het beleidsplan kon niet gemaakt worden: {failure.label} liep fout. "
                             f"Oorzaak: {failure.tekst}")
        self.failure = failure


_STEP = "warmestad_step"


@contextlib.contextmanager
def step(part: str):
    """Label an exception with the pipeline step it came from, without changing its type (the
    command line still prints a WarmeStadError as it is); `failed_step` reads the label."""
    try:
        yield
    except Exception as exc:
        if not hasattr(exc, _STEP):
            setattr(exc, _STEP, part)
        raise


def failed_step(error: BaseException, default: str = EXECUTED) -> str:
    return getattr(error, _STEP, default)
