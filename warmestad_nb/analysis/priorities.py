"""Step 3: pillar scores, the prioritisation matrix and the environment figures beside them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .. import reference
from ..model import PijlerScore, Plan
from .indicators import Comparison, chosen_ids, comparisons

MIDDLE = 3.0  # the middle of the 1-5 scales: the lines that split the matrix in four


@dataclass(frozen=True)
class PillarPosition:
    pijler: int
    kort: str
    nood: Optional[float]  # high when the pillar matters and the situation is weak
    haalbaarheid: Optional[int]
    gekozen: bool

    @property
    def kwadrant(self) -> str:
        if self.nood is None or self.haalbaarheid is None:
            return "nog niet gescoord"
        high_need, feasible = self.nood > MIDDLE, self.haalbaarheid > MIDDLE
        if high_need and feasible:
            return "nu aanpakken"
        if high_need:
            return "lange termijn voorbereiden"
        if feasible:
            return "snelle winst"
        return "later bekijken"


def score_of(plan: Plan, pillar: int) -> PijlerScore:
    """The score of one pillar (an empty one when not scored yet)."""
    found = [s for s in plan.prioriteiten.scores if s.pijler == pillar]
    return found[0] if found else PijlerScore(pijler=pillar)


def need(score: PijlerScore) -> Optional[float]:
    """Need: importance plus how weak the current situation is, on the same 1-5 scale."""
    if score.situatie is None or score.belang is None:
        return None
    return (score.belang + (6 - score.situatie)) / 2


def positions(plan: Plan) -> list[PillarPosition]:
    chosen = set(plan.prioriteiten.gekozen_pijlers)
    out = []
    for pillar in reference.pillars():
        score = score_of(plan, pillar.nummer)
        out.append(PillarPosition(pillar.nummer, pillar.kort, need(score), score.haalbaarheid,
                                  pillar.nummer in chosen))
    return out


def suggested(plan: Plan) -> list[int]:
    """Pillars in the 'nu aanpakken' quadrant, highest need first."""
    found = [p for p in positions(plan) if p.kwadrant == "nu aanpakken"]
    return [p.pijler for p in sorted(found, key=lambda p: (-p.nood, -p.haalbaarheid, p.pijler))]


def offer_per_pillar(plan: Plan) -> dict[int, int]:
    """How many existing initiatives step 2 found per pillar."""
    counts = {p.nummer: 0 for p in reference.pillars()}
    for item in plan.omgevingsanalyse.aanbod:
        for pillar in item.pijlers:
            counts[pillar] += 1
    return counts


def environment_figures(plan: Plan) -> list[Comparison]:
    """Step 2's comparison of the chosen indicators (all shipped ones when none is chosen)."""
    return comparisons(plan.gemeente.nis, chosen_ids(plan.omgevingsanalyse.indicatoren))
