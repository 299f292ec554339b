"""The widgets of notebook 04b driven as a user would: clicks land in the plan file, refusals change nothing."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone

import pytest

from conftest import ROOT
from warmestad_nb.analysis.sdg_links import sdg_suggestions
from warmestad_nb.store import read_plan
from warmestad_nb.widgets import links
from warmestad_nb.widgets.session import PlanSession

EXAMPLES = ROOT / "data" / "voorbeelden"


def find(widget, css):
    found = [widget] if css in getattr(widget, "_dom_classes", ()) else []
    for child in getattr(widget, "children", ()):
        found += find(child, css)
    return found


def upload(widget, name, data: bytes):
    widget.value = ({"name": name, "type": "", "size": len(data), "content": memoryview(data),
                     "last_modified": datetime(2026, 3, 1, tzinfo=timezone.utc)},)


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "13013-herselt.yaml"
    shutil.copyfile(EXAMPLES / path.name, path)
    return PlanSession(str(path))


def test_accept_and_reject_sdg_suggestions(session):
    editor = links.link_editor(session, "sdg")
    boxes = find(editor, "ws-link-subject")
    first = read_plan(session.store.path).prioriteiten.doelstellingen[0]
    proposed = [s.code for s in sdg_suggestions(first)]
    find(boxes[0], "ws-accept")[0].click()
    saved = read_plan(session.store.path).prioriteiten.doelstellingen[0]
    assert saved.sdg_targets == first.sdg_targets + [proposed[0]]
    # The view was redrawn: the accepted suggestion is now a link, the next one can be rejected.
    boxes = find(editor, "ws-link-subject")
    assert len(find(boxes[0], "ws-accept")) == len(proposed) - 1
    find(boxes[0], "ws-reject")[0].click()
    saved = read_plan(session.store.path).prioriteiten.doelstellingen[0]
    assert saved.sdg_afgewezen == [proposed[1]]
    assert proposed[1] not in [s.code for s in sdg_suggestions(saved)]
    assert "ws-status-ok" in session.status.value


def test_free_choice_links_an_item_that_was_not_suggested(session):
    editor = links.link_editor(session, "vizier")
    subject = find(editor, "ws-link-subject-choice")[0]
    choice = find(editor, "ws-link-choice")[0]
    subject.value = ("actie", "babbelgroep-jonge-ouders")
    choice.value = "v-kinderopvang"
    find(editor, "ws-link-add")[0].click()
    action = next(a for a in read_plan(session.store.path).acties if a.id == "babbelgroep-jonge-ouders")
    assert action.vizier_doelen == ["v-kinderopvang"]


def test_import_widget_reads_then_takes_over_the_meerjarenplan(session):
    widget = links.meerjarenplan_import(session)
    before = session.store.path.read_bytes()
    upload(find(widget, "ws-mjp-upload")[0], "kapot.csv", b"code;titel\nBD1;Doel\nAC1.1.1;Actie\n")
    find(widget, "ws-mjp-read")[0].click()
    result = find(widget, "ws-mjp-import-result")[0].value
    assert "kapot.csv: 1 probleem gevonden; er is niets ingelezen." in result
    assert "rij 3, kolom code: actie AC1.1.1 hangt onder een onbekend actieplan" in result
    assert find(widget, "ws-mjp-apply")[0].disabled
    assert session.store.path.read_bytes() == before
    old = read_plan(session.store.path).meerjarenplan
    rows = "code;titel;beleidsveld\n" + "".join(f"{i.code};{i.titel};{i.beleidsveld or ''}\n" for i in old.items)
    rows += "AC1.2.2;Vorming voor leerkrachten over gevoelens;0985\n"
    upload(find(widget, "ws-mjp-upload")[0], "export.csv", rows.encode("utf-8"))
    find(widget, "ws-mjp-read")[0].click()
    assert "11 items ingelezen" in find(widget, "ws-mjp-import-result")[0].value
    assert session.store.path.read_bytes() == before  # reading alone changes nothing
    find(widget, "ws-mjp-apply")[0].click()
    saved = read_plan(session.store.path)
    assert [i.code for i in saved.meerjarenplan.items] == [i.code for i in old.items] + ["AC1.2.2"]
    original = read_plan(EXAMPLES / "13013-herselt.yaml")
    assert [a.mjp_codes for a in saved.acties] == [a.mjp_codes for a in original.acties]
    assert "zelfde code en titel" in find(widget, "ws-mjp-import-result")[0].value


def test_typed_entry_adds_and_removes_items(session):
    entry = links.meerjarenplan_entry(session)
    find(entry, "ws-mjp-invoer-niveau")[0].value = "actie"
    find(entry, "ws-mjp-invoer-ouder")[0].value = "AP2.1"
    find(entry, "ws-mjp-invoer-code")[0].value = "AC2.1.3"
    find(entry, "ws-mjp-invoer-titel")[0].value = "Opvoedingswinkel op de markt"
    find(entry, "ws-mjp-invoer-prioritair")[0].value = True
    find(entry, "ws-mjp-invoer-budget_eur")[0].value = "2.500"
    find(entry, "ws-mjp-invoer-toevoegen")[0].click()
    items = {i.code: i for i in read_plan(session.store.path).meerjarenplan.items}
    assert items["AC2.1.3"].ouder == "AP2.1" and items["AC2.1.3"].budget_eur == 2500
    assert items["AP2.1"].prioritair and items["BD2"].prioritair  # priority goes up the tree
    assert "AC2.1.3" in find(entry, "ws-mjp-entry-tree")[0].value
    codes = [i.code for i in session.plan.meerjarenplan.items]
    choice = find(entry, "ws-mjp-invoer-kies")[0]
    choice.value = codes.index("AC2.1.1")  # still linked to an action: refused, nothing saved
    before = session.store.path.read_bytes()
    find(entry, "ws-mjp-invoer-verwijderen")[0].click()
    assert "ouderavonden-positief-opvoeden is er nog aan gekoppeld" in session.status.value
    assert session.store.path.read_bytes() == before
    choice.value = codes.index("AC2.1.3")
    find(entry, "ws-mjp-invoer-verwijderen")[0].click()
    assert "AC2.1.3" not in {i.code for i in read_plan(session.store.path).meerjarenplan.items}


def test_carry_over_button_makes_a_new_file_next_to_the_plan(tmp_path):
    path = tmp_path / "13040-turnhout.yaml"
    shutil.copyfile(EXAMPLES / path.name, path)
    before = path.read_bytes()
    form = links.carry_over_form(PlanSession(str(path)))
    find(form, "ws-carry-run")[0].click()
    new = tmp_path / "13040-turnhout-2026-2031.yaml"
    assert read_plan(new).cyclus == "2026-2031"
    assert path.read_bytes() == before
    assert f"Nieuw plan bewaard: {new}" in find(form, "ws-carry-result")[0].value
    find(form, "ws-carry-run")[0].click()  # a second click does not overwrite it
    assert "wordt niet overschreven" in find(form, "ws-carry-result")[0].value


def test_an_accept_click_redraws_only_its_own_goal(session):
    """A click must not rebuild the whole page: while the browser catches up with hundreds of new
    widgets, a quick next click met a button already used and was lost (the browser test
    tests/browser/test_app_quick_clicks.py shows it in chromium)."""
    editor = links.link_editor(session, "sdg")
    before = list(editor.children)
    offered = len(find(before[0], "ws-accept"))
    find(before[0], "ws-accept")[0].click()
    after = list(editor.children)
    assert after[1:] == before[1:] and all(a is b for a, b in zip(after[1:], before[1:]))  # untouched
    assert len(find(after[0], "ws-accept")) == offered - 1
