"""Step 1 as the programme advises: more organisation types, the project as a fixed agenda item of an
existing body, and a printable flyer for partners, schools and young people."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from browser.conftest import print_to_pdf
from conftest import HERSELT, ROOT, tree_digest
from warmestad_nb import reference
from warmestad_nb.analysis.commitment import commitment_checklist
from warmestad_nb.analysis.checklist import met
from warmestad_nb.cli import main
from warmestad_nb.exports.flyer import flyer_html
from warmestad_nb.model import Persoon
from warmestad_nb.newplan import new_plan
from warmestad_nb.report.document import Facts
from warmestad_nb.report.sections import front, governance
from warmestad_nb.report.sections.common import Context
from warmestad_nb.store import create_plan, read_plan
from warmestad_nb.widgets import step1

GENT = ROOT / "data" / "voorbeelden" / "44021-gent.yaml"


def test_the_missing_organisation_types_are_there_in_their_sectors():
    types = reference.lookup("organisatietypes")
    expected = {
        "ouderraad": "onderwijs", "straathoekwerk": "welzijn", "jongerenwerk": "welzijn", "mutualiteit": "zorg",
        "wel-jong": "vrije-tijd", "zelforganisatie": "welzijn", "sportraad": "lokaal-bestuur",
        "cultuurraad": "lokaal-bestuur",
    }
    assert {t: types[t].sector for t in expected} == expected
    assert "ouderverenigingen" in types["ouderraad"].naam.lower()


# ------------------------------------------------------------------ a fixed agenda item of an existing body


def test_the_agenda_item_is_saved_from_the_form_and_counts_as_a_project_group(tmp_path):
    plan, _ = new_plan("Herselt")
    path = create_plan(tmp_path / "13013-herselt.yaml", plan)
    session, _ = step1.open_plan(str(path))
    form = step1.EngagementForm(session)
    assert not met(read_plan(path), "projectgroep")
    form.inputs["engagement-agendapunt"].value = "  werkgroep Gezonde Gemeente "
    saved = read_plan(path)
    assert saved.engagement.vast_agendapunt == "werkgroep Gezonde Gemeente"
    assert met(saved, "projectgroep")
    item = next(i for i in commitment_checklist(saved) if i.id == "projectgroep")
    assert item.done and "Vast agendapunt van werkgroep Gezonde Gemeente" in item.detail
    assert "Vast agendapunt van werkgroep Gezonde Gemeente" in form.checklist.value


def test_the_policy_plan_names_the_body_where_the_project_is_an_agenda_item():
    ctx = Context(read_plan(HERSELT))
    facts = dict(next(b for b in governance.governance(ctx) if isinstance(b, Facts)).rijen)
    assert facts["Vast agendapunt van"] == "Werkgroep Gezonde Gemeente Herselt (voorbeeld)"


# ------------------------------------------------------------------ the flyer


def test_the_flyer_names_municipality_pillars_helplines_and_the_coordinator():
    plan = read_plan(HERSELT)
    page = flyer_html(plan)
    assert "@page { size: A4" in page and '<html lang="nl">' in page
    assert "Warme Steden &amp; Gemeenten in Herselt" in page and "VOORBEELD" in page
    assert all(p.titel in page for p in reference.pillars())
    for helpline in ("Awel (102)", "Zelfmoordlijn 1813", "Tele-Onthaal (106)"):
        assert helpline in page
    c = plan.coordinator
    assert c.naam in page and c.email in page
    assert "Startmoment:" in page and "Werkgroep Gezonde Gemeente Herselt (voorbeeld)" in page
    for audience in ("Voor organisaties", "Voor scholen", "Voor kinderen en jongeren"):
        assert audience in page


def test_the_flyer_escapes_what_the_plan_says_and_says_when_no_contact_is_set():
    plan, _ = new_plan("Herselt")
    assert "De contactpersoon is nog niet aangeduid." in flyer_html(plan)
    plan.coordinator = Persoon(naam="<script>alert(1)</script> & co", email="a@example.org")
    page = flyer_html(plan)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert "VOORBEELD" not in page


def test_the_flyer_command_writes_one_page_or_nothing(tmp_path, capsys, monkeypatch):
    plan = tmp_path / GENT.name
    shutil.copyfile(GENT, plan)
    monkeypatch.chdir(tmp_path)
    assert main(["flyer", str(plan)]) == 0
    assert "geschreven naar 44021-gent-flyer.html" in capsys.readouterr().out
    assert "Warme Steden &amp; Gemeenten in Gent" in (tmp_path / "44021-gent-flyer.html").read_text(encoding="utf-8")
    before = tree_digest(tmp_path)
    assert main(["flyer", str(plan), "--uitvoer", str(tmp_path / "flyer.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: ") and "flyer.pdf" in err and ".html" in err and "Traceback" not in err
    assert main(["flyer", str(tmp_path / "bestaat-niet.yaml")]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert tree_digest(tmp_path) == before


@pytest.mark.slow
@pytest.mark.parametrize("path", [HERSELT, GENT], ids=["herselt", "gent"])
def test_the_flyer_prints_on_one_a4_page(path, tmp_path):
    page = tmp_path / "flyer.html"
    page.write_text(flyer_html(read_plan(path)), encoding="utf-8")
    pages = PdfReader(print_to_pdf(page)).pages
    assert len(pages) == 1
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert (round(width * 25.4 / 72), round(height * 25.4 / 72)) == (210, 297)


def test_the_youth_form_makes_the_flyer_next_to_the_plan(tmp_path):
    plan = tmp_path / HERSELT.name
    shutil.copyfile(HERSELT, plan)
    session, _ = step1.open_plan(str(plan))
    form = step1.YouthForm(session)
    path = form.flyer()
    assert path == tmp_path / "uitvoer" / "13013-herselt-flyer.html"
    assert "Warme Steden &amp; Gemeenten in Herselt" in path.read_text(encoding="utf-8")
    assert "Download de flyer" in form.flyer_link.value
