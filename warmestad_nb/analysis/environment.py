"""The 0-24 population of a municipality from the shipped Statbel 2026 table, next to Flanders.

All figures are sums of the shipped counts (population on 1 January 2026 by sex and five-year
band), so the Flemish, provincial and regional shares are exact: sum of 0-24 / sum of everyone.
The programme's own bands (0-2, 3-5, 6-11, 12-17, 18-24) need single years of age: those come
from a Statbel file the user imports (imports/statbel.py) and are summed with `programme_bands`.
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass

import pandas as pd

from .. import reference
from ..formatting import share

BANDS = reference.YOUTH_BANDS
BAND_LABELS = {band: band.replace("_", "-") + " jaar" for band in BANDS}
SEXES = {"m": "jongens", "f": "meisjes"}

# The programme's age bands (inclusive ages) and the age-group code of the plan file they match.
PROGRAMME_BANDS = (
    ("0-2", 0, 2, "0-3"),
    ("3-5", 3, 5, "3-6"),
    ("6-11", 6, 11, "6-12"),
    ("12-17", 12, 17, "12-18"),
    ("18-24", 18, 24, "18-24"),
)

# Areas a municipality is compared with: (column, how the area is named in Dutch).
AREAS = (
    ("provincie", "provincie {}"),
    ("logo", "{}"),
    ("gezondheidsmakers", "Gezondheidsmakers {}"),
)


def band_columns(first_age: int, last_age: int) -> list[str]:
    """The m_/f_ columns of the five-year bands that make up ages first_age..last_age."""
    columns = []
    for start in range(first_age, last_age + 1, 5):
        band = f"{start}_{start + 4}"
        columns += [f"m_{band}", f"f_{band}"]
    return columns


@functools.cache
def _table() -> pd.DataFrame:
    counts = pd.DataFrame.from_dict(reference.population_2026(), orient="index")
    places = pd.DataFrame([asdict(m) for m in reference.municipalities()]).set_index("nis")
    table = places.join(counts, how="left")
    table["jeugd"] = table[band_columns(0, 24)].sum(axis=1)
    for band in BANDS:
        table[band] = table[f"m_{band}"] + table[f"f_{band}"]
    return table


def population_table() -> pd.DataFrame:
    """One row per municipality (index: NIS code): names, areas, the counts, 'jeugd' (0-24), 'total'."""
    return _table().copy()


def area_label(column: str, name: str) -> str:
    return dict(AREAS)[column].format(name)


@dataclass(frozen=True)
class AreaShare:
    naam: str  # e.g. "provincie Antwerpen", "Vlaanderen"
    jeugd: int
    totaal: int

    @property
    def aandeel(self) -> float:
        return share(self.jeugd, self.totaal)


@dataclass(frozen=True, eq=False)
class YouthPopulation:
    """The 0-24 population of one municipality, with the areas it belongs to."""

    gemeente: reference.Municipality
    totaal: int
    jeugd: int
    bands: pd.DataFrame  # index band label; jongens, meisjes, totaal, aandeel, vlaanderen_aandeel
    vlaanderen: AreaShare
    gebieden: tuple[AreaShare, ...]  # province, Logo region, Gezondheidsmakers region
    rang: int  # 1 = highest share of 0-24 among the 285
    gemeenten: int
    bron: reference.Source

    @property
    def aandeel(self) -> float:
        return share(self.jeugd, self.totaal)


def youth_population(nis: str) -> YouthPopulation:
    table = _table()
    municipality = reference.municipality(nis)
    row = table.loc[municipality.nis]
    flemish = table.sum(numeric_only=True)
    bands = pd.DataFrame(
        {
            "jongens": [int(row[f"m_{b}"]) for b in BANDS],
            "meisjes": [int(row[f"f_{b}"]) for b in BANDS],
        },
        index=[BAND_LABELS[b] for b in BANDS],
    )
    bands["totaal"] = bands["jongens"] + bands["meisjes"]
    bands["aandeel"] = [share(t, row["total"]) for t in bands["totaal"]]
    bands["vlaanderen_aandeel"] = [share(flemish[f"m_{b}"] + flemish[f"f_{b}"], flemish["total"]) for b in BANDS]
    areas = []
    for column, _ in AREAS:
        members = table[table[column] == row[column]]
        areas.append(AreaShare(area_label(column, row[column]), int(members["jeugd"].sum()),
                               int(members["total"].sum())))
    shares = table["jeugd"] / table["total"]
    return YouthPopulation(
        gemeente=municipality,
        totaal=int(row["total"]),
        jeugd=int(row["jeugd"]),
        bands=bands,
        vlaanderen=AreaShare("Vlaanderen", int(table["jeugd"].sum()), int(table["total"].sum())),
        gebieden=tuple(areas),
        rang=int(shares.rank(ascending=False, method="min")[municipality.nis]),
        gemeenten=len(table),
        bron=reference.source("bevolking"),
    )


def pyramid(nis: str) -> pd.DataFrame:
    """Per five-year band 0-24 and sex: the share of the whole population, municipality and Flanders."""
    table = _table()
    row = table.loc[reference.municipality(nis).nis]
    flemish = table.sum(numeric_only=True)
    records = []
    for band in BANDS:
        for sex, label in SEXES.items():
            column = f"{sex}_{band}"
            records.append({
                "leeftijd": BAND_LABELS[band],
                "geslacht": label,
                "gemeente": share(row[column], row["total"]),
                "vlaanderen": share(flemish[column], flemish["total"]),
            })
    return pd.DataFrame(records)


def programme_bands(single_years: dict[int, int]) -> dict[str, int]:
    """Counts by single year of age -> counts in the programme's bands (0-2 ... 18-24)."""
    return {label: sum(single_years.get(age, 0) for age in range(first, last + 1))
            for label, first, last, _ in PROGRAMME_BANDS}
