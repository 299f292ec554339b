"""Step 5: status of the actions, a timeline and the budget planned against spent."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .. import vocab
from ..errors import WarmeStadError
from ..model import Actie, Plan, StatusWijziging


STARTED = ("lopend", "afgerond")


def record_status(plan: Plan, action_id: str, status: str, when: date, note: str = "") -> None:
    """Log a status change of an action (with date and note) and make it the current status."""
    action = next(a for a in plan.acties if a.id == action_id)
    # An action can be called off before it starts, but it cannot run or be finished before then.
    if status in STARTED and action.start and when < action.start:
        raise WarmeStadError(f"Datum van de status: {when:%d-%m-%Y} ligt voor de start van de actie "
                             f"'{action.titel}' ({action.start:%d-%m-%Y}); een actie is pas "
                             f"{vocab.ACTION_STATUSES[status]} vanaf haar start. Kies een latere datum.")
    action.statuslog.append(StatusWijziging(datum=when, status=status, notitie=note))
    action.statuslog.sort(key=lambda s: s.datum)
    action.status = action.statuslog[-1].status


def remove_status(plan: Plan, action_id: str, index: int) -> None:
    """Remove one entry of an action's status log; the current status follows the last entry left."""
    action = next(a for a in plan.acties if a.id == action_id)
    action.statuslog = [s for i, s in enumerate(action.statuslog) if i != index]
    action.status = action.statuslog[-1].status if action.statuslog else "gepland"


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
