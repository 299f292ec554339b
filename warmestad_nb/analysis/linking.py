"""Links of goals and actions (meerjarenplan, SDG targets, Vizier 2030): the subjects, the fields
and the suggestions still open.

A suggestion the user rejects is remembered in the matching `..._afgewezen` list (see
`edits/links.py`), so it is not suggested again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from ..errors import WarmeStadError
from ..model import Actie, Doelstelling, Plan

Subject = Union[Doelstelling, Actie]

# kind of link -> (field with the links, field with the rejected suggestions)
LINK_FIELDS = {
    "mjp": ("mjp_codes", "mjp_afgewezen"),
    "sdg": ("sdg_targets", "sdg_afgewezen"),
    "vizier": ("vizier_doelen", "vizier_afgewezen"),
}
SUBJECT_KINDS = ("doelstelling", "actie")


@dataclass(frozen=True)
class Suggestion:
    """A proposed link, with the reasons (in Dutch) why it is proposed."""

    code: str
    titel: str
    redenen: tuple[str, ...]
    score: float = 0.0


def subjects(plan: Plan) -> list[tuple[str, Subject]]:
    """Every goal and action, as (kind, subject)."""
    return [("doelstelling", d) for d in plan.prioriteiten.doelstellingen] + [("actie", a) for a in plan.acties]


def find_subject(plan: Plan, kind: str, subject_id: str) -> Subject:
    for found_kind, subject in subjects(plan):
        if found_kind == kind and subject.id == subject_id:
            return subject
    raise WarmeStadError(f"Er is geen {kind} met id '{subject_id}' in dit plan.")


def link_fields(kind: str) -> tuple[str, str]:
    if kind not in LINK_FIELDS:
        raise WarmeStadError(f"Onbekende soort koppeling '{kind}' (kies uit {', '.join(LINK_FIELDS)}).")
    return LINK_FIELDS[kind]


def open_suggestions(subject: Subject, kind: str, proposals: list[Suggestion]) -> list[Suggestion]:
    """Proposals that are neither linked already nor rejected before."""
    linked, rejected = link_fields(kind)
    done = set(getattr(subject, linked)) | set(getattr(subject, rejected))
    return [s for s in proposals if s.code not in done]
