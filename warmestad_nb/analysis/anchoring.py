"""Step 7: which goals and actions are anchored where, and what is not anchored yet."""

from __future__ import annotations

from dataclasses import dataclass

from .. import vocab
from ..model import Plan


@dataclass(frozen=True)
class Anchor:
    id: str
    soort: str  # "doelstelling" or "actie"
    titel: str
    plaatsen: tuple[str, ...]  # Dutch descriptions of where it is anchored

    @property
    def verankerd(self) -> bool:
        return bool(self.plaatsen)


def anchors(plan: Plan) -> list[Anchor]:
    """Every goal and action with the places it is anchored (meerjarenplan codes and entries)."""
    by_subject: dict[str, list[str]] = {}
    for item in plan.verankering.items:
        text = vocab.ANCHOR_PLACES[item.plaats] + (f": {item.referentie}" if item.referentie else "")
        by_subject.setdefault(item.onderwerp, []).append(text)
    out = []
    subjects = [("doelstelling", g) for g in plan.prioriteiten.doelstellingen]
    subjects += [("actie", a) for a in plan.acties]
    for kind, subject in subjects:
        places = [f"meerjarenplan {code}" for code in subject.mjp_codes] + by_subject.get(subject.id, [])
        out.append(Anchor(subject.id, kind, subject.titel, tuple(places)))
    return out


def not_anchored(plan: Plan) -> list[Anchor]:
    return [a for a in anchors(plan) if not a.verankerd]


def counts(plan: Plan) -> dict[str, tuple[int, int]]:
    """Per kind (doelstelling, actie): (anchored, total)."""
    out = {}
    for kind in ("doelstelling", "actie"):
        found = [a for a in anchors(plan) if a.soort == kind]
        out[kind] = (sum(a.verankerd for a in found), len(found))
    return out
