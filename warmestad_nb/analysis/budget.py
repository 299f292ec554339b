"""The plan's money: each action's budget per year of the cycle, totals, and the reconciliation with
the meerjarenplan items the actions link to.

A stopped action is left out of every total: its money is no longer planned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import Actie, MjpItem, Plan


def cycle_years(cyclus: str) -> list[int]:
    first, last = (int(year) for year in cyclus.split("-"))
    return list(range(first, last + 1))


def counted(plan: Plan) -> list[Actie]:
    """The actions whose budget counts: all but the stopped ones."""
    return [a for a in plan.acties if a.status != "stopgezet"]


def action_total(action: Actie) -> Optional[float]:
    """The action's budget: the sum of its years when split, else its one amount (None: not decided)."""
    if action.budget:
        return sum(line.bedrag_eur for line in action.budget)
    return action.budget_eur


def per_year(action: Actie, years: list[int]) -> list[float]:
    return [sum(line.bedrag_eur for line in action.budget if line.jaar == year) for year in years]


@dataclass(frozen=True)
class YearTotals:
    jaren: list[int]
    per_jaar: list[float]  # the split budgets of the counted actions, per year
    niet_verdeeld: float  # budgets of counted actions not split over the years
    totaal: float


def totals(plan: Plan) -> YearTotals:
    years = cycle_years(plan.cyclus)
    actions = counted(plan)
    by_year = [sum(per_year(a, years)[i] for a in actions) for i in range(len(years))]
    unsplit = sum(a.budget_eur or 0 for a in actions if not a.budget)
    return YearTotals(years, by_year, unsplit, sum(action_total(a) or 0 for a in actions))


def funding(action: Actie) -> list[str]:
    """The funding sources of an action, in the order they first appear."""
    return list(dict.fromkeys(line.financiering for line in action.budget))


@dataclass(frozen=True)
class Reconciliation:
    item: MjpItem
    acties: list[Actie]
    acties_totaal: float

    @property
    def verschil(self) -> Optional[float]:
        """Actions minus the item's budget; None when the item has no budget."""
        if self.item.budget_eur is None:
            return None
        return self.acties_totaal - self.item.budget_eur

    @property
    def wijkt_af(self) -> bool:
        return self.verschil is None or abs(self.verschil) >= 0.5


def reconciliation(plan: Plan) -> list[Reconciliation]:
    """Per meerjarenplan item that counted actions link to: their budgets against the item's budget.

    An action linked to two items counts fully at each (the plan does not say how it splits).
    """
    if plan.meerjarenplan is None:
        return []
    out = []
    for item in plan.meerjarenplan.items:
        linked = [a for a in counted(plan) if item.code in a.mjp_codes]
        if linked:
            out.append(Reconciliation(item, linked, sum(action_total(a) or 0 for a in linked)))
    return out
