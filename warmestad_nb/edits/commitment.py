"""Step 1's commitment: the working budget and the coordinator, as typed in the form."""

from __future__ import annotations

from ..errors import WarmeStadError
from ..model import Persoon, Plan
from ..tables import parse_number


def set_working_budget(plan: Plan, text: str) -> None:
    """The working budget as typed (5000, 5.000,50, € 5000); empty text clears it."""
    if not text.strip():
        plan.engagement.budget_eur = None
        return
    number = parse_number(text.replace("€", "").replace("euro", ""))
    if number is None:
        raise WarmeStadError(f"Werkingsbudget: '{text}' is geen bedrag; typ bv. 5000 of 5.000,50.")
    plan.engagement.budget_eur = number


def set_coordinator_field(plan: Plan, name: str, value: str) -> None:
    """One field of the coordinator; emptying every field removes the coordinator, who needs a name first."""
    person = plan.coordinator.model_dump() if plan.coordinator else {"naam": ""}
    person[name] = value.strip()
    if not any(person.values()):
        plan.coordinator = None
    elif not person["naam"]:
        raise WarmeStadError("Coördinator: vul eerst de naam in.")
    else:
        plan.coordinator = Persoon(**person)
