"""Step 6: a new year's evaluation."""

from __future__ import annotations

from datetime import date

from ..analysis.evaluation import evaluation, next_year
from ..model import Evaluatie, Meting, Plan


def add_next_evaluation(plan: Plan, today: date | None = None) -> Evaluatie:
    """Add the next year's evaluation: last year's indicators and targets, plus the goals' indicators.

    Values stay empty (they still have to be measured). Returns the new evaluation.
    """
    year = next_year(plan, today)
    previous = plan.evaluaties and max(plan.evaluaties, key=lambda e: e.jaar)
    metingen = [Meting(indicator=m.indicator, streefwaarde=m.streefwaarde, eenheid=m.eenheid)
                for m in (previous.metingen if previous else [])]
    known = {m.indicator for m in metingen}
    for goal in plan.prioriteiten.doelstellingen:
        if goal.indicator and goal.indicator not in known:
            metingen.append(Meting(indicator=goal.indicator))
            known.add(goal.indicator)
    new = Evaluatie(jaar=year, metingen=metingen)
    plan.evaluaties.append(new)
    plan.evaluaties.sort(key=lambda e: e.jaar)
    return new


def add_measurement(plan: Plan, year: int, indicator: str) -> None:
    evaluation(plan, year).metingen.append(Meting(indicator=indicator))


def remove_measurement(plan: Plan, year: int, index: int) -> None:
    evaluation(plan, year).metingen.pop(index)


def remove_evaluation(plan: Plan, year: int) -> None:
    plan.evaluaties.remove(evaluation(plan, year))
