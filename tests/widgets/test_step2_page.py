"""The step 2 widgets driven as a user would: type, click, upload; the plan file is saved at once."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from step2_helpers import fresh_plan
from warmestad_nb.store import read_plan
from warmestad_nb.widgets import step2
from warmestad_nb.widgets.session import PlanSession


@pytest.fixture
def session(tmp_path):
    return PlanSession(str(fresh_plan(tmp_path, "Turnhout")))


def saved(session: PlanSession):
    return read_plan(session.store.path).omgevingsanalyse


def upload(widget, path: Path) -> None:
    data = path.read_bytes()
    widget.value = ({"name": path.name, "type": "", "size": len(data), "content": memoryview(data),
                     "last_modified": datetime.now(timezone.utc)},)


def test_typed_own_figure_is_saved_and_shown(session):
    section = step2.own_figures_section(session)
    section.find("ws-eigen-indicator").value = "Kinderen in de kinderopvang"
    section.find("ws-eigen-jaar").value = "2025"
    section.find("ws-eigen-waarde").value = "48,5"
    section.find("ws-eigen-eenheid").value = "%"
    section.find("ws-eigen-bron").value = "Eigen telling van de dienst kinderopvang (test)"
    section.find("ws-eigen-toevoegen").click()
    figure = saved(session).eigen_cijfers[0]
    assert (figure.indicator, figure.jaar, figure.waarde, figure.eenheid) == ("Kinderen in de kinderopvang", 2025,
                                                                               48.5, "%")
    assert "48,5%" in section.find("ws-eigen-cijfers-view").value
    assert "Eigen telling van de dienst kinderopvang (test)" in section.find("ws-eigen-cijfers-view").value
    # A wrong value is refused with a message, and nothing changes.
    section.find("ws-eigen-indicator").value = "Iets anders"
    section.find("ws-eigen-jaar").value = "2025"
    section.find("ws-eigen-waarde").value = "148"
    section.find("ws-eigen-toevoegen").click()
    assert len(saved(session).eigen_cijfers) == 1
    assert "percentage ligt tussen 0 en 100" in section.find("ws-eigen-melding").value
    section.find("ws-eigen-kies").value = 0
    section.find("ws-eigen-verwijderen").click()
    assert saved(session).eigen_cijfers == []


def test_uploaded_stadsmonitor_file_is_imported_or_refused(session, tmp_path):
    section = step2.own_figures_section(session)
    good = tmp_path / "stadsmonitor.csv"
    good.write_text("Gemeente;Jaar;Kansarmoede-index (%)\nVlaams Gewest;2024;12,1\nTurnhout;2024;24,0\n",
                    encoding="utf-8")
    bad = tmp_path / "kapot.csv"
    bad.write_text("Gemeente;Jaar;Kansarmoede-index (%)\nTurnhoutt;2024;24,0\n", encoding="utf-8")
    section.find("ws-cijfers-bron").value = "Gemeente-Stadsmonitor (test)"
    upload(section.find("ws-cijfers-bestand"), bad)
    section.find("ws-cijfers-inlezen").click()
    messages = [w.value for w in _all(section) if "ws-melding" in w._dom_classes]
    assert any("kapot.csv: 1 probleem gevonden; er is niets ingelezen." in m and "Turnhoutt" in m for m in messages)
    assert not any("/tmp/warmestad-upload" in m for m in messages)  # the user's file name, not our copy
    assert saved(session).eigen_cijfers == []
    upload(section.find("ws-cijfers-bestand"), good)
    section.find("ws-cijfers-inlezen").click()
    figure = saved(session).eigen_cijfers[0]
    assert (figure.waarde, figure.vlaanderen, figure.bron) == (24.0, 12.1, "Gemeente-Stadsmonitor (test)")


def _all(section):
    stack, out = list(section.parts), []
    while stack:
        widget = stack.pop()
        out.append(widget)
        stack.extend(getattr(widget, "children", ()))
    return out


def test_offer_entered_in_the_form_updates_the_gap_matrix(session):
    section = step2.offer_section(session)
    section.find("ws-initiatief-naam").value = "Speelpleinwerking"
    section.find("ws-initiatief-pijlers").value = (4, 5)
    section.find("ws-initiatief-leeftijdsgroepen").value = ("6-12",)
    section.find("ws-initiatief-strategie").value = "omgeving"
    section.find("ws-initiatief-toevoegen").click()
    item = saved(session).aanbod[0]
    assert (item.naam, item.pijlers, item.leeftijdsgroepen, item.strategie) == ("Speelpleinwerking", [4, 5],
                                                                                ["6-12"], "omgeving")
    view = section.find("ws-aanbod-view").value
    assert "telt 1 initiatief" in view and '<img src="data:image/svg+xml;base64,' in view


def test_needs_indicator_choice_and_notes(session):
    needs = step2.needs_section(session)
    needs.find("ws-nood-omschrijving").value = "Jongeren zoeken een plek om samen te komen."
    needs.find("ws-nood-bron").value = "Focusgroep jeugdhuis (test)"
    needs.find("ws-nood-toevoegen").click()
    assert saved(session).noden[0].bron == "Focusgroep jeugdhuis (test)"
    choice = step2.indicator_section(session)
    choice.find("ws-indicator-werkzoekendengraad_pct").value = True
    assert saved(session).indicatoren == ["werkzoekendengraad_pct"]
    summary = step2.summary_section(session)
    assert "Jongeren zoeken een plek" in summary.find("ws-samenvatting-view").value
    summary.find("ws-samenvatting-kopieer").click()
    notes = saved(session).notities
    assert notes.startswith("In Turnhout wonen op 1 januari 2026") and "Werkzoekendengraad" in notes
    assert summary.find("ws-notities").value == notes
