"""The analyses behind steps 3 to 7, on the example plans."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from warmestad_nb import reference
from warmestad_nb.analysis import actions, anchoring, evaluation, implementation, priorities
from warmestad_nb.edits import anchoring as edits_anchoring
from warmestad_nb.edits.evaluation import add_next_evaluation
from warmestad_nb.model import Plan
from warmestad_nb.store import read_plan

ROOT = Path(__file__).resolve().parents[2]

HERSELT = ROOT / "data" / "voorbeelden" / "13013-herselt.yaml"
TURNHOUT = ROOT / "data" / "voorbeelden" / "13040-turnhout.yaml"


@pytest.fixture
def herselt() -> Plan:
    return read_plan(HERSELT)


def test_matrix_places_pillars_by_need_and_feasibility(herselt):
    by_pillar = {p.pijler: p for p in priorities.positions(herselt)}
    # Herselt scores pillar 6 situation 2, importance 4, feasibility 4: high need, feasible.
    assert by_pillar[6].nood == 4.0 and by_pillar[6].kwadrant == "nu aanpakken"
    # Pillar 7: high need (situation 2, importance 4) but feasibility 2.
    assert by_pillar[7].kwadrant == "lange termijn voorbereiden"
    assert by_pillar[5].kwadrant == "snelle winst"
    assert priorities.suggested(herselt) == [6, 2]
    assert [p.gekozen for p in priorities.positions(herselt)].count(True) == 3


def test_environment_figures_are_step_2s_comparison(herselt):
    figures = priorities.environment_figures(herselt)
    assert [f.measure.id for f in figures] == herselt.omgevingsanalyse.indicatoren
    poverty = next(f for f in figures if f.measure.id == "kansarmoede_index_pct")
    assert poverty.waarde == reference.indicator_values()["13013"]["kansarmoede_index_pct"]
    assert poverty.gebieden[0].naam == "Vlaanderen" and poverty.gebieden[0].waarde is not None
    assert "Gemeente-Stadsmonitor" in poverty.measure.bron.titel


def test_catalogue_filters_combine():
    found = actions.filter_catalogue(pijler="7", leeftijd="12-18", kosten="gratis")
    assert found and all(7 in p.pijlers and "12-18" in p.leeftijden and p.kosten == "gratis" for p in found)
    assert "awel" in [p.id for p in found]
    # No filter: every practice that has a checked source (the others are never suggested).
    sourced = [p for p in reference.catalogue() if p.has_source]
    assert actions.filter_catalogue() == sourced
    assert actions.filter_catalogue(pijler="", setting=None) == sourced


def test_balance_names_the_gaps(herselt):
    balance = actions.balance(herselt)
    assert balance.pijlers[4] == 4 and balance.leeftijden["18-24"] == 0
    assert any("18-24" in g for g in balance.hiaten)
    assert any("zorg en begeleiding" in g for g in balance.hiaten)
    herselt.prioriteiten.gekozen_pijlers.append(7)
    assert any("pijler 7" in g for g in actions.balance(herselt).hiaten)


def test_budget_totals_and_timeline(herselt):
    total = implementation.budget_total(herselt)
    assert total.gepland == sum(a.budget_eur or 0 for a in herselt.acties) == 34500
    assert total.zonder_budget == 1  # the babbelgroep has no budget yet
    rows = implementation.timeline(herselt)
    assert [r.start for r in rows] == sorted(r.start for r in rows)
    assert implementation.status_counts(herselt)["lopend"] == 2


def test_year_on_year_and_carry_forward():
    plan = read_plan(TURNHOUT)
    series = evaluation.year_on_year(plan)
    visits = series["Bezoeken aan het inloophuis"]
    assert [v.jaar for v in visits] == [2022, 2023, 2024]
    assert visits[0].bereikt == pytest.approx(980 / 1200)
    new = add_next_evaluation(plan)
    assert new.jaar == 2025 and all(m.waarde is None for m in new.metingen)
    last = evaluation.evaluation(plan, 2024)
    assert [(m.indicator, m.streefwaarde) for m in last.metingen] == [
        (m.indicator, m.streefwaarde) for m in new.metingen[: len(last.metingen)]]
    goal_indicators = {g.indicator for g in plan.prioriteiten.doelstellingen if g.indicator}
    assert goal_indicators <= {m.indicator for m in new.metingen}
    Plan.model_validate(plan.model_dump())


def test_first_evaluation_year_is_this_year(herselt):
    assert evaluation.next_year(herselt, today=date(2027, 1, 20)) == 2027
    groups = evaluation.continuing_actions(herselt)
    assert len(groups["loopt door"]) == len(herselt.acties)


def test_anchoring_lists_what_is_missing(herselt):
    assert anchoring.not_anchored(herselt) == []  # every item has an mjp code
    for action in herselt.acties:
        action.mjp_codes = []
    missing = {a.id for a in anchoring.not_anchored(herselt)}
    assert missing == {a.id for a in herselt.acties} - {"kansentarief-vrije-tijd"}
    edits_anchoring.add_anchor(herselt, "babbelgroep-jonge-ouders", "beleidsnota", "Beleidsnota Welzijn 2027")
    assert "babbelgroep-jonge-ouders" not in {a.id for a in anchoring.not_anchored(herselt)}
    assert anchoring.counts(herselt)["actie"] == (2, 5)
