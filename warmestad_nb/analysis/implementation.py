"""Step 5: status of the actions, a timeline and the budget planned against spent."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .. import vocab
from ..model import Actie, Plan


def status_counts(plan: Plan) -> dict[str, int]:
    counts = Counter(a.status for a in plan.acties)
    return {s: counts.get(s, 0) for s in vocab.ACTION_STATUSES}


@dataclass(frozen=True)
class TimelineRow:
    id: str
    titel: str
    start: Optional[date]
    einde: Optional[date]
    status: str


def timeline(plan: Plan) -> list[TimelineRow]:
    """Actions with a start date, in order of start (actions without dates cannot be drawn)."""
    rows = [TimelineRow(a.id, a.titel, a.start, a.einde, a.status) for a in plan.acties if a.start]
    return sorted(rows, key=lambda r: (r.start, r.einde or r.start, r.titel))


def undated(plan: Plan) -> list[Actie]:
    return [a for a in plan.acties if not a.start]


@dataclass(frozen=True)
class BudgetLine:
    id: str
    titel: str
    gepland: Optional[float]
    uitgegeven: Optional[float]

    @property
    def over_budget(self) -> bool:
        return self.gepland is not None and (self.uitgegeven or 0) > self.gepland


def budget_lines(plan: Plan) -> list[BudgetLine]:
    return [BudgetLine(a.id, a.titel, a.budget_eur, a.uitgegeven_eur) for a in plan.acties]


@dataclass(frozen=True)
class BudgetTotal:
    gepland: float
    uitgegeven: float
    zonder_budget: int  # actions whose budget is not decided yet
    boven_budget: int

    @property
    def aandeel_uitgegeven(self) -> float:
        return self.uitgegeven / self.gepland if self.gepland else 0.0


def budget_total(plan: Plan) -> BudgetTotal:
    lines = budget_lines(plan)
    return BudgetTotal(
        gepland=sum(line.gepland or 0 for line in lines),
        uitgegeven=sum(line.uitgegeven or 0 for line in lines),
        zonder_budget=sum(line.gepland is None for line in lines),
        boven_budget=sum(line.over_budget for line in lines),
    )
