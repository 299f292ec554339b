"""The forms for the fields of plan schema version 2, driven as a user would, checked in the plan on disk:
governance bodies and members (step 1), the young people's say (step 1), vision and mission (step 3),
budget per year with funding (step 4), the communication plan (step 5), the adoption (step 7)."""

from __future__ import annotations

from datetime import date

from .test_steps_3_to_7_pages import find

from warmestad_nb.store import read_plan
from warmestad_nb.widgets import actions, anchoring, implementation, priorities, step1
from warmestad_nb.widgets.session import PlanSession


def test_governance_bodies_and_members_are_added_changed_and_removed(herselt):
    session = PlanSession(str(herselt))
    form = step1.GovernanceForm(session)
    before = len(session.plan.bestuur.organen)
    bodies, members = form.bodies, form.members
    bodies.inputs["naam"].value = "Stuurgroep Warme Gemeente"
    bodies.inputs["soort"].value = "stuurgroep"
    bodies.inputs["beslist_over"].value = "het actieplan en het budget"
    assert bodies.add()
    saved = read_plan(herselt).bestuur.organen
    assert len(saved) == before + 1
    assert (saved[-1].naam, saved[-1].soort, saved[-1].beslist_over) == (
        "Stuurgroep Warme Gemeente", "stuurgroep", "het actieplan en het budget")
    # Choosing the new body shows its (no) members; a member with a role is added to it.
    bodies.chooser.value = before
    assert "Nog geen leden" in members.table.value
    members.inputs["naam"].value = "Els Jacobs"
    members.inputs["rol"].value = "voorzitter"
    members.inputs["functie"].value = "Schepen van Jeugd"
    assert members.add()
    group = read_plan(herselt).bestuur.organen[-1]
    assert [(m.naam, m.rol, m.functie) for m in group.leden] == [("Els Jacobs", "voorzitter", "Schepen van Jeugd")]
    # A change is saved at once; a wrong e-mail address is refused with the field's Dutch name.
    members.chooser.value = 0
    members.inputs["rol"].value = "secretaris"
    assert read_plan(herselt).bestuur.organen[-1].leden[0].rol == "secretaris"
    on_disk = herselt.read_bytes()
    members.inputs["email"].value = "els.jacobs"
    assert "ws-fout" in members.message.value and "E-mail" in members.message.value
    assert members.inputs["email"].value == "els.jacobs"  # kept, to be corrected
    assert herselt.read_bytes() == on_disk
    bodies.inputs["taak"].value = "Volgt het project op."
    assert read_plan(herselt).bestuur.organen[-1].taak == "Volgt het project op."
    bodies.inputs["vergadert"].value = "x" * 301  # too long: the message names the field as the form does
    assert "Komt samen" in bodies.message.value and "ws-fout" in bodies.message.value
    # An emptied name is refused; the body keeps its name.
    bodies.inputs["naam"].value = ""
    assert "Naam van het overleg" in bodies.message.value
    assert read_plan(herselt).bestuur.organen[-1].naam == "Stuurgroep Warme Gemeente"
    # Removing: the member, then the body.
    assert members.remove()
    assert read_plan(herselt).bestuur.organen[-1].leden == []
    bodies.chooser.value = before
    assert bodies.remove()
    assert [b.naam for b in read_plan(herselt).bestuur.organen] == [b.naam for b in saved[:before]]
    assert "Stuurgroep Warme Gemeente" not in form.snapshot()


def test_a_member_needs_a_body_and_a_name(herselt):
    session = PlanSession(str(herselt))
    session.change(lambda plan: setattr(plan.bestuur, "organen", []))
    form = step1.GovernanceForm(session)
    on_disk = herselt.read_bytes()
    form.members.inputs["naam"].value = "Els Jacobs"
    assert not form.members.add()
    assert "kies eerst hierboven het overleg" in form.members.message.value
    form.bodies.inputs["vergadert"].value = "vier keer per jaar"
    assert not form.bodies.add()
    assert "het veld Naam van het overleg is nog leeg" in form.bodies.message.value
    assert herselt.read_bytes() == on_disk


def test_the_young_peoples_say_is_added_changed_and_removed(herselt):
    session = PlanSession(str(herselt))
    session.change(lambda plan: setattr(plan.jongeren, "inspraak", []))
    form = step1.YouthVoiceForm(session)
    form.inputs["wie"].value = "twaalf jongeren uit het jeugdhuis"
    form.inputs["hoe"].value = "focusgroep"
    form.inputs["datum"].value = date(2026, 3, 18)
    form.inputs["leeftijdsgroepen"].value = ("18-24", "12-18")
    form.inputs["wat_ze_zeiden"].value = "Er is te weinig plek om af te spreken."
    assert form.add()
    saved = read_plan(herselt).jongeren.inspraak
    assert [(s.wie, s.hoe, s.datum, s.leeftijdsgroepen) for s in saved] == [
        ("twaalf jongeren uit het jeugdhuis", "focusgroep", date(2026, 3, 18), ["12-18", "18-24"])]
    form.chooser.value = 0
    form.inputs["wat_het_plan_ermee_doet"].value = "Actie: een jongerenplek in de bib."
    assert read_plan(herselt).jongeren.inspraak[0].wat_het_plan_ermee_doet == "Actie: een jongerenplek in de bib."
    form.inputs["hoe"].value = "x" * 301  # too long for the field: refused with its Dutch name
    assert "Hoe" in form.message.value and "ws-fout" in form.message.value
    assert read_plan(herselt).jongeren.inspraak[0].hoe == "focusgroep"
    assert form.remove()
    assert read_plan(herselt).jongeren.inspraak == []


def test_vision_and_mission_are_saved_and_emptied(herselt):
    session = PlanSession(str(herselt))
    view = priorities.vision(session)
    find(view, "ws-visie").value = "  Elk kind voelt zich thuis in Herselt.  "
    find(view, "ws-missie").value = "Samen met scholen en jeugdwerk."
    saved = read_plan(herselt).visie
    assert (saved.visie, saved.missie) == ("Elk kind voelt zich thuis in Herselt.", "Samen met scholen en jeugdwerk.")
    find(view, "ws-missie").value = ""
    assert read_plan(herselt).visie.missie == ""
    find(view, "ws-visie").value = "x" * 2001  # over the limit: refused, the field shows the saved text
    assert read_plan(herselt).visie.visie == "Elk kind voelt zich thuis in Herselt."
    assert find(view, "ws-visie").value == "Elk kind voelt zich thuis in Herselt."
    assert "Visie" in session.status.value


def test_budget_per_year_with_funding_follows_the_chosen_action(herselt):
    session = PlanSession(str(herselt))
    session.change(lambda plan: [setattr(a, "budget", []) for a in plan.acties])
    page = actions.action_plan(session)
    picker = find(page, "ws-actie-keuze")
    first, second = session.plan.acties[0].id, session.plan.acties[1].id
    picker.value = first
    year, amount = find(page, "ws-actie-budget-jaar"), find(page, "ws-actie-budget-bedrag_eur")
    funding, add = find(page, "ws-actie-budget-financiering"), find(page, "ws-actie-budget-toevoegen")
    for y, a, f in ((2026, "1.500", "eigen-middelen"), (2027, "2500,50", "subsidie")):
        year.value, amount.value, funding.value = y, a, f
        add.click()
    action = next(a for a in read_plan(herselt).acties if a.id == first)
    assert [(b.jaar, b.bedrag_eur, b.financiering) for b in action.budget] == [
        (2026, 1500, "eigen-middelen"), (2027, 2500.5, "subsidie")]
    assert action.budget_eur == 4000.5  # the total follows the years
    assert find(page, "ws-actie-budget_eur").value == "4.000,50"
    # An amount that is no number is refused with the field's Dutch name; nothing changes on disk.
    on_disk = herselt.read_bytes()
    amount.value = "veel"
    add.click()
    assert "Bedrag (euro)" in find(page, "ws-actie-budget-melding").value
    assert herselt.read_bytes() == on_disk
    # Another action shows its own (empty) years; back to the first, a year is changed and removed.
    picker.value = second
    assert "nog niet over de jaren verdeeld" in find(page, "ws-actie-budget-tabel").value
    picker.value = first
    chooser = find(page, "ws-actie-budget-kies")
    chooser.value = 1
    amount.value = "2000"
    action = next(a for a in read_plan(herselt).acties if a.id == first)
    assert (action.budget[1].bedrag_eur, action.budget_eur) == (2000, 3500)
    chooser.value = 0
    find(page, "ws-actie-budget-verwijderen").click()
    action = next(a for a in read_plan(herselt).acties if a.id == first)
    assert [(b.jaar, b.bedrag_eur) for b in action.budget] == [(2027, 2000)] and action.budget_eur == 2000


def test_the_communication_plan_is_added_changed_and_removed(herselt):
    session = PlanSession(str(herselt))
    session.change(lambda plan: setattr(plan, "communicatie", []))
    form = implementation.communication(session)
    form.inputs["wat"].value = "Het actieplan in het infoblad"
    form.inputs["voor_wie"].value = "ouders"
    form.inputs["kanaal"].value = "gemeentelijk infoblad"
    assert form.add()
    form.inputs["wat"].value = "Affiche in de scholen"
    assert form.add()
    assert [c.wat for c in read_plan(herselt).communicatie] == ["Het actieplan in het infoblad",
                                                                 "Affiche in de scholen"]
    form.chooser.value = 1
    form.inputs["wanneer"].value = "september 2026"
    assert read_plan(herselt).communicatie[1].wanneer == "september 2026"
    form.inputs["wat"].value = ""
    assert "het veld Wat mag niet leeg zijn" in form.message.value
    assert form.remove()
    assert [(c.wat, c.voor_wie) for c in read_plan(herselt).communicatie] == [
        ("Het actieplan in het infoblad", "ouders")]
    assert "Affiche" not in form.table.value


def test_the_adoption_is_filled_in_and_cleared(herselt):
    session = PlanSession(str(herselt))
    form = anchoring.approval(session)
    find(form, "ws-plan-status").value = "definitief"
    find(form, "ws-college-datum").value = date(2027, 2, 15)
    find(form, "ws-college-referentie").value = "Collegezitting 15 februari 2027, punt 9"
    find(form, "ws-beleidsplan-datum").value = date(2027, 3, 22)
    find(form, "ws-gemeenteraad-referentie").value = "Gemeenteraad 22 maart 2027, punt 4"
    find(form, "ws-voorstel-raad").value = "De raad keurt het beleidsplan goed."
    saved = read_plan(herselt).vaststelling
    assert saved.status == "definitief"
    assert (saved.college.datum, saved.college.referentie) == (date(2027, 2, 15),
                                                                "Collegezitting 15 februari 2027, punt 9")
    assert (saved.gemeenteraad.datum, saved.gemeenteraad.referentie) == (date(2027, 3, 22),
                                                                          "Gemeenteraad 22 maart 2027, punt 4")
    assert saved.voorstel_aan_de_raad == "De raad keurt het beleidsplan goed."
    # Removing a decision: the date and the reference are emptied.
    find(form, "ws-college-datum").value = None
    find(form, "ws-college-referentie").value = ""
    find(form, "ws-plan-status").value = "ontwerp"
    saved = read_plan(herselt).vaststelling
    assert (saved.college.datum, saved.college.referentie, saved.status) == (None, "", "ontwerp")
