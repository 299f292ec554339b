"""A new, empty plan for a municipality: its details come from the reference data."""

from __future__ import annotations

from . import reference
from .ids import new_id
from .model import Gemeente, Plan

CURRENT_CYCLE = "2026-2031"


def plan_filename(plan: Plan) -> str:
    return f"{plan.gemeente.nis}-{new_id([], plan.gemeente.naam)}.yaml"


def new_plan(text: str) -> tuple[Plan, str | None]:
    """text: a name or NIS code; the note says which municipality was meant when the name was not exact."""
    municipality, note = reference.find_municipality(text)
    gemeente = Gemeente(
        nis=municipality.nis,
        naam=municipality.naam,
        provincie=municipality.provincie,
        logo=municipality.logo,
        gezondheidsmakers=municipality.gezondheidsmakers,
        eerstelijnszone=municipality.eerstelijnszone,
    )
    return Plan(gemeente=gemeente, cyclus=CURRENT_CYCLE), note
