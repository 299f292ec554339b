"""Earlier versions of a plan: listed with their time, read back, restored as a new version; undo."""

from __future__ import annotations

import os
import time

import pytest

from warmestad_nb.errors import WarmeStadError
from warmestad_nb.store import PlanStore, read_plan
from warmestad_nb.widgets import priorities
from warmestad_nb.widgets.session import PlanSession
from warmestad_nb.widgets.versions import VersionsPanel, versions_panel

from .test_steps_3_to_7_pages import find


def rename_first_partner(store: PlanStore, name: str) -> None:
    plan = store.plan.model_copy(deep=True)
    plan.partners[0].organisatie = name
    store.save(plan)


def test_versions_are_listed_newest_first_with_the_time_they_were_saved(herselt):
    os.utime(herselt, (1_700_000_000, 1_700_000_000))  # the example as it was saved long ago
    store = PlanStore(herselt)
    assert store.versions() == []
    rename_first_partner(store, "Eerste naam")
    first_saved = herselt.stat().st_mtime
    time.sleep(0.05)
    rename_first_partner(store, "Tweede naam")
    found = store.versions()
    assert [v.number for v in found] == [2, 1]
    assert found[1].saved.timestamp() == pytest.approx(1_700_000_000)  # the original, not the backup's time
    assert found[0].saved.timestamp() == pytest.approx(first_saved)
    assert store.read_version(2).partners[0].organisatie == "Eerste naam"
    with pytest.raises(WarmeStadError, match="versie 7 bestaat niet"):
        store.read_version(7)


def test_a_restore_is_saved_as_a_new_version(herselt):
    store = PlanStore(herselt)
    original = store.plan.partners[0].organisatie
    rename_first_partner(store, "Eerste naam")
    rename_first_partner(store, "Tweede naam")
    assert store.restore(1)
    assert read_plan(herselt).partners[0].organisatie == original
    found = store.versions()
    assert [v.number for v in found] == [3, 2, 1]  # what the restore replaced is kept too
    assert store.read_version(3).partners[0].organisatie == "Tweede naam"
    assert PlanStore(herselt).restore(3)  # and can itself be restored
    assert read_plan(herselt).partners[0].organisatie == "Tweede naam"


def test_undo_restores_the_previous_plan_on_disk_and_goes_further_back(herselt):
    session = PlanSession(str(herselt))
    panel = VersionsPanel(session)
    assert panel.undo_button.disabled  # nothing to undo yet
    before = read_plan(herselt)
    page = priorities.goals(session)
    find(page, "ws-doel-nieuw").value = "Elke jongere kent een vertrouwenspersoon"
    find(page, "ws-doel-toevoegen").click()
    find(page, "ws-doel-doelgroep").value = "jongeren van 12 tot 18"
    added = read_plan(herselt)
    assert added.prioriteiten.doelstellingen[-1].doelgroep == "jongeren van 12 tot 18"
    assert not panel.undo_button.disabled
    assert panel.undo()
    assert read_plan(herselt).prioriteiten.doelstellingen[-1].doelgroep == ""  # the last change undone
    assert "Opgeslagen om" in session.status.value
    assert "Het plan is terug zoals het was op" in panel.message.value
    assert panel.undo()  # a second undo goes one more change back, not forward again
    assert read_plan(herselt) == before
    assert "elke-jongere-kent-een-vertrouwenspersoon" not in [k for _, k in find(page, "ws-doel-keuze").options]


def test_a_chosen_version_is_shown_and_restored_as_a_new_version(herselt):
    session = PlanSession(str(herselt))
    box = versions_panel(session)
    original = session.plan.partners[0].organisatie
    session.change(lambda plan: setattr(plan.partners[0], "organisatie", "Eerste naam"))
    session.change(lambda plan: setattr(plan.partners[0], "organisatie", "Tweede naam"))
    picker = find(box, "ws-versie-keuze")
    assert [label.split(",")[0] for label, _ in picker.options] == ["Versie 2", "Versie 1"]
    picker.value = 1
    find(box, "ws-versie-bekijken").click()
    shown = find(box, "ws-versie-inhoud").value
    assert "Versie 1" in shown and "Verschilt van het plan nu in: Partners" in shown
    find(box, "ws-versie-terugzetten").click()
    assert read_plan(herselt).partners[0].organisatie == original
    assert [n for _, n in picker.options] == [3, 2, 1]  # the restore is a new version
    assert PlanStore(herselt).read_version(3).partners[0].organisatie == "Tweede naam"


def test_a_restore_that_conflicts_is_refused_and_says_so(herselt):
    session = PlanSession(str(herselt))
    panel = VersionsPanel(session)
    session.change(lambda plan: setattr(plan.partners[0], "organisatie", "Eerste naam"))
    herselt.write_text(herselt.read_text().replace("Eerste naam", "Met de hand"))
    assert not panel.undo()
    assert "Niet teruggezet" in panel.message.value and "gewijzigd sinds" in panel.message.value
    assert read_plan(herselt).partners[0].organisatie == "Met de hand"
