"""Step 2's lists changed in place, as a user would: choose an item, change a field, and the plan file on
disk has the change at once; a refused change names the field in Dutch and leaves the file as it was."""

from __future__ import annotations

import pytest

from step2_helpers import fresh_plan
from warmestad_nb.model import Aanbod, EigenCijfer, Nood
from warmestad_nb.store import read_plan
from warmestad_nb.widgets import step2
from warmestad_nb.widgets.session import PlanSession


@pytest.fixture
def session(tmp_path):
    session = PlanSession(str(fresh_plan(tmp_path, "Turnhout")))

    def fill(plan):
        analysis = plan.omgevingsanalyse
        analysis.eigen_cijfers = [EigenCijfer(indicator="Kinderen in de kinderopvang", jaar=2025, waarde=48.5,
                                              eenheid="%", bron="Eigen telling (test)")]
        analysis.aanbod = [Aanbod(naam="Speelpleinwerking", pijlers=[4]), Aanbod(naam="Huiswerkklas")]
        analysis.noden = [Nood(omschrijving="Een plek om samen te komen.", bron="Focusgroep (test)")]

    assert session.change(fill)
    return session


def on_disk(session: PlanSession):
    return read_plan(session.store.path).omgevingsanalyse


def test_an_own_figure_is_changed_in_place(session):
    section = step2.own_figures_section(session)
    section.find("ws-eigen-kies").value = 0
    assert section.find("ws-eigen-jaar").value == "2025"
    assert section.find("ws-eigen-waarde").value == "48,5"
    section.find("ws-eigen-waarde").value = "51,2"
    section.find("ws-eigen-jaar").value = "2026"
    section.find("ws-eigen-vlaanderen").value = "44"
    figure = on_disk(session).eigen_cijfers[0]
    assert (figure.waarde, figure.jaar, figure.vlaanderen) == (51.2, 2026, 44.0)
    assert "51,2%" in section.find("ws-eigen-cijfers-view").value
    before = session.store.path.read_bytes()
    section.find("ws-eigen-waarde").value = "148"  # a percentage above 100
    assert "ws-fout" in section.find("ws-eigen-melding").value
    assert "Waarde: een percentage ligt tussen 0 en 100" in section.find("ws-eigen-melding").value
    section.find("ws-eigen-jaar").value = "1999"  # the schema's limit, with the field's Dutch name
    assert "Jaar: moet 2000 of meer zijn (nu: 1999)" in section.find("ws-eigen-melding").value  # a year, not 2.000
    section.find("ws-eigen-bron").value = ""
    assert "het veld Bron mag niet leeg zijn" in section.find("ws-eigen-melding").value
    assert session.store.path.read_bytes() == before


def test_an_initiative_of_the_existing_offer_is_changed_in_place(session):
    section = step2.offer_section(session)
    section.find("ws-initiatief-kies").value = 0
    assert section.find("ws-initiatief-pijlers").value == (4,)
    section.find("ws-initiatief-naam").value = "Speelpleinwerking De Ster"
    section.find("ws-initiatief-pijlers").value = (4, 5)
    section.find("ws-initiatief-leeftijdsgroepen").value = ("6-12",)
    section.find("ws-initiatief-niveau").value = "setting"
    item = on_disk(session).aanbod[0]
    assert (item.naam, item.pijlers, item.leeftijdsgroepen, item.niveau) == (
        "Speelpleinwerking De Ster", [4, 5], ["6-12"], "setting")
    assert "Speelpleinwerking De Ster" in section.find("ws-aanbod-view").value
    before = session.store.path.read_bytes()
    section.find("ws-initiatief-naam").value = "huiswerkklas"  # the name of the other initiative
    assert "&#x27;huiswerkklas&#x27; staat al in de lijst" in section.find("ws-initiatief-melding").value
    assert session.store.path.read_bytes() == before
    section.find("ws-initiatief-verwijderen").click()
    assert [a.naam for a in on_disk(session).aanbod] == ["Huiswerkklas"]


def test_a_need_and_the_survey_source_are_changed_in_place(session):
    section = step2.needs_section(session)
    section.find("ws-nood-kies").value = 0
    assert section.find("ws-nood-omschrijving").value == "Een plek om samen te komen."
    section.find("ws-nood-omschrijving").value = "Een plek om samen te komen, ook op zondag."
    section.find("ws-nood-bron").value = "Focusgroep jeugdhuis (test)"
    need = on_disk(session).noden[0]
    assert (need.omschrijving, need.bron) == ("Een plek om samen te komen, ook op zondag.",
                                              "Focusgroep jeugdhuis (test)")
    section.find("ws-nood-omschrijving").value = ""
    assert "het veld Nood mag niet leeg zijn" in section.find("ws-nood-melding").value
    assert on_disk(session).noden[0].omschrijving == "Een plek om samen te komen, ook op zondag."
    section.find("ws-enquete-bron").value = "Jeugdmonitor 2026, 5de en 6de leerjaar (test)"
    assert on_disk(session).enquete_bron == "Jeugdmonitor 2026, 5de en 6de leerjaar (test)"


def test_a_survey_answer_is_corrected_in_place(herselt):
    section = step2.needs_section(PlanSession(str(herselt)))
    section.find("ws-antwoord-kies").value = 1
    assert section.find("ws-antwoord-aantal").value == "31"
    section.find("ws-antwoord-aantal").value = "33"
    assert read_plan(herselt).omgevingsanalyse.enquete[1].aantal == 33
    before = herselt.read_bytes()
    section.find("ws-antwoord-aantal").value = "-3"
    assert "Aantal: moet 0 of meer zijn" in section.find("ws-antwoord-melding").value
    section.find("ws-antwoord-aantal").value = "veel"
    assert "Aantal: &#x27;veel&#x27; is geen geheel getal" in section.find("ws-antwoord-melding").value
    assert herselt.read_bytes() == before
