"""Changes to plans (warmestad_nb/edits/), on the example plans: each keeps the plan valid."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import HERSELT
from warmestad_nb import reference
from warmestad_nb.analysis import kickoff, priorities
from warmestad_nb.edits import actions as edits_actions
from warmestad_nb.edits import evaluation as edits_evaluation
from warmestad_nb.edits import priorities as edits_priorities
from warmestad_nb.edits.kickoff import edit_programme
from warmestad_nb.edits.partners import add_partner, remove_partner
from warmestad_nb.errors import WarmeStadError
from warmestad_nb.model import Budgetregel, Plan
from warmestad_nb.store import read_plan



@pytest.fixture
def herselt() -> Plan:
    return read_plan(HERSELT)


def test_scoring_an_unscored_pillar_adds_it_in_order(herselt):
    herselt.prioriteiten.scores = [s for s in herselt.prioriteiten.scores if s.pijler != 3]
    assert priorities.positions(herselt)[2].kwadrant == "nog niet gescoord"
    edits_priorities.set_score(herselt, 3, "belang", 5)
    assert [s.pijler for s in herselt.prioriteiten.scores] == list(range(1, 9))
    assert priorities.score_of(herselt, 3).belang == 5


def test_practice_becomes_an_action_with_a_unique_id(herselt):
    practice = reference.practice("warme-william")
    action = edits_actions.add_action_from_practice(herselt, practice)
    assert action.id != "luisterbank-warme-william" and action.catalogus_id == "warme-william"
    assert action.pijlers == list(practice.pijlers) and action.strategie == practice.strategie
    assert herselt.acties[-1] is action
    assert edits_actions.add_action_from_practice(herselt, practice).id == f"{action.id}-2"


def test_removing_an_action_removes_its_anchoring(herselt):
    edits_actions.remove_action(herselt, "kansentarief-vrije-tijd")
    assert "kansentarief-vrije-tijd" not in [a.id for a in herselt.acties]
    assert "kansentarief-vrije-tijd" not in [v.onderwerp for v in herselt.verankering.items]
    Plan.model_validate(herselt.model_dump())  # still a valid plan


def test_status_change_is_logged_and_becomes_current(herselt):
    edits_actions.record_status(herselt, "luisterbank-warme-william", "lopend", date(2026, 10, 10), "bank staat er")
    action = next(a for a in herselt.acties if a.id == "luisterbank-warme-william")
    assert action.status == "lopend" and action.statuslog[-1].notitie == "bank staat er"
    # An older entry added later does not become the current status.
    edits_actions.record_status(herselt, "luisterbank-warme-william", "gepland", date(2026, 9, 1))
    assert action.status == "lopend"


def test_partner_edits_refuse_doubles_and_partners_still_in_use():
    plan = read_plan(HERSELT)
    with pytest.raises(WarmeStadError, match="staat al in de partnerlijst"):
        add_partner(plan, organisatie="ocmw  HERSELT", sector="welzijn")
    with pytest.raises(WarmeStadError, match="Lokaal netwerk vrijetijdsparticipatie"):
        remove_partner(plan, "sociaal-huis-herselt")
    with pytest.raises(WarmeStadError, match="Ouderavonden positief opvoeden"):
        remove_partner(plan, "clb-zuiderkempen")
    remove_partner(plan, "jeugdraad-herselt")  # invited to and present at the kick-off, in no action
    assert "jeugdraad-herselt" not in plan.kickoff.uitgenodigd + plan.kickoff.aanwezig
    Plan.model_validate(plan.model_dump())


def test_a_new_goal_gets_an_id_of_its_own(herselt):
    first = edits_priorities.add_goal(herselt, "Meer jongeren in het jeugdhuis")
    second = edits_priorities.add_goal(herselt, "Meer jongeren in het jeugdhuis")
    assert first.id != second.id and herselt.prioriteiten.doelstellingen[-2:] == [first, second]
    Plan.model_validate(herselt.model_dump())


def test_the_total_budget_follows_the_years(herselt):
    action = herselt.acties[0]
    action.budget = [Budgetregel(jaar=2027, bedrag_eur=1000, financiering="eigen-middelen"),
                     Budgetregel(jaar=2028, bedrag_eur=500.5, financiering="eigen-middelen")]
    edits_actions.total_budget_from_years(action)
    assert action.budget_eur == 1500.5
    action.budget = []
    edits_actions.total_budget_from_years(action)  # no years: the total stays as typed
    assert action.budget_eur == 1500.5


def test_the_suggested_programme_becomes_the_plans_own_with_its_first_edit(herselt):
    herselt.kickoff.programma = []
    suggested = kickoff.suggested_programme(herselt)
    edit_programme(herselt, lambda parts: parts.pop())
    assert herselt.kickoff.programma == suggested[:-1]


def test_an_evaluation_year_its_measurements_added_and_removed(herselt):
    year = edits_evaluation.add_next_evaluation(herselt, today=date(2027, 1, 20)).jaar
    count = len(herselt.evaluaties[-1].metingen)
    edits_evaluation.add_measurement(herselt, year, "Nieuwe indicator")
    assert [m.indicator for m in herselt.evaluaties[-1].metingen][-1] == "Nieuwe indicator"
    edits_evaluation.remove_measurement(herselt, year, count)
    assert len(herselt.evaluaties[-1].metingen) == count
    edits_evaluation.remove_evaluation(herselt, year)
    assert year not in [e.jaar for e in herselt.evaluaties]
