"""One answer per checklist item: the start page, the step page and the policy plan never disagree."""

from __future__ import annotations

import html
import random
import re
from datetime import date
from pathlib import Path

import pytest

from conftest import EXAMPLES
from widgets.test_steps_3_to_7_pages import find
from warmestad_nb import reference
from warmestad_nb.analysis import commitment
from warmestad_nb.analysis.checklist import RULES, met
from warmestad_nb.model import Bestuur, Orgaan, Persoon, Plan
from warmestad_nb.newplan import plan_filename
from warmestad_nb.report.document import Table
from warmestad_nb.report.sections import front, governance
from warmestad_nb.report.sections.common import Context
from warmestad_nb.store import create_plan, read_plan
from warmestad_nb.widgets import start, step1_html

STEP_OF = {item.id: step for step in reference.steps() for item in step.checklist}
TEXT_OF = {item.id: item.tekst for step in reference.steps() for item in step.checklist}
# The checklist items the step 1 page shows (it also shows items that are no checklist id: aldermen, budget).
LABEL_OF = {item.id: item.label for item in commitment.commitment_checklist(Plan.model_validate(
    {"gemeente": {"nis": "13013", "naam": "Herselt"}})) if item.id in RULES}


def _start_page(path: Path) -> dict[str, bool]:
    """Per checklist id: done unless the start page lists its text under 'Nog te doen' of its step."""
    rows = re.findall(r"<tr><td><b>(\d+)\. (.*?)</tr>", start.progress_html(str(path)), flags=re.S)
    page = {int(n): row for n, row in rows}
    return {cid: f"<li>{html.escape(TEXT_OF[cid])}</li>" not in page[STEP_OF[cid].nummer] for cid in RULES}


def _step_page(plan: Plan) -> dict[str, bool]:
    """The step 1 page's checklist: the ids it shows, done when their row says 'in orde'."""
    page = step1_html.checklist(plan)
    answers = {}
    for cid, label in LABEL_OF.items():
        row = re.search(rf"<tr><td>([^<]*)</td><td>{re.escape(html.escape(label))}</td>", page).group(1)
        answers[cid] = "in orde" in row
    return answers


def _document(plan: Plan) -> dict[str, bool]:
    """The document's 'Stand van zaken per stap' table: done unless listed under 'Nog te doen'."""
    table = next(b for b in front.process(Context(plan)) if isinstance(b, Table))
    todo = {int(row[0].split(".")[0]): row[2] for row in table.rijen}
    return {cid: TEXT_OF[cid] not in todo[STEP_OF[cid].nummer] for cid in RULES}


def _generated(seed: int) -> Plan:
    """A plan with the fields that decide the checklist varied (seeded): every other one starts from an
    example plan (steps 2-7 filled in), the others from an empty plan with a few partners."""
    rnd = random.Random(seed)
    if seed % 2:
        plan = read_plan(EXAMPLES[seed % len(EXAMPLES)])
    else:
        plan = Plan.model_validate({"gemeente": {"nis": "13013", "naam": "Herselt"}, "partners": [
            {"id": f"partner-{i}", "organisatie": f"Partner {i}", "sector": "onderwijs"}
            for i in range(rnd.choice([0, 1, 4, 5, 8]))]})
    for partner in plan.partners:
        partner.betrokkenheid = rnd.choice(["geinformeerd", "geinformeerd", "projectgroep", "trekker"])
    e = plan.engagement
    e.collegebeslissing_datum = rnd.choice([None, date(2026, 2, 9)])
    e.collegebeslissing_referentie = rnd.choice(["", "Collegezitting 9 februari 2026, punt 12"])
    e.afspraak_logo = rnd.choice(["", "Vier begeleide sessies"])
    e.vast_agendapunt = rnd.choice(["", "", "werkgroep Gezonde Gemeente"])
    plan.coordinator = rnd.choice([
        None, Persoon(naam="Wim"), Persoon(naam="Wim", email="wim@example.org"),
        Persoon(naam="Wim", telefoon="014 00 00 02")])
    group = plan.projectgroep
    plan.bestuur = Bestuur(organen=[Orgaan(naam="Projectgroep", leden=group[:rnd.choice([0, 1, len(group)])])])
    return plan


PLANS = [pytest.param(lambda p=p: read_plan(p), id=p.stem) for p in EXAMPLES] + [
    pytest.param(lambda s=s: _generated(s), id=f"gegenereerd-{s}") for s in range(10)]


def test_every_checklist_id_has_exactly_one_rule():
    assert set(RULES) == set(TEXT_OF)


@pytest.mark.parametrize("make", PLANS)
def test_start_page_step_page_and_document_give_the_same_answer(make, tmp_path):
    plan = make()
    path = create_plan(tmp_path / plan_filename(plan), plan)
    rules = {cid: met(plan, cid) for cid in RULES}
    assert _start_page(path) == rules
    assert _document(plan) == rules
    step = _step_page(plan)
    assert set(step) == {"collegebeslissing", "coordinator", "projectgroep", "afspraak_logo"}
    assert step == {cid: rules[cid] for cid in step}


def test_the_generated_plans_vary_the_step_1_answers():
    seen = {cid: {met(_generated(s), cid) for s in range(10)} for cid in (*LABEL_OF, "partners", "acties")}
    assert all(answers == {True, False} for answers in seen.values()), seen


def test_a_college_decision_needs_a_reference_and_a_coordinator_needs_contact_details(tmp_path):
    plan = read_plan(EXAMPLES[0])
    plan.engagement.collegebeslissing_referentie = ""
    plan.coordinator = Persoon(naam="Wim")
    path = create_plan(tmp_path / plan_filename(plan), plan)
    for view in (_start_page(path), _document(plan), _step_page(plan)):
        assert view["collegebeslissing"] is False and view["coordinator"] is False
    assert "Nog te doen" in start.progress_html(str(path))
    assert html.escape(TEXT_OF["collegebeslissing"]) in start.progress_html(str(path))


def test_every_goal_needs_an_action(tmp_path):
    plan = read_plan(EXAMPLES[0])
    assert met(plan, "acties")
    first = plan.prioriteiten.doelstellingen[0].id
    for action in plan.acties:
        action.doelstellingen = [d for d in action.doelstellingen if d != first]
    path = create_plan(tmp_path / plan_filename(plan), plan)
    assert not met(plan, "acties")
    assert _start_page(path)["acties"] is False and _document(plan)["acties"] is False


def _step_checklist(page_html: str) -> dict[str, bool]:
    """The checklist on a step page: per item text, whether it says 'in orde'."""
    items = re.findall(r"<li>(✔ in orde|✘ nog te doen): ([^<]*)</li>", page_html)
    return {html.unescape(text): mark == "✔ in orde" for mark, text in items}


@pytest.mark.parametrize("make", PLANS[:3] + PLANS[3::3])
def test_every_step_page_shows_its_checklist_with_the_same_answers(make, tmp_path):
    from warmestad_nb.widgets import actions, anchoring, evaluation, implementation, priorities, step1, step2
    from warmestad_nb.widgets.session import PlanSession

    plan = make()
    path = create_plan(tmp_path / plan_filename(plan), plan)
    _, status = step1.open_plan(str(path))
    pages = {1: status.box, 2: step2.header(PlanSession(str(path))).parts[-1]}
    for module, number in ((priorities, 3), (actions, 4), (implementation, 5), (evaluation, 6), (anchoring, 7)):
        pages[number] = module.header(PlanSession(str(path)))
    for step in reference.steps():
        shown = _step_checklist(find(pages[step.nummer], "ws-stap-checklist").value)
        assert shown == {item.tekst: met(plan, item.id) for item in step.checklist}, step.nummer


def test_step_1_and_the_document_agree_on_a_project_group_of_partners(herselt):
    """Two partners in the project group and no named members: the step page says 'in orde', and
    the document names them instead of saying the project group is missing."""
    plan = read_plan(herselt)
    for body in plan.bestuur.organen:
        if body.soort == "projectgroep":
            body.leden = []
    plan.engagement.vast_agendapunt = ""
    for partner in plan.partners:
        partner.betrokkenheid = "geinformeerd"
    plan.partners[0].betrokkenheid, plan.partners[1].betrokkenheid = "projectgroep", "trekker"
    assert _step_page(plan)["projectgroep"] and met(plan, "projectgroep")
    text = " ".join(str(b) for b in governance.governance(Context(plan)))
    assert "staat nog niet in het plan" not in text
    assert plan.partners[0].organisatie in text and plan.partners[1].organisatie in text
    plan.bestuur.organen = []  # no body described at all: the document says what is missing, not the group
    text = " ".join(str(b) for b in governance.governance(Context(plan)))
    assert "projectgroep staat nog niet in het plan" not in text and "te weinig leden" not in text
    assert "wat elk overleg beslist, staat nog niet in het plan" in text
    plan.partners[1].betrokkenheid = "geinformeerd"  # one is too few, for the page and the document
    assert not _step_page(plan)["projectgroep"]
    assert "te weinig leden" in " ".join(str(b) for b in governance.governance(Context(plan)))
