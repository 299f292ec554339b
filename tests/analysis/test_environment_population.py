"""The 0-24 population: figures computed here straight from the shipped CSV files, compared exactly."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from warmestad_nb import formatting
from warmestad_nb.analysis import environment, summaries
from warmestad_nb.store import read_plan

DATA = Path(__file__).resolve().parents[2] / "data"
BANDS = ("0_4", "5_9", "10_14", "15_19", "20_24")
# The example plans: a large city, a regional town and a small rural municipality.
EXAMPLES = {"44021": "Gent", "13040": "Turnhout", "13013": "Herselt"}


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


POPULATION = {r["nis"]: r for r in _rows("bevolking_2026_leeftijd_geslacht.csv")}
PLACES = {r["nis"]: r for r in _rows("gemeenten_vlaanderen_2025.csv")}


def youth(row: dict[str, str]) -> int:
    return sum(int(row[f"{sex}_{band}"]) for sex in "mf" for band in BANDS)


def dutch(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def test_flanders_has_1855861_children_and_young_people_or_26_9_percent():
    total_youth = sum(youth(r) for r in POPULATION.values())
    total = sum(int(r["total"]) for r in POPULATION.values())
    assert (total_youth, len(POPULATION)) == (1_855_861, 285)
    y = environment.youth_population("44021")
    assert (y.vlaanderen.jeugd, y.vlaanderen.totaal) == (total_youth, total)
    assert formatting.percent(y.vlaanderen.aandeel) == "26,9%"
    assert formatting.number(y.vlaanderen.jeugd) == "1.855.861"


@pytest.mark.parametrize("nis", EXAMPLES)
def test_municipality_counts_bands_and_shares_match_the_csv(nis):
    row = POPULATION[nis]
    y = environment.youth_population(nis)
    assert y.gemeente.naam == EXAMPLES[nis]
    assert (y.jeugd, y.totaal) == (youth(row), int(row["total"]))
    assert y.aandeel == 100 * youth(row) / int(row["total"])
    for band in BANDS:
        label = band.replace("_", "-") + " jaar"
        assert y.bands.loc[label, "jongens"] == int(row[f"m_{band}"])
        assert y.bands.loc[label, "meisjes"] == int(row[f"f_{band}"])
    shares = {n: youth(r) / int(r["total"]) for n, r in POPULATION.items()}
    assert y.rang == 1 + sum(s > shares[nis] for s in shares.values())


@pytest.mark.parametrize("nis", EXAMPLES)
def test_province_and_regions_are_sums_of_their_municipalities(nis):
    place = PLACES[nis]
    y = environment.youth_population(nis)
    for area, column in zip(y.gebieden, ("provincie", "logo", "gezondheidsmakers")):
        members = [n for n, p in PLACES.items() if p[column] == place[column]]
        assert area.naam.endswith(place[column])
        assert area.jeugd == sum(youth(POPULATION[n]) for n in members)
        assert area.totaal == sum(int(POPULATION[n]["total"]) for n in members)


def test_pyramid_gives_each_band_and_sex_as_share_of_all_inhabitants():
    row = POPULATION["13013"]
    data = environment.pyramid("13013")
    assert len(data) == 10
    first = data.iloc[0]
    assert (first["leeftijd"], first["geslacht"]) == ("0-4 jaar", "jongens")
    assert first["gemeente"] == 100 * int(row["m_0_4"]) / int(row["total"])
    flemish = sum(int(r["m_0_4"]) for r in POPULATION.values()) / sum(int(r["total"]) for r in POPULATION.values())
    assert first["vlaanderen"] == pytest.approx(100 * flemish, rel=1e-12)


@pytest.mark.parametrize("stem", ["44021-gent", "13040-turnhout", "13013-herselt"])
def test_summary_sentence_uses_dutch_numbers(stem):
    plan = read_plan(DATA / "voorbeelden" / f"{stem}.yaml")
    row = POPULATION[plan.gemeente.nis]
    share = f"{100 * youth(row) / int(row['total']):.1f}".replace(".", ",")
    text = summaries.population_text(plan)
    assert text.startswith(f"In {plan.gemeente.naam} wonen op 1 januari 2026 {dutch(youth(row))} kinderen en "
                           f"jongeren van 0 tot 24 jaar ({share}% van de {dutch(int(row['total']))} inwoners; "
                           "Vlaanderen 26,9%")
    assert "Bron: Statbel" in text


def test_programme_bands_from_single_years():
    ages = {age: 1000 + age for age in range(0, 100)}
    bands = environment.programme_bands(ages)
    assert bands == {"0-2": sum(ages[a] for a in (0, 1, 2)), "3-5": sum(ages[a] for a in (3, 4, 5)),
                     "6-11": sum(ages[a] for a in range(6, 12)), "12-17": sum(ages[a] for a in range(12, 18)),
                     "18-24": sum(ages[a] for a in range(18, 25))}


@pytest.mark.parametrize("value, decimals, text", [(1855861, 0, "1.855.861"), (26.9029, 1, "26,9"), (0.405, 2, "0,41"),
                                                   (None, 0, "geen gegeven"), (-1234.5, 1, "-1.234,5")])
def test_dutch_number_formatting(value, decimals, text):
    assert formatting.number(value, decimals) == text


def test_values_with_units_and_missing():
    assert formatting.value(18.47, "%") == "18,5%"
    assert formatting.value(1.337, "index") == "1,34"
    assert formatting.value(1850.0, "bezoeken") == "1.850 bezoeken"
    assert formatting.value(None, "%") == "geen gegeven"
    assert formatting.join(["a", "b", "c"]) == "a, b en c"
