"""The existing offer (bestaand aanbod) as a gap matrix: pillar x age group x gezondheidsmatrix strategy.

An initiative counts once in every cell it reaches (an initiative for pillars 4 and 6 and ages
6-12 and 12-18 counts in four pillar x age cells). Empty cells are the gaps the working group
discusses; they are not a verdict (a municipality may rely on regional offer).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import reference, vocab
from ..model import Aanbod

PILLARS = tuple(range(1, 9))


def cells(offer: list[Aanbod]) -> pd.DataFrame:
    """One row per initiative x pillar x age group, with its strategy and level (long format)."""
    rows = []
    for item in offer:
        for pillar in item.pijlers:
            for age in item.leeftijdsgroepen or [None]:
                rows.append({"naam": item.naam, "pijler": pillar, "leeftijdsgroep": age,
                             "strategie": item.strategie, "niveau": item.niveau})
    return pd.DataFrame(rows, columns=["naam", "pijler", "leeftijdsgroep", "strategie", "niveau"])


def _count(offer: list[Aanbod], rows: tuple, row_key, columns: tuple, column_key) -> pd.DataFrame:
    table = pd.DataFrame(0, index=list(rows), columns=list(columns), dtype="int64")
    for item in offer:
        for r in row_key(item):
            for c in column_key(item):
                if r in table.index and c in table.columns:
                    table.loc[r, c] += 1
    return table


def by_age(offer: list[Aanbod]) -> pd.DataFrame:
    """Initiatives per pillar (rows 1-8) and age group (columns 0-3 ... 18-24)."""
    return _count(offer, PILLARS, lambda i: i.pijlers, tuple(vocab.AGE_GROUPS), lambda i: i.leeftijdsgroepen)


def by_strategy(offer: list[Aanbod]) -> pd.DataFrame:
    """Initiatives per pillar and gezondheidsmatrix strategy (educatie, omgeving, regels, zorg)."""
    return _count(offer, PILLARS, lambda i: i.pijlers, tuple(vocab.STRATEGIES),
                  lambda i: [i.strategie] if i.strategie else [])


def health_matrix(offer: list[Aanbod]) -> pd.DataFrame:
    """The gezondheidsmatrix itself: strategies (rows) x levels (columns)."""
    return _count(offer, tuple(vocab.STRATEGIES), lambda i: [i.strategie] if i.strategie else [],
                  tuple(vocab.LEVELS), lambda i: [i.niveau] if i.niveau else [])


@dataclass(frozen=True)
class Gaps:
    pijlers: tuple[int, ...]  # pillars without any initiative
    leeftijdsgroepen: tuple[str, ...]  # age groups without any initiative
    strategieen: tuple[str, ...]  # strategies no initiative uses
    cellen: tuple[tuple[int, str], ...]  # (pillar, age group) without any initiative
    zonder_pijler: tuple[str, ...]  # initiatives that name no pillar (they count nowhere)
    zonder_leeftijd: tuple[str, ...]
    zonder_strategie: tuple[str, ...]


def gaps(offer: list[Aanbod]) -> Gaps:
    ages = by_age(offer)
    return Gaps(
        pijlers=tuple(p for p in PILLARS if not any(p in i.pijlers for i in offer)),
        leeftijdsgroepen=tuple(a for a in vocab.AGE_GROUPS if not any(a in i.leeftijdsgroepen for i in offer)),
        strategieen=tuple(s for s in vocab.STRATEGIES if not any(i.strategie == s for i in offer)),
        cellen=tuple((p, a) for p in PILLARS for a in vocab.AGE_GROUPS if ages.loc[p, a] == 0),
        zonder_pijler=tuple(i.naam for i in offer if not i.pijlers),
        zonder_leeftijd=tuple(i.naam for i in offer if not i.leeftijdsgroepen),
        zonder_strategie=tuple(i.naam for i in offer if not i.strategie),
    )


def pillar_label(number: int) -> str:
    return f"pijler {number} ({reference.lookup('pijlers')[number].kort.lower()})"


def offer_table(offer: list[Aanbod]) -> pd.DataFrame:
    """The inventory as a readable table with Dutch labels (narrow enough for an A4 page)."""
    rows = []
    for i in offer:
        matrix = [vocab.STRATEGIES[i.strategie] if i.strategie else "", vocab.LEVELS[i.niveau] if i.niveau else ""]
        rows.append({
            "Initiatief": i.naam,
            "Aanbieder": i.aanbieder,
            "Pijlers": ", ".join(str(p) for p in i.pijlers),
            "Leeftijd": ", ".join(i.leeftijdsgroepen),
            "Gezondheidsmatrix": " · ".join(part for part in matrix if part),
        })
    return pd.DataFrame(rows, columns=["Initiatief", "Aanbieder", "Pijlers", "Leeftijd", "Gezondheidsmatrix"])
