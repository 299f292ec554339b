"""The kick-off: sign-ups recorded, and sign-ups turned into partners."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..analysis.kickoff import suggested_programme
from ..errors import WarmeStadError
from ..model import Aanmelding, Plan, ProgrammaOnderdeel
from .partners import add_partner, find_by_name


def edit_programme(plan: Plan, change: Callable[[list[ProgrammaOnderdeel]], Any]) -> None:
    """Change the kick-off's programme; a suggested programme becomes the plan's own with its first edit."""
    if not plan.kickoff.programma:
        plan.kickoff.programma = suggested_programme(plan)
    change(plan.kickoff.programma)


def add_signup(plan: Plan, **values: Any) -> None:
    """Record someone who signed up at the kick-off to take part."""
    if not str(values.get("naam") or "").strip():
        raise WarmeStadError("Vul de naam in van wie zich aanmeldde.")
    plan.kickoff.aanmeldingen.append(Aanmelding(**values))


@dataclass
class Conversion:
    added: list[str] = field(default_factory=list)  # organisations added as new partners
    linked: list[str] = field(default_factory=list)  # sign-ups linked to a partner already listed
    skipped: list[str] = field(default_factory=list)  # Dutch reasons

    def summary(self) -> str:
        parts = []
        if self.added:
            parts.append(f"{len(self.added)} nieuwe partner(s): {', '.join(self.added)}")
        if self.linked:
            parts.append(f"{len(self.linked)} aanmelding(en) gekoppeld aan een bestaande partner")
        if self.skipped:
            parts.append("niet omgezet: " + "; ".join(self.skipped))
        return ". ".join(parts) + "." if parts else "Er zijn geen aanmeldingen meer om om te zetten."


def signups_to_partners(plan: Plan, betrokkenheid: str = "geconsulteerd") -> Conversion:
    """Make every kick-off sign-up without a partner a partner (or link it to the one listed); mark it present."""
    result = Conversion()
    for signup in plan.kickoff.aanmeldingen:
        if signup.partner_id:
            continue
        name = signup.organisatie or signup.naam
        existing = find_by_name(plan, name)
        if existing is not None:
            signup.partner_id = existing.id
            result.linked.append(name)
        elif not signup.sector:
            result.skipped.append(f"{signup.naam}: de sector ontbreekt")
            continue
        else:
            signup.partner_id = add_partner(plan, organisatie=name, sector=signup.sector,
                                            contactpersoon=signup.naam, email=signup.email,
                                            betrokkenheid=betrokkenheid, rol="Aangemeld op het startmoment")
            result.added.append(name)
        if signup.partner_id not in plan.kickoff.aanwezig:
            plan.kickoff.aanwezig.append(signup.partner_id)
    return result
