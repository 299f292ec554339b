"""The kick-off moment of step 1: suggested programme, timing, invitation list and attendance."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import reference
from ..model import Partner, Plan, ProgrammaOnderdeel


def suggested_programme(plan: Plan) -> list[ProgrammaOnderdeel]:
    """The suggested parts from data/kickoff_programma.yaml, worded for this plan's cycle."""
    return [
        ProgrammaOnderdeel(titel=part.titel.replace("{cyclus}", plan.cyclus), duur_min=part.duur_min, wie=part.wie)
        for part in reference.kickoff_parts()
    ]


def programme(plan: Plan) -> tuple[list[ProgrammaOnderdeel], bool]:
    """The programme to show: the plan's own, else the suggestion (second value True)."""
    if plan.kickoff.programma:
        return list(plan.kickoff.programma), False
    return suggested_programme(plan), True


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Slot:
    start: str  # "0:15": minutes after the start of the kick-off
    einde: str
    titel: str
    duur_min: int
    wie: str


def schedule(parts: list[ProgrammaOnderdeel]) -> list[Slot]:
    slots, elapsed = [], 0
    for part in parts:
        slots.append(Slot(_clock(elapsed), _clock(elapsed + part.duur_min), part.titel, part.duur_min, part.wie))
        elapsed += part.duur_min
    return slots


def total_minutes(parts: list[ProgrammaOnderdeel]) -> int:
    return sum(part.duur_min for part in parts)


def invitees(plan: Plan) -> tuple[list[Partner], bool]:
    """Who is invited; when nobody is yet, the whole partner list as a proposal (second value True)."""
    if plan.kickoff.uitgenodigd:
        chosen = set(plan.kickoff.uitgenodigd)
        return [p for p in plan.partners if p.id in chosen], False
    return list(plan.partners), True


def guest_list(plan: Plan) -> list[tuple[Partner, bool]]:
    """Each invitee with whether they came, then the partners who came without an invitation.

    A sign-up turned into a partner is present but was never invited: the table and the
    attendance count both read this list, so they cannot disagree.
    """
    people, _ = invitees(plan)
    listed = {p.id for p in people}
    present = set(plan.kickoff.aanwezig)
    uninvited = [p for p in plan.partners if p.id in present and p.id not in listed]
    return [(p, p.id in present) for p in people + uninvited]


def invitation_rows(plan: Plan) -> pd.DataFrame:
    """The invitation list with contact details, and whether each partner came (after the kick-off)."""
    sectors = reference.lookup("sectoren")
    rows = [
        {
            "Organisatie": p.organisatie,
            "Sector": sectors[p.sector].naam,
            "Contactpersoon": p.contactpersoon,
            "E-mail": p.email,
            "Telefoon": p.telefoon,
            "Aanwezig": "ja" if came else "",
        }
        for p, came in guest_list(plan)
    ]
    columns = ["Organisatie", "Sector", "Contactpersoon", "E-mail", "Telefoon", "Aanwezig"]
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class Attendance:
    invited: int
    present: int
    signups: int
    signups_open: int  # sign-ups not yet turned into (or linked to) a partner


def attendance(plan: Plan) -> Attendance:
    k = plan.kickoff
    return Attendance(
        invited=len(k.uitgenodigd),
        present=sum(came for _, came in guest_list(plan)),
        signups=len(k.aanmeldingen),
        signups_open=sum(1 for s in k.aanmeldingen if not s.partner_id),
    )
