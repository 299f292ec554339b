"""The meerjarenplan's items changed in place on the links page (04b), as a user would: choose an item,
change a field, and the plan file on disk has the change at once; what points to a renamed code follows;
a refused change names the field in Dutch and leaves the file as it was."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from .test_links import find
from warmestad_nb.store import read_plan
from warmestad_nb.widgets import links
from warmestad_nb.widgets.session import PlanSession


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "13013-herselt.yaml"
    shutil.copyfile(ROOT / "data" / "voorbeelden" / path.name, path)
    return PlanSession(str(path))


def items_on_disk(session: PlanSession) -> dict:
    return {i.code: i for i in read_plan(session.store.path).meerjarenplan.items}


def test_a_meerjarenplan_item_is_changed_in_place(session):
    entry = links.meerjarenplan_entry(session)
    codes = [i.code for i in session.plan.meerjarenplan.items]
    field = {name: find(entry, f"ws-mjp-invoer-{name}")[0]
             for name in ("kies", "code", "titel", "ouder", "prioritair", "budget_eur", "reden_verschil", "melding")}
    field["kies"].value = codes.index("AC2.1.1")
    assert (field["code"].value, field["ouder"].value, field["budget_eur"].value) == ("AC2.1.1", "AP2.1", "9.000")
    field["titel"].value = "Ouderavonden positief opvoeden in de bib"
    field["budget_eur"].value = "9.500"
    field["reden_verschil"].value = "De bib betaalt de zaal (voorbeeld)."
    field["prioritair"].value = True
    items = items_on_disk(session)
    assert (items["AC2.1.1"].titel, items["AC2.1.1"].budget_eur, items["AC2.1.1"].reden_verschil) == (
        "Ouderavonden positief opvoeden in de bib", 9500, "De bib betaalt de zaal (voorbeeld).")
    assert items["AC2.1.1"].prioritair and items["AP2.1"].prioritair and items["BD2"].prioritair
    assert "Ouderavonden positief opvoeden in de bib" in find(entry, "ws-mjp-entry-tree")[0].value
    # A new code: the action linked to the item follows it.
    field["code"].value = "AC2.1.9"
    saved = read_plan(session.store.path)
    assert "AC2.1.9" in {i.code for i in saved.meerjarenplan.items}
    assert next(a for a in saved.acties if a.id == "ouderavonden-positief-opvoeden").mjp_codes == ["AC2.1.9"]
    # Refused, with the field's Dutch name or the rule; the file stays as it was.
    before = session.store.path.read_bytes()
    field["code"].value = "AC2.1.2"
    assert "De code AC2.1.2 bestaat al in het meerjarenplan" in field["melding"].value
    field["titel"].value = ""
    assert "het veld Titel mag niet leeg zijn" in field["melding"].value
    field["ouder"].value = "BD1"  # an actie under a beleidsdoelstelling
    assert "een actie hangt onder een actieplan" in field["melding"].value
    field["budget_eur"].value = "negen"
    assert "Budget (euro): &#x27;negen&#x27; is geen getal" in field["melding"].value
    assert session.store.path.read_bytes() == before
    assert field["code"].value == "AC2.1.9" and field["ouder"].value == "AP2.1"


def test_a_parent_renamed_takes_its_items_along(session):
    entry = links.meerjarenplan_entry(session)
    codes = [i.code for i in session.plan.meerjarenplan.items]
    find(entry, "ws-mjp-invoer-kies")[0].value = codes.index("AP2.1")
    find(entry, "ws-mjp-invoer-code")[0].value = "AP2.5"
    saved = read_plan(session.store.path)
    assert [i.ouder for i in saved.meerjarenplan.items if i.code.startswith("AC2.1")] == ["AP2.5", "AP2.5"]
    assert next(g for g in saved.prioriteiten.doelstellingen if g.id == "steun-jonge-ouders").mjp_codes == ["AP2.5"]
