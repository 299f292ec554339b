"""Indicators of a municipality next to Flanders, its province, its regions and similar municipalities.

How the comparison values are made (also said in every output, see `Comparison.method`):
- A share ('aandeel') of a larger area is the population-weighted mean of the municipalities'
  shares, never the plain mean of percentages. The shipped data have no counts of births or of
  the labour force, so each indicator is weighted with the closest population count we do have
  (`WEIGHTS`), and the output says which one.
- The onderwijskansarmoede-indicator is an index (an average per pupil); it is aggregated the
  same way, weighted with the school-age population as a stand-in for the number of pupils.
- A missing value stays missing: it is shown as "geen gegeven" and left out of every mean,
  median and rank (so a rank reads "12 van 272" when 13 municipalities have no value).
- Comparable municipalities: the `COMPARISON_SIZE` municipalities of the same province whose
  population is closest (as a ratio) to the municipality's. "Opvallend hoger/lager" means above
  the 75th or below the 25th percentile of that group.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from .. import reference
from ..formatting import MISSING, join, number, value as format_value
from .environment import AREAS, area_label, band_columns, population_table

COMPARISON_SIZE = 15
MIN_GROUP_VALUES = 5  # fewer values in the comparison group: no flag
YOUTH_SHARE = "aandeel_0_24"

SHORT_NAMES = {YOUTH_SHARE: "Aandeel 0-24 jaar", "kansarmoede_index_pct": "Kansarmoede-index",
               "oki_onderwijskansarmoede": "Onderwijs­kansarmoede (OKI)",
               "werkzoekendengraad_pct": "Werkzoekenden­graad"}

HIGHER, LOWER, NOT_NOTABLE = "opvallend hoger", "opvallend lager", "niet opvallend"
TOO_FEW = "te weinig vergelijkingsgegevens"


@dataclass(frozen=True)
class Weight:
    columns: tuple[str, ...]  # population columns summed per municipality
    kort: str  # Dutch, short: "inwoners van 0-4 jaar"
    tekst: str  # Dutch, completes "gewogen met ..."


WEIGHTS = {
    YOUTH_SHARE: Weight(("total",), "inwoners", "het aantal inwoners"),
    "kansarmoede_index_pct": Weight(
        tuple(band_columns(0, 4)),
        "inwoners van 0-4 jaar",
        "het aantal inwoners van 0 tot 4 jaar (als benadering van het aantal geboorten, dat niet in de "
        "meegeleverde gegevens zit)",
    ),
    "oki_onderwijskansarmoede": Weight(
        tuple(band_columns(5, 19)),
        "inwoners van 5-19 jaar",
        "het aantal inwoners van 5 tot 19 jaar (schoolgaande leeftijd, als benadering van het aantal "
        "leerlingen)",
    ),
    "werkzoekendengraad_pct": Weight(
        tuple(band_columns(20, 64)),
        "inwoners van 20-64 jaar",
        "het aantal inwoners van 20 tot 64 jaar (als benadering van de beroepsbevolking van 18 tot 64 "
        "jaar, die niet in de meegeleverde gegevens zit)",
    ),
}


@dataclass(frozen=True, eq=False)
class Measure:
    """One indicator with its value for every municipality (NaN where the source has none)."""

    id: str
    naam: str
    eenheid: str
    soort: str
    waarden: pd.Series
    gewicht: Weight | None
    bron: reference.Source
    jaar_label: str
    jaar_kort: str  # shown beside every value: the reference year, or that it is unknown

    @property
    def periode(self) -> str:
        """The edition and the reference year, for source lines."""
        return self.jaar_label if self.jaar_kort == self.jaar_label else f"{self.jaar_label}, {self.jaar_kort}"

    @property
    def kort(self) -> str:
        """A short name for narrow table columns."""
        return SHORT_NAMES.get(self.id, self.naam)


def measures() -> tuple[Measure, ...]:
    """The share of 0-24 in the population, then the shipped Gemeente-Stadsmonitor indicators."""
    table = population_table()
    population = reference.source("bevolking")
    out = [Measure(
        id=YOUTH_SHARE,
        naam="Kinderen en jongeren van 0 tot 24 jaar in de bevolking",
        eenheid="%",
        soort="aandeel",
        waarden=100.0 * table["jeugd"] / table["total"],
        gewicht=WEIGHTS[YOUTH_SHARE],
        bron=population,
        jaar_label=f"1 januari {population.jaar}",
        jaar_kort=f"1 januari {population.jaar}",
    )]
    values = reference.indicator_values()
    for d in reference.indicator_defs():
        series = pd.Series({nis: values.get(nis, {}).get(d.id) for nis in table.index}, dtype="float64")
        year = f"referentiejaar {d.referentiejaar}" if d.referentiejaar else "referentiejaar onbekend"
        out.append(Measure(d.id, d.naam, d.eenheid, d.soort, series, WEIGHTS.get(d.id), d.bron, d.jaar_label, year))
    return tuple(out)


def measure(indicator_id: str) -> Measure:
    for m in measures():
        if m.id == indicator_id:
            return m
    from ..errors import WarmeStadError

    raise WarmeStadError(f"Onbekende indicator '{indicator_id}'.")


def weights(weight: Weight) -> pd.Series:
    return population_table()[list(weight.columns)].sum(axis=1).astype("float64")


def weighted_mean(values: pd.Series, weight: pd.Series) -> float | None:
    """Mean of `values` weighted with `weight`, over the municipalities that have a value."""
    known = values.notna() & weight.notna() & (weight > 0)
    if not known.any():
        return None
    return float((values[known] * weight[known]).sum() / weight[known].sum())


@dataclass(frozen=True)
class Aggregate:
    naam: str  # "Vlaanderen", "provincie Antwerpen", "Logo Kempen", ...
    waarde: float | None
    met_waarde: int
    zonder_waarde: tuple[str, ...]  # names of member municipalities without a value


@dataclass(frozen=True, eq=False)
class Comparison:
    measure: Measure
    gemeente: reference.Municipality
    waarde: float | None
    gebieden: tuple[Aggregate, ...]  # Vlaanderen, provincie, Logo, Gezondheidsmakers
    rang: int | None  # 1 = highest value
    met_waarde: int  # municipalities with a value (the rank's denominator)
    groep: tuple[str, ...]  # NIS codes of the comparable municipalities
    groep_inwoners: tuple[int, int]  # smallest and largest population in the group
    kwartielen: tuple[float, float, float] | None  # 25th, 50th, 75th percentile of the group
    signaal: str
    notes: tuple[str, ...] = field(default=())

    @property
    def naam(self) -> str:
        return self.measure.naam

    def method(self) -> str:
        """How the comparison values were made, in Dutch."""
        m = self.measure
        if m.gewicht is None:
            how = "Geen weging bekend voor deze indicator: enkel de waarde van de gemeente en haar rang."
        elif m.soort == "aandeel":
            how = (f"Vlaanderen, provincie en regio's: gewogen gemiddelde van de gemeenten, gewogen met "
                   f"{m.gewicht.tekst}.")
        else:
            how = (f"Dit is een index; Vlaanderen, provincie en regio's zijn het gemiddelde van de gemeenten, "
                   f"gewogen met {m.gewicht.tekst}.")
        return how


def rule_text(municipality: reference.Municipality, sizes: tuple[int, int]) -> str:
    return (f"Vergelijkbare gemeenten: de {COMPARISON_SIZE} gemeenten uit de provincie {municipality.provincie} "
            f"met het inwonertal dat het dichtst bij dat van {municipality.naam} ligt "
            f"({number(sizes[0])} tot {number(sizes[1])} inwoners). 'Opvallend hoger' of 'opvallend lager': "
            "de waarde ligt boven het 75ste of onder het 25ste percentiel van die gemeenten, dus hoger of lager "
            "dan driekwart van hen.")


def comparable_municipalities(nis: str, size: int = COMPARISON_SIZE) -> list[str]:
    """NIS codes of the `size` municipalities of the same province closest in population (as a ratio)."""
    table = population_table()
    row = table.loc[reference.municipality(nis).nis]
    others = table[(table["provincie"] == row["provincie"]) & (table.index != row.name)]
    distance = (others["total"].map(math.log) - math.log(row["total"])).abs()
    return list(distance.sort_values(kind="stable").index[:size])


def _aggregate(name: str, members: pd.Index, m: Measure, weight: pd.Series | None, table: pd.DataFrame) -> Aggregate:
    values = m.waarden.reindex(members)
    missing = tuple(table.loc[values[values.isna()].index, "naam"])
    result = weighted_mean(values, weight.reindex(members)) if weight is not None else None
    return Aggregate(name, result, int(values.notna().sum()), missing)


def compare(m: Measure, nis: str) -> Comparison:
    table = population_table()
    municipality = reference.municipality(nis)
    row = table.loc[municipality.nis]
    weight = weights(m.gewicht) if m.gewicht is not None else None
    areas = [_aggregate("Vlaanderen", table.index, m, weight, table)]
    for column, _ in AREAS:
        members = table.index[table[column] == row[column]]
        areas.append(_aggregate(area_label(column, row[column]), members, m, weight, table))
    own = m.waarden.get(municipality.nis)
    own = None if own is None or pd.isna(own) else float(own)
    known = m.waarden.dropna()
    rank = int(known.rank(ascending=False, method="min")[municipality.nis]) if own is not None else None

    group = comparable_municipalities(municipality.nis)
    group_values = m.waarden.reindex(group).dropna()
    quartiles = None
    if len(group_values) >= MIN_GROUP_VALUES:
        q = group_values.quantile([0.25, 0.5, 0.75])
        quartiles = (float(q[0.25]), float(q[0.5]), float(q[0.75]))
    if own is None:
        signal = MISSING
    elif quartiles is None:
        signal = TOO_FEW
    elif own > quartiles[2]:
        signal = HIGHER
    elif own < quartiles[0]:
        signal = LOWER
    else:
        signal = NOT_NOTABLE
    sizes = table.loc[group, "total"]
    notes = []
    peers = table[table["provincie"] == row["provincie"]]["total"]
    if row["total"] == peers.max():
        notes.append(f"{municipality.naam} is de grootste gemeente van de provincie: de vergelijkbare gemeenten "
                     "zijn allemaal kleiner.")
    elif row["total"] == peers.min():
        notes.append(f"{municipality.naam} is de kleinste gemeente van de provincie: de vergelijkbare gemeenten "
                     "zijn allemaal groter.")
    without = len(group) - len(group_values)
    if without:
        notes.append(f"{without} van de vergelijkbare gemeenten {'heeft' if without == 1 else 'hebben'} "
                     "geen gegeven en tellen niet mee.")
    return Comparison(
        measure=m,
        gemeente=municipality,
        waarde=own,
        gebieden=tuple(areas),
        rang=rank,
        met_waarde=len(known),
        groep=tuple(group),
        groep_inwoners=(int(sizes.min()), int(sizes.max())),
        kwartielen=quartiles,
        signaal=signal,
        notes=tuple(notes),
    )


def chosen_ids(chosen: list[str]) -> list[str]:
    """The plan's chosen indicators that exist (all shipped ones when none is chosen)."""
    known = [d.id for d in reference.indicator_defs()]
    return [i for i in chosen if i in known] if chosen else known


def comparisons(nis: str, ids: list[str] | None = None) -> list[Comparison]:
    """The youth share and the shipped indicators (or only `ids`), compared for one municipality."""
    chosen = [m for m in measures() if ids is None or m.id in ids]
    return [compare(m, nis) for m in chosen]


def rank_text(c: Comparison) -> str:
    return MISSING if c.rang is None else f"{c.rang} van {c.met_waarde}"


def summary_table(items: list[Comparison], short: bool = False) -> pd.DataFrame:
    """One row per indicator with Dutch-formatted values (short names for a transposed, narrow table)."""
    if not items:
        return pd.DataFrame()
    first = items[0]
    rows = []
    for c in items:
        unit = c.measure.eenheid
        row = {"Indicator": c.measure.kort if short else c.naam, first.gemeente.naam: format_value(c.waarde, unit),
               "Referentiejaar": c.measure.jaar_kort}
        for area in c.gebieden:
            row[area.naam] = format_value(area.waarde, unit)
        median = c.kwartielen[1] if c.kwartielen else None
        row["Vergelijkbare gemeenten (mediaan)"] = format_value(median, unit)
        row["Rang (1 = hoogste)"] = rank_text(c)
        row["Signaal"] = c.signaal
        rows.append(row)
    return pd.DataFrame(rows).set_index("Indicator")


def footnotes(items: list[Comparison]) -> list[str]:
    """Sources, weights, the comparison rule and what is missing: one line each, in Dutch."""
    lines = []
    for c in items:
        m = c.measure
        weight = f"gewogen met {m.gewicht.tekst}" if m.gewicht else "geen weging: enkel waarde en rang"
        missing = c.gebieden[0].zonder_waarde
        one = len(missing) == 1
        gap = (f"; geen gegeven voor {len(missing)} gemeente{'' if one else 'n'} ({join(missing)}), "
               f"die niet {'meetelt' if one else 'meetellen'}" if missing else "")
        lines.append(f"{m.naam}: {m.bron.uitgever}, {m.bron.titel}; {m.periode}. "
                     f"Vlaanderen, provincie en regio's {weight}{gap}.")
    if items:
        lines.append(rule_text(items[0].gemeente, items[0].groep_inwoners))
        lines += sorted(set(n for c in items for n in c.notes if "grootste" in n or "kleinste" in n))
    return lines
