"""Step 1: the project group is entered, changed and removed in its form, and the checklist follows."""

from __future__ import annotations

from warmestad_nb.store import read_plan
from warmestad_nb.widgets import step1, step1_html


def without_project_group(plan) -> None:
    plan.bestuur.organen = [body for body in plan.bestuur.organen if body.soort != "projectgroep"]


def test_members_are_added_changed_and_removed(herselt):
    session, _ = step1.open_plan(str(herselt))
    session.change(without_project_group)
    form = step1.ProjectGroupForm(session)
    assert "nog geen leden" in form.table.value
    for name, organisation in (("An Peeters", "Jeugddienst"), ("Bram Claes", "CLB")):
        form.inputs["naam"].value = name
        form.inputs["organisatie"].value = organisation
        assert form.add()
    assert [(p.naam, p.organisatie) for p in read_plan(herselt).projectgroep] == [
        ("An Peeters", "Jeugddienst"), ("Bram Claes", "CLB")]
    # The members sit in a governance body of their own, made by the first member added.
    bodies = [(b.naam, b.soort, len(b.leden)) for b in read_plan(herselt).bestuur.organen]
    assert bodies.count(("Projectgroep", "projectgroep", 2)) == 1
    assert form.inputs["naam"].value == ""  # ready for the next member
    form.chooser.value = 1
    assert form.inputs["naam"].value == "Bram Claes"
    form.inputs["functie"].value = "Zorgcoördinator"
    assert read_plan(herselt).projectgroep[1].functie == "Zorgcoördinator"
    form.inputs["email"].value = "bram.claes"  # refused, and kept in the field to be corrected
    assert form.inputs["email"].value == "bram.claes"
    assert "ws-fout" in form.message.value and "E-mail" in form.message.value
    assert read_plan(herselt).projectgroep[1].email == ""
    assert "Bram Claes" in form.table.value
    form.chooser.value = 0
    assert form.remove()
    assert [p.naam for p in read_plan(herselt).projectgroep] == ["Bram Claes"]
    assert form.chooser.value == -1 and form.inputs["naam"].value == ""


def test_a_member_needs_a_name(herselt):
    session, _ = step1.open_plan(str(herselt))
    form = step1.ProjectGroupForm(session)
    before = herselt.read_bytes()
    form.inputs["functie"].value = "Schepen"
    assert not form.add()
    assert "het veld Naam is nog leeg" in form.message.value
    assert herselt.read_bytes() == before


def test_two_named_members_make_the_checklist_item_done(herselt):
    session, _ = step1.open_plan(str(herselt))

    def no_group(plan):
        without_project_group(plan)
        plan.engagement.vast_agendapunt = ""
        for partner in plan.partners:
            partner.betrokkenheid = "geinformeerd"

    session.change(no_group)
    form = step1.ProjectGroupForm(session)
    assert "Nog niemand" in step1_html.checklist(session.plan)
    for name in ("An Peeters", "Bram Claes"):
        form.inputs["naam"].value = name
        form.add()
    page = step1_html.checklist(session.plan)
    assert "An Peeters, Bram Claes" in page
