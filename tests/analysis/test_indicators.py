"""Indicators next to Flanders, province and regions: weighted means recomputed here from the CSV files."""

from __future__ import annotations

import csv
import math
import statistics
from pathlib import Path

import pytest

from warmestad_nb.analysis import indicators, summaries
from warmestad_nb.store import read_plan

DATA = Path(__file__).resolve().parents[2] / "data"


def _rows(name: str) -> dict[str, dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return {r["nis"]: r for r in csv.DictReader(handle)}


POPULATION = _rows("bevolking_2026_leeftijd_geslacht.csv")
PLACES = _rows("gemeenten_vlaanderen_2025.csv")
VALUES = _rows("gemeente_stadsmonitor_selectie.csv")


def ages(first: int, last: int):
    """The population of the five-year bands first..last, both sexes, per municipality."""
    bands = [f"{a}_{a + 4}" for a in range(first, last + 1, 5)]
    return {n: sum(int(r[f"{s}_{b}"]) for s in "mf" for b in bands) for n, r in POPULATION.items()}


# The weight each indicator should get (our choice, stated in the output): births ~ 0-4,
# pupils ~ 5-19, labour force 18-64 ~ 20-64.
WEIGHTS = {"kansarmoede_index_pct": ages(0, 4), "oki_onderwijskansarmoede": ages(5, 19),
           "werkzoekendengraad_pct": ages(20, 64)}
EXAMPLES = ("44021", "13040", "13013")


def value(nis: str, indicator: str) -> float | None:
    text = VALUES[nis][indicator].strip()
    return float(text) if text else None


def weighted(members, indicator):
    known = [n for n in members if value(n, indicator) is not None]
    weight = WEIGHTS[indicator]
    return sum(value(n, indicator) * weight[n] for n in known) / sum(weight[n] for n in known)


@pytest.mark.parametrize("nis", EXAMPLES)
@pytest.mark.parametrize("indicator", list(WEIGHTS))
def test_flemish_province_and_regions_are_population_weighted(nis, indicator):
    c = indicators.compare(indicators.measure(indicator), nis)
    assert c.waarde == value(nis, indicator)
    expected = [weighted(PLACES, indicator)]
    for column in ("provincie", "logo", "gezondheidsmakers"):
        expected.append(weighted([n for n in PLACES if PLACES[n][column] == PLACES[nis][column]], indicator))
    assert [a.waarde for a in c.gebieden] == pytest.approx(expected, rel=1e-12)
    plain_mean = statistics.mean(v for n in PLACES if (v := value(n, indicator)) is not None)
    assert abs(c.gebieden[0].waarde - plain_mean) > 0.01  # the weighting matters here
    assert "gewogen met" in c.method()


@pytest.mark.parametrize("nis", EXAMPLES)
@pytest.mark.parametrize("indicator", list(WEIGHTS))
def test_rank_counts_only_municipalities_with_a_value(nis, indicator):
    c = indicators.compare(indicators.measure(indicator), nis)
    known = [v for n in PLACES if (v := value(n, indicator)) is not None]
    assert c.met_waarde == len(known)
    assert c.rang == 1 + sum(v > value(nis, indicator) for v in known)
    assert indicators.rank_text(c) == f"{c.rang} van {len(known)}"


def test_missing_value_stays_missing_and_is_left_out():
    # Antwerpen has no OKI (13 new or enlarged municipalities have none in the source).
    assert VALUES["11002"]["oki_onderwijskansarmoede"] == ""
    c = indicators.compare(indicators.measure("oki_onderwijskansarmoede"), "11002")
    assert (c.waarde, c.rang, c.signaal) == (None, None, "geen gegeven")
    missing = [n for n in PLACES if value(n, "oki_onderwijskansarmoede") is None]
    assert len(missing) == 13
    assert c.met_waarde == 272
    assert len(c.gebieden[0].zonder_waarde) == 13 and "Antwerpen" in c.gebieden[0].zonder_waarde
    row = indicators.summary_table([c]).iloc[0]
    assert row["Antwerpen"] == "geen gegeven" and row["Rang (1 = hoogste)"] == "geen gegeven"
    assert "0,00" not in row.to_string()
    assert "geen gegeven voor 13 gemeenten" in " ".join(indicators.footnotes([c]))


@pytest.mark.parametrize("nis", EXAMPLES)
def test_comparable_municipalities_and_the_flag_rule(nis):
    province = PLACES[nis]["provincie"]
    size = int(POPULATION[nis]["total"])
    others = [n for n in PLACES if PLACES[n]["provincie"] == province and n != nis]
    distance = {n: abs(math.log(int(POPULATION[n]["total"])) - math.log(size)) for n in others}
    group = sorted(others, key=lambda n: distance[n])[:15]
    assert set(indicators.comparable_municipalities(nis)) == set(group)
    for indicator in WEIGHTS:
        c = indicators.compare(indicators.measure(indicator), nis)
        group_values = sorted(v for n in group if (v := value(n, indicator)) is not None)
        q1, median, q3 = statistics.quantiles(group_values, n=4, method="inclusive")
        assert c.kwartielen == pytest.approx((q1, median, q3), rel=1e-12)
        own = value(nis, indicator)
        expected = "opvallend hoger" if own > q3 else "opvallend lager" if own < q1 else "niet opvallend"
        assert c.signaal == expected
        rule = " ".join(indicators.footnotes([c]))
        assert "75ste" in rule and f"15 gemeenten uit de provincie {province}" in rule


def test_the_example_municipalities_get_the_expected_flags():
    gent = {c.measure.id: c.signaal for c in indicators.comparisons("44021")}
    herselt = {c.measure.id: c.signaal for c in indicators.comparisons("13013")}
    assert gent["kansarmoede_index_pct"] == "opvallend hoger"
    assert herselt["werkzoekendengraad_pct"] == "opvallend lager"


def test_summary_table_has_every_level_and_dutch_values():
    table = indicators.summary_table(indicators.comparisons("13040"))
    assert list(table.columns) == ["Turnhout", "Referentiejaar", "Vlaanderen", "provincie Antwerpen", "Logo Kempen",
                                   "Gezondheidsmakers Kempen", "Vergelijkbare gemeenten (mediaan)",
                                   "Rang (1 = hoogste)", "Signaal"]
    row = table.loc["Geboorten in kansarmoede (kansarmoede-index)"]
    assert row["Turnhout"] == f"{value('13040', 'kansarmoede_index_pct'):.1f}".replace(".", ",") + "%"
    flemish = weighted(PLACES, "kansarmoede_index_pct")
    assert row["Vlaanderen"] == f"{flemish:.1f}".replace(".", ",") + "%"


def test_indicator_text_names_value_flanders_rank_weight_and_source():
    plan = read_plan(DATA / "voorbeelden" / "44021-gent.yaml")
    text = summaries.indicators_text(plan)
    flemish = f"{weighted(PLACES, 'werkzoekendengraad_pct'):.1f}".replace(".", ",")
    assert f"Werkzoekendengraad (alle leeftijden): 11,2% (Vlaanderen {flemish}%" in text
    assert "met het aantal inwoners van 20-64 jaar" in text
    assert "stand maart 2026" in text


def test_only_chosen_indicators_are_summarised():
    plan = read_plan(DATA / "voorbeelden" / "13013-herselt.yaml")
    plan.omgevingsanalyse.indicatoren = ["werkzoekendengraad_pct"]
    text = summaries.indicators_text(plan)
    assert "Werkzoekendengraad" in text and "kansarmoede" not in text.lower()
