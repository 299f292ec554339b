"""What the coordinator and its workers send each other over their queues: small records, no tuples.

Tasks go to the workers (None: no more tasks); the other records come back, each naming its worker.
A failure travels as report/failures.Failure: its part, the kind of cause and the Dutch text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..report.failures import Failure


@dataclass(frozen=True)
class PlanTask:
    index: int  # the plan's place in the coordinator's list
    path: str


@dataclass(frozen=True)
class OverviewTask:
    plans: list[str]
    formats: tuple[str, ...]
    datum: str


@dataclass
class Outcome:
    """What became of one plan."""

    status: str  # "gemaakt" or "mislukt"
    seconds: float
    files: dict[str, str] = field(default_factory=dict)
    failure: Failure | None = None
    pdf_seconds: float = 0.0  # processor time in the PDF renderer (the benchmark compares the batch with it)


@dataclass(frozen=True)
class Message:
    worker: int  # the worker's number


@dataclass(frozen=True)
class Ready(Message):
    pid: int
    kernel_pid: int


@dataclass(frozen=True)
class KernelReplaced(Message):
    kernel_pid: int  # the coordinator keeps every kernel pid, to kill any left over at the end


@dataclass(frozen=True)
class PlanStarted(Message):
    index: int


@dataclass(frozen=True)
class PlanDone(Message):
    index: int
    outcome: Outcome  # made, or failed with the failure's fields


@dataclass(frozen=True)
class OverviewStarted(Message):
    pass


@dataclass(frozen=True)
class OverviewDone(Message):
    files: dict[str, str]
    skipped: list[str]  # a Dutch line per plan that does not count
    pdf_seconds: float


@dataclass(frozen=True)
class OverviewFailed(Message):
    reason: str  # Dutch


@dataclass(frozen=True)
class WorkerFailed(Message):
    reason: str  # Dutch: why the worker could not start
