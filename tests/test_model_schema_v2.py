"""Schema version 2: the migration of version-1 plans, the budget per year and its reconciliation
with the meerjarenplan, and the open points that stop a final version."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES
from warmestad_nb import store
from warmestad_nb.analysis import budget
from warmestad_nb.analysis.open_points import open_points
from warmestad_nb.cli import main
from warmestad_nb.model import SCHEMA_VERSION, Actie, Budgetregel, Meerjarenplan, MjpItem
from warmestad_nb.report.document import Table
from warmestad_nb.report.sections import budget as budget_section
from warmestad_nb.report.sections.common import Context
from warmestad_nb.report.sections.front import summary
from warmestad_nb.store import PlanStore, read_plan

VERSION_1 = sorted((Path(__file__).parent / "data" / "versie1").glob("*.yaml"))
GENT = next(p for p in EXAMPLES if "gent" in p.name)
TURNHOUT = next(p for p in EXAMPLES if "turnhout" in p.name)


def _raw(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text())


@pytest.mark.parametrize("old", VERSION_1, ids=[p.stem for p in VERSION_1])
def test_a_version_1_plan_migrates_validates_and_round_trips(tmp_path, old):
    raw = _raw(old)
    assert raw["schema_versie"] == 1 and "projectgroep" in raw
    path = tmp_path / old.name
    shutil.copyfile(old, path)
    original = path.read_bytes()

    plan_store = PlanStore(path)
    plan = plan_store.plan
    assert plan.schema_versie == SCHEMA_VERSION == 2
    # The project group is now a governance body with the same people.
    assert [m.naam for m in plan.projectgroep] == [p["naam"] for p in raw["projectgroep"]]
    approved = raw.get("verankering", {}).get("beleidsplan_goedgekeurd")
    assert plan.vaststelling.gemeenteraad.datum == approved
    assert plan.vaststelling.status == ("definitief" if approved else "ontwerp")
    assert read_plan(path).model_dump() == plan.model_dump()  # the fast reader migrates the same way

    # The first save writes version 2 and keeps the version-1 file as it was among the backups.
    assert plan_store.save() is True
    assert [b.read_bytes() for b in plan_store.backups()] == [original]
    saved = _raw(path)
    assert saved["schema_versie"] == 2 and "projectgroep" not in saved
    assert "beleidsplan_goedgekeurd" not in saved.get("verankering", {})
    text = path.read_text()
    assert text.startswith(original.decode().split("\n", 1)[0])  # the heading comment stays
    assert text.index("bestuur:") < text.index("engagement:")  # in the place of the project group

    # Round trip: read back equal, and a second save changes nothing.
    again = PlanStore(path)
    assert again.plan.model_dump() == plan.model_dump()
    assert again.save() is False
    assert path.read_text() == text


def test_budget_per_year_is_the_sum_of_its_actions_without_the_stopped_ones():
    plan = read_plan(GENT)
    t = budget.totals(plan)
    years = t.jaren
    assert years == list(range(2026, 2032))
    running = [a for a in plan.acties if a.status != "stopgezet"]
    stopped = [a for a in plan.acties if a.status == "stopgezet"]
    assert stopped and all(a.budget for a in stopped)
    for i, year in enumerate(years):
        assert t.per_jaar[i] == sum(line.bedrag_eur for a in running for line in a.budget if line.jaar == year)
    assert sum(t.per_jaar) + t.niet_verdeeld == t.totaal == sum(budget.action_total(a) for a in running)
    # The stopped action's money counts nowhere: not in the totals, not in the document's table.
    stopped_money = sum(budget.action_total(a) for a in stopped)
    everything = sum(budget.action_total(a) or 0 for a in plan.acties)
    assert t.totaal == everything - stopped_money
    table = next(b for b in budget_section.budget_chapter(Context(plan)) if isinstance(b, Table)
                 and b.titel.startswith("Budget per actie"))
    titles = [row[0] for row in table.rijen]
    assert not any(a.titel in titles for a in stopped) and titles[-1] == "Totaal"
    assert table.rijen[-1][3:] == [*(budget_section.fmt.euro(v) for v in t.per_jaar), budget_section.fmt.euro(t.totaal)]


def _plan_with_items(items, actions):
    plan = read_plan(GENT).model_copy(deep=True)
    for goal in plan.prioriteiten.doelstellingen:
        goal.mjp_codes = []
    plan.verankering.items = []
    plan.acties = []
    plan.meerjarenplan = Meerjarenplan(cyclus="2026-2031", items=items)
    plan.acties = actions
    return plan


def _action(id_, codes, amounts, status="lopend"):
    return Actie(id=id_, titel=id_, mjp_codes=codes, status=status, doelstellingen=["weg-naar-hulp"],
                 budget=[Budgetregel(jaar=2026 + i, bedrag_eur=a) for i, a in enumerate(amounts)])


def test_the_reconciliation_flags_exactly_the_differing_items():
    items = [MjpItem(code="A", titel="gelijk", niveau="beleidsdoelstelling", budget_eur=3000),
             MjpItem(code="B", titel="meer", niveau="beleidsdoelstelling", budget_eur=1000),
             MjpItem(code="C", titel="minder", niveau="beleidsdoelstelling", budget_eur=9000,
                     reden_verschil="Het item dekt meer dan dit plan."),
             MjpItem(code="D", titel="zonder budget", niveau="beleidsdoelstelling"),
             MjpItem(code="E", titel="niet gekoppeld", niveau="beleidsdoelstelling", budget_eur=5),
             MjpItem(code="F", titel="gelijk na stopzetting", niveau="beleidsdoelstelling", budget_eur=100)]
    actions = [_action("a1", ["A"], [1000, 2000]), _action("a2", ["B"], [1500]), _action("a3", ["C"], [100]),
               _action("a4", ["D"], [10]), _action("a5", ["F"], [100]), _action("a6", ["F"], [700], "stopgezet")]
    plan = _plan_with_items(items, actions)
    rows = {r.item.code: r for r in budget.reconciliation(plan)}
    assert sorted(rows) == ["A", "B", "C", "D", "F"]  # E: no action links to it
    assert {code for code, r in rows.items() if r.wijkt_af} == {"B", "C", "D"}
    assert rows["B"].verschil == 500 and rows["C"].verschil == -8900 and rows["F"].verschil == 0
    # Open points: the differences without a reason, and nothing for the explained one.
    mjp_points = [p for p in open_points(plan) if p.startswith("Meerjarenplan")]
    assert [p.split(":")[0] for p in mjp_points] == ["Meerjarenplan B", "Meerjarenplan D"]
    table = next(b for b in budget_section.reconciliation(Context(plan)) if isinstance(b, Table))
    reasons = {row[0]: row[5] for row in table.rijen}
    assert reasons == {"A": "-", "B": "nog in te vullen door de gemeente", "C": "Het item dekt meer dan dit plan.",
                       "D": "nog in te vullen door de gemeente", "F": "-"}
    assert {row[0]: row[4] for row in table.rijen} == {"A": "gelijk", "B": "+ € 500", "C": "- € 8.900",
                                                       "D": "geen budget in het meerjarenplan", "F": "gelijk"}


def test_a_draft_gathers_the_open_points_in_one_box_and_a_final_version_shows_none():
    plan = read_plan(GENT)
    points = open_points(plan)
    assert points  # the Gent example is a draft with an open point left
    boxes = [b for b in summary(Context(plan, versie="ontwerp")) if isinstance(b, Table) and "Open punten" in b.titel]
    assert len(boxes) == 1 and [row[0] for row in boxes[0].rijen] == points
    assert not [b for b in summary(Context(plan, versie="definitief")) if isinstance(b, Table)
                and "Open punten" in b.titel]
    assert open_points(read_plan(TURNHOUT)) == []  # the adopted example is complete


def test_open_points_name_what_is_missing():
    plan = read_plan(GENT).model_copy(deep=True)
    plan.visie.visie = ""
    action = plan.acties[0]
    action.einde = None
    action.trekker = None
    plan.communicatie = []
    points = open_points(plan)
    assert "De visie van de gemeente ontbreekt." in points
    assert f"Actie '{action.titel}': ontbreekt een trekker en een einddatum." in points
    assert "Het communicatieplan ontbreekt." in points


@pytest.mark.slow
def test_a_final_version_with_open_points_is_refused_with_the_list_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "uit"
    assert main(["rapport", str(GENT), "--versie", "definitief", "--uit", str(out)]) == 2
    err = capsys.readouterr().err
    assert "de definitieve versie wordt niet gemaakt" in err and "Traceback" not in err
    for point in open_points(read_plan(GENT)):
        assert f"  - {point}" in err
    assert not out.exists()


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_examples_agree_with_themselves(path):
    """Every partner marked as lead or project-group member sits in the project group; an example
    says it is one; the kick-off was not held at a partner that stayed away."""
    plan = read_plan(path)
    members = {m.organisatie for m in plan.projectgroep}
    core = {p.organisatie for p in plan.partners if p.betrokkenheid in ("trekker", "projectgroep")}
    assert core <= members
    assert plan.voorbeeld and "(voorbeeldtekst)" in plan.visie.visie
    absent = set(plan.kickoff.uitgenodigd) - set(plan.kickoff.aanwezig)
    assert not any(plan.partner(pid).organisatie.split(" (")[0] in plan.kickoff.locatie for pid in absent)


def test_the_approval_date_of_step_7_is_the_councils_decision(herselt):
    """The step-7 form writes where version 2 keeps the adoption (it wrote verankering before)."""
    from widgets.test_steps_3_to_7_pages import find
    from warmestad_nb.widgets.anchoring import approval
    from warmestad_nb.widgets.session import PlanSession

    session = PlanSession(str(herselt))
    form = approval(session)
    find(form, "ws-beleidsplan-datum").value = date(2027, 3, 22)
    assert read_plan(herselt).vaststelling.gemeenteraad.datum == date(2027, 3, 22)
