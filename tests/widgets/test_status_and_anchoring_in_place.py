"""Step 5's status changes and step 7's anchoring entries changed in place, as a user would: choose an
entry, change a field, and the plan file on disk has the change at once; a refused change leaves the file
as it was, with the reason next to the form."""

from __future__ import annotations

import html
from datetime import date

from .test_steps_3_to_7_pages import find
from warmestad_nb.store import read_plan
from warmestad_nb.widgets import anchoring, implementation
from warmestad_nb.widgets.session import PlanSession

ACTION = "kansentarief-vrije-tijd"  # starts 1 June 2026, one status change: lopend on that day


def action_on_disk(path):
    return next(a for a in read_plan(path).acties if a.id == ACTION)


def test_a_status_change_is_corrected_in_place(herselt):
    page = implementation.status(PlanSession(str(herselt)))
    find(page, "ws-uitvoering-actie").value = ACTION
    choice, note = find(page, "ws-statuswijziging-kies"), find(page, "ws-statuswijziging-notitie")
    # A later status, recorded as new: it becomes the action's status.
    find(page, "ws-statuswijziging-status").value = "afgerond"
    find(page, "ws-statuswijziging-datum").value = date(2027, 6, 30)
    note.value = "Eerste werkjaar rond."
    find(page, "ws-statuswijziging-toevoegen").click()
    assert action_on_disk(herselt).status == "afgerond"
    # The first entry corrected: its note, then its date moved after the other one.
    choice.value = 0
    note.value = "Vijf verenigingen doen mee."
    assert action_on_disk(herselt).statuslog[0].notitie == "Vijf verenigingen doen mee."
    find(page, "ws-statuswijziging-datum").value = date(2027, 9, 1)
    action = action_on_disk(herselt)
    assert [(s.datum, s.status) for s in action.statuslog] == [(date(2027, 6, 30), "afgerond"),
                                                                (date(2027, 9, 1), "lopend")]
    assert action.status == "lopend"  # the newest entry decides
    assert (choice.value, note.value) == (1, "Vijf verenigingen doen mee.")  # still the entry being corrected
    assert "Vijf verenigingen doen mee." in find(page, "ws-statuslog").value
    # Running before the action starts: refused, with the reason; the file stays as it was.
    before = herselt.read_bytes()
    find(page, "ws-statuswijziging-datum").value = date(2026, 5, 1)
    message = html.unescape(find(page, "ws-statuswijziging-melding").value)
    assert "ws-fout" in message and "ligt voor de start van de actie" in message
    assert herselt.read_bytes() == before
    find(page, "ws-statuswijziging-status").value = "stopgezet"
    assert action_on_disk(herselt).status == "stopgezet"


def test_an_anchoring_entry_is_changed_in_place(herselt):
    form = anchoring.add(PlanSession(str(herselt)))
    overview = anchoring.overview(form.session)
    form.chooser.value = 1  # the budget line of the kansentarief
    assert form.inputs["onderwerp"].value == ACTION
    form.inputs["plaats"].value = "beleidsnota"
    form.inputs["referentie"].value = "Beleidsnota Vrije Tijd 2027"
    form.inputs["notitie"].value = "Goedgekeurd door het college."
    form.inputs["onderwerp"].value = "luisterbank-warme-william"
    entry = read_plan(herselt).verankering.items[1]
    assert (entry.onderwerp, entry.plaats, entry.referentie, entry.notitie) == (
        "luisterbank-warme-william", "beleidsnota", "Beleidsnota Vrije Tijd 2027", "Goedgekeurd door het college.")
    assert "Beleidsnota Vrije Tijd 2027" in overview.children[0].value
    assert len(read_plan(herselt).verankering.items) == 3  # changed, not added
