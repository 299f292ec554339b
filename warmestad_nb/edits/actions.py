"""Steps 4 and 5: actions added (from a practice or the user's own) and removed, their status logged."""

from __future__ import annotations

from datetime import date

from .. import vocab
from ..errors import WarmeStadError
from ..ids import new_id
from ..model import Actie, Plan, StatusWijziging
from ..reference import Practice

STARTED = ("lopend", "afgerond")


def add_action_from_practice(plan: Plan, practice: Practice) -> Actie:
    """Add an action that starts from a practice (its pillars, ages, setting, strategy and SDGs); returns it."""
    action = Actie(
        id=new_id([a.id for a in plan.acties], practice.titel),
        titel=practice.titel,
        catalogus_id=practice.id,
        omschrijving=practice.omschrijving,
        pijlers=list(practice.pijlers),
        leeftijdsgroepen=list(practice.leeftijden),
        setting=practice.settings[0],
        strategie=practice.strategie,
        sdg_targets=list(practice.sdg_targets),
    )
    plan.acties.append(action)
    return action


def add_own_action(plan: Plan, title: str) -> Actie:
    """Add an action of the user's own with only its title; returns it."""
    action = Actie(id=new_id([a.id for a in plan.acties], title), titel=title)
    plan.acties.append(action)
    return action


def remove_action(plan: Plan, action_id: str) -> None:
    """Remove an action and the anchoring entries that point to it (those first: the plan is
    checked on every assignment, and an entry pointing nowhere is refused)."""
    plan.verankering.items = [v for v in plan.verankering.items if v.onderwerp != action_id]
    plan.acties = [a for a in plan.acties if a.id != action_id]


def total_budget_from_years(action: Actie) -> None:
    """An action with a budget per year: its total budget is the sum of the years."""
    if action.budget:
        action.budget_eur = sum(line.bedrag_eur for line in action.budget)


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
