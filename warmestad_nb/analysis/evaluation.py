"""Step 6: indicator values against targets per year, and the step to the next year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from ..model import Evaluatie, Meting, Plan


def evaluation(plan: Plan, year: int) -> Evaluatie:
    return next(e for e in plan.evaluaties if e.jaar == year)


def years(plan: Plan) -> list[int]:
    return sorted(e.jaar for e in plan.evaluaties)


def reached(meting: Meting) -> Optional[float]:
    """Value as a share of the target (1.0 = target met); None when either is missing."""
    if meting.waarde is None or not meting.streefwaarde:
        return None
    return meting.waarde / meting.streefwaarde


@dataclass(frozen=True)
class YearValue:
    jaar: int
    waarde: Optional[float]
    streefwaarde: Optional[float]
    bereikt: Optional[float]


def year_on_year(plan: Plan) -> dict[str, list[YearValue]]:
    """Per indicator (in order of first appearance) its values and targets over the years."""
    out: dict[str, list[YearValue]] = {}
    for ev in sorted(plan.evaluaties, key=lambda e: e.jaar):
        for m in ev.metingen:
            out.setdefault(m.indicator, []).append(YearValue(ev.jaar, m.waarde, m.streefwaarde, reached(m)))
    return out


def next_year(plan: Plan, today: date | None = None) -> int:
    done = years(plan)
    return done[-1] + 1 if done else (today or date.today()).year


def continuing_actions(plan: Plan) -> dict[str, list[str]]:
    """The action plan carried to next year: what continues, what is done, what stopped."""
    groups = {"loopt door": [], "afgerond": [], "stopgezet": []}
    for action in plan.acties:
        key = {"afgerond": "afgerond", "stopgezet": "stopgezet"}.get(action.status, "loopt door")
        groups[key].append(action.titel)
    return groups
