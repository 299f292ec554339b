"""The plan's partners: add, edit, remove; a partner found by its organisation's name."""

from __future__ import annotations

from typing import Any

from ..errors import WarmeStadError
from ..ids import new_id
from ..model import Partner, Plan

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
