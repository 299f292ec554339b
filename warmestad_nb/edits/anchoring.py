"""Step 7: anchoring entries of goals and actions, added and removed."""

from __future__ import annotations

from ..model import Plan, Verankeringsitem


def add_anchor(plan: Plan, subject: str, place: str, reference: str = "", note: str = "") -> None:
    plan.verankering.items.append(
        Verankeringsitem(onderwerp=subject, plaats=place, referentie=reference, notitie=note)
    )


def remove_anchor(plan: Plan, index: int) -> None:
    plan.verankering.items = [v for i, v in enumerate(plan.verankering.items) if i != index]
