"""Changes a step-1 session makes to the plan: partners (add, edit, remove), kick-off sign-ups, youth channels.

Each function changes the plan in place and is meant to run inside `PlanSession.change`
(or on a copy of the plan): a refused change raises WarmeStadError (or pydantic's
ValidationError for a bad value) and the session then saves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import WarmeStadError
from .ids import new_id
from .model import Aanmelding, Kanaal, Partner, Plan

# The fields a user edits; `id` is made from the organisation's name.
PARTNER_FIELDS = tuple(name for name in Partner.model_fields if name != "id")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def find_by_name(plan: Plan, organisatie: str) -> Partner | None:
    """The partner with this organisation name (case and spacing ignored), if any."""
    wanted = _key(organisatie)
    return next((p for p in plan.partners if _key(p.organisatie) == wanted), None)


def add_partner(plan: Plan, **values: Any) -> str:
    """Add a partner; returns its new id. Refuses an empty or an already listed organisation."""
    name = str(values.get("organisatie") or "").strip()
    if not name:
        raise WarmeStadError("Vul de naam van de organisatie in.")
    if find_by_name(plan, name):
        raise WarmeStadError(f"'{name}' staat al in de partnerlijst; kies die partner om hem aan te passen.")
    partner_id = new_id([p.id for p in plan.partners], name)
    plan.partners.append(Partner(id=partner_id, **values))
    return partner_id


def update_partner(plan: Plan, partner_id: str, **values: Any) -> None:
    partner = plan.partner(partner_id)
    name = values.get("organisatie")
    if name is not None:
        other = find_by_name(plan, str(name))
        if other is not None and other.id != partner_id:
            raise WarmeStadError(f"'{name}' staat al in de partnerlijst.")
    for key, value in values.items():
        setattr(partner, key, value)  # validate_assignment: a bad value raises here


def remove_partner(plan: Plan, partner_id: str) -> None:
    """Remove a partner and its kick-off invitations; refused while actions still name it."""
    partner = plan.partner(partner_id)
    used = [a.titel for a in plan.acties if a.trekker == partner_id or partner_id in a.partners]
    if used:
        raise WarmeStadError(
            f"'{partner.organisatie}' kan niet weg: de partner staat nog bij "
            f"{'de actie' if len(used) == 1 else 'de acties'} {', '.join(repr(t) for t in used)}. "
            "Haal de partner daar eerst weg (stap 4)."
        )
    plan.partners.remove(partner)
    kickoff = plan.kickoff
    kickoff.uitgenodigd = [i for i in kickoff.uitgenodigd if i != partner_id]
    kickoff.aanwezig = [i for i in kickoff.aanwezig if i != partner_id]
    for signup in kickoff.aanmeldingen:
        if signup.partner_id == partner_id:
            signup.partner_id = None


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


def add_channel(plan: Plan, **values: Any) -> None:
    """Plan a channel to inform children and young people; it must name the age groups it reaches."""
    if not values.get("leeftijdsgroepen"):
        raise WarmeStadError("Kies minstens één leeftijdsgroep die u via dit kanaal bereikt.")
    plan.jongeren.kanalen.append(Kanaal(**values))
