"""Entries that could be added but not removed in the forms: a year's measurement, an evaluation year, a
kick-off sign-up, survey results."""

from __future__ import annotations

import html
import shutil

import pytest
from .test_steps_3_to_7_pages import find

from conftest import EXAMPLES
from warmestad_nb.store import read_plan
from warmestad_nb.widgets import evaluation, step1, step2
from warmestad_nb.widgets.session import PlanSession

GENT = next(p for p in EXAMPLES if p.stem == "44021-gent")


@pytest.fixture
def gent(tmp_path):
    target = tmp_path / GENT.name
    shutil.copyfile(GENT, target)
    return target


def test_a_measurement_of_a_year_can_be_removed_and_has_a_note(gent):
    session = PlanSession(str(gent))
    page = evaluation.year(session)
    before = read_plan(gent).evaluaties[-1].metingen
    picker = find(page, "ws-meting-keuze")
    assert [label for label, _ in picker.options][0] == f"1. {before[0].indicator}"
    picker.value = 0
    find(page, "ws-meting-verwijderen").click()
    assert read_plan(gent).evaluaties[-1].metingen == before[1:]
    note = find(page, "ws-meting-toelichting")
    assert note.description == "Toelichting van indicator 1"  # read by screen readers
    note.value = "Gemeten in de bevraging van juni"
    assert read_plan(gent).evaluaties[-1].metingen[0].toelichting == "Gemeten in de bevraging van juni"


def test_a_wrong_measured_value_is_refused_with_the_dutch_column_name(gent):
    session = PlanSession(str(gent))
    page = evaluation.year(session)
    find(page, "ws-meting-waarde").value = "veel"
    assert "Waarde: 'veel' is geen getal" in html.unescape(session.status.value)


def test_a_kickoff_signup_can_be_removed(gent):
    session, _ = step1.open_plan(str(gent))
    form = step1.KickoffForm(session)
    signups = read_plan(gent).kickoff.aanmeldingen
    form.signup_form.chooser.value = 0
    form.signup_form.remove_button.click()
    assert read_plan(gent).kickoff.aanmeldingen == signups[1:]
    assert signups[0].naam not in form.signups.value


def test_an_evaluation_year_can_be_removed(gent):
    session = PlanSession(str(gent))
    page = evaluation.year(session)
    years = [e.jaar for e in read_plan(gent).evaluaties]
    find(page, "ws-eval-jaar-verwijderen").click()
    assert [e.jaar for e in read_plan(gent).evaluaties] == years[:-1]
    assert find(page, "ws-eval-jaar-verwijderen").disabled  # no year left to remove


def test_survey_results_can_be_removed_with_their_source(gent):
    session = PlanSession(str(gent))
    assert read_plan(gent).omgevingsanalyse.enquete
    needs = step2.needs_section(session)
    needs.find("ws-enquete-verwijder").click()
    analysis = read_plan(gent).omgevingsanalyse
    assert (analysis.enquete, analysis.enquete_bron) == ([], "")
    assert needs.find("ws-enquete-verwijder").disabled
    assert "verwijderd" in needs.find("ws-enquete-melding").value
