"""The step 1 widgets without a browser: set values and click buttons, then read the plan file on disk."""

from __future__ import annotations

import html
import re
import time
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from warmestad_nb.newplan import new_plan
from warmestad_nb.model import Partner
from warmestad_nb.store import PlanStore, create_plan, read_plan
from warmestad_nb.widgets import step1

from browser.conftest import print_to_pdf
from conftest import tree_digest




@pytest.fixture
def empty(tmp_path) -> Path:
    plan, _ = new_plan("Herselt")
    return create_plan(tmp_path / "13013-herselt.yaml", plan)


def _saved(session) -> bool:
    return session.status.value.startswith('<div class="ws-status-ok">Opgeslagen om ')


def _refused(session, text: str) -> bool:
    status = html.unescape(session.status.value)
    return "Niet opgeslagen" in status and text in status


# ------------------------------------------------------------------------------ partners


def test_adding_a_partner_writes_it_to_the_plan_file(herselt):
    session, _ = step1.open_plan(str(herselt))
    form = step1.PartnerForm(session)
    form.inputs["organisatie"].value = "CGG Kempen (voorbeeld)"
    form.inputs["type"].value = "cgg"  # brings its sector along
    assert form.inputs["sector"].value == "zorg"
    form.inputs["contactpersoon"].value = "Els Voorbeeld"
    form.inputs["email"].value = "els@example.org"
    form.inputs["betrokkenheid"].value = "projectgroep"
    form.inputs["pijlers"].value = (7, 6)
    form.inputs["leeftijdsgroepen"].value = ("18-24", "12-18")
    form.add_button.click()

    assert _saved(session)
    partner = read_plan(herselt).partner("cgg-kempen-voorbeeld")
    assert (partner.sector, partner.type, partner.email, partner.betrokkenheid) == (
        "zorg", "cgg", "els@example.org", "projectgroep")
    assert (partner.pijlers, partner.leeftijdsgroepen) == ([6, 7], ["12-18", "18-24"])
    assert "CGG Kempen (voorbeeld)" in form.table.value and "10 partners" in form.table.value
    assert form.inputs["organisatie"].value == ""  # ready for the next one
    assert ("CGG Kempen (voorbeeld)", "cgg-kempen-voorbeeld") in form.chooser.options


@pytest.mark.parametrize("organisatie, email, message", [
    ("Met fout adres", "els@", "'els@' is geen geldig e-mailadres"),
    ("", "els@example.org", "Vul de naam van de organisatie in"),
    ("klj herselt (VOORBEELD)", "", "staat al in de partnerlijst"),
])
def test_a_bad_partner_is_refused_and_the_file_unchanged(herselt, organisatie, email, message):
    session, _ = step1.open_plan(str(herselt))
    form = step1.PartnerForm(session)
    before = tree_digest(herselt.parent)
    form.inputs["organisatie"].value = organisatie
    form.inputs["email"].value = email
    form.add_button.click()
    assert _refused(session, message)
    assert message in html.unescape(form.message.value)
    assert tree_digest(herselt.parent) == before
    assert form.inputs["organisatie"].value == organisatie  # kept, to correct it


def test_editing_a_partner_saves_each_change_and_refuses_a_bad_one(herselt):
    session, _ = step1.open_plan(str(herselt))
    form = step1.PartnerForm(session)
    form.chooser.value = "klj-herselt"
    assert form.inputs["organisatie"].value == "KLJ Herselt (voorbeeld)"
    assert form.add_button.layout.display == "none"
    form.inputs["email"].value = "klj@example.org"
    assert read_plan(herselt).partner("klj-herselt").email == "klj@example.org"
    form.inputs["sector"].value = "welzijn"  # the type KLJ belongs to vrije tijd: it is dropped
    assert form.inputs["type"].value == ""
    partner = read_plan(herselt).partner("klj-herselt")
    assert (partner.sector, partner.type) == ("welzijn", None)

    before = tree_digest(herselt.parent)
    form.inputs["email"].value = "geen adres"
    assert _refused(session, "'geen adres' is geen geldig e-mailadres")
    assert form.inputs["email"].value == "geen adres"  # kept, to be corrected
    assert read_plan(herselt).partner("klj-herselt").email == "klj@example.org"
    form.inputs["organisatie"].value = "   "
    assert form.inputs["organisatie"].value == "KLJ Herselt (voorbeeld)"
    assert tree_digest(herselt.parent) == before


def test_a_refused_email_stays_in_the_field_with_the_message(herselt):
    session, _ = step1.open_plan(str(herselt))
    form = step1.PartnerForm(session)
    form.chooser.value = "jeugdraad-herselt"
    form.inputs["email"].value = "jeugdraad@herselt"
    assert form.inputs["email"].value == "jeugdraad@herselt"
    assert "E-mail: 'jeugdraad@herselt' is geen geldig e-mailadres" in html.unescape(form.message.value)
    form.inputs["email"].value = "jeugdraad@herselt.be"  # corrected
    assert read_plan(herselt).partner("jeugdraad-herselt").email == "jeugdraad@herselt.be"


def test_removing_needs_two_clicks_and_respects_actions(herselt):
    session, _ = step1.open_plan(str(herselt))
    form = step1.PartnerForm(session)
    form.chooser.value = "klj-herselt"  # used in three actions
    form.remove_button.click()
    form.remove_button.click()
    assert "staat nog bij de acties " in form.message.value
    assert read_plan(herselt).partner("klj-herselt")
    form.chooser.value = "jeugdraad-herselt"
    form.remove_button.click()
    assert any(p.id == "jeugdraad-herselt" for p in read_plan(herselt).partners)  # not after one click
    form.remove_button.click()
    plan = read_plan(herselt)
    assert all(p.id != "jeugdraad-herselt" for p in plan.partners)
    assert "jeugdraad-herselt" not in plan.kickoff.uitgenodigd
    assert form.chooser.value == "" and form.add_button.layout.display == ""


def test_the_coverage_view_follows_the_partner_list(herselt):
    session, _ = step1.open_plan(str(herselt))
    form, view = step1.PartnerForm(session), step1.CoverageView(session)
    assert "Zorg" in view.tables.value.split("Nog geen enkele partner uit:")[1]
    heatmap = view.heatmap.value
    form.inputs["organisatie"].value = "Huisartsenkring (voorbeeld)"
    form.inputs["type"].value = "huisartsenkring"
    form.inputs["pijlers"].value = (7,)
    form.inputs["leeftijdsgroepen"].value = ("18-24",)
    form.add_button.click()
    assert "Zorg" not in view.tables.value.split("Nog geen enkele partner uit:")[1].split("</p>")[0]
    assert "Huisartsen(kring)" not in view.missing_types.value
    assert view.heatmap.value != heatmap
    assert "Pijler 7 (Weg naar hulp): 18-24 jaar" not in view.gaps.value


# ------------------------------------------------------------------------------ commitment


def test_commitment_fields_are_saved_at_once(empty):
    session, _ = step1.open_plan(str(empty))
    form = step1.EngagementForm(session)
    form.inputs["engagement-collegedatum"].value = date(2026, 3, 2)
    form.inputs["engagement-collegereferentie"].value = "Collegezitting 2 maart 2026, punt 7"
    form.inputs["engagement-budget"].value = "5.000,50"
    form.inputs["engagement-schepenen"].value = "Schepen A\n\n Schepen B "
    form.inputs["coordinator-naam"].value = "Wim Voorbeeld"
    form.inputs["coordinator-email"].value = "wim@example.org"
    plan = read_plan(empty)
    assert plan.engagement.collegebeslissing_datum == date(2026, 3, 2)
    assert plan.engagement.budget_eur == 5000.5 and plan.engagement.schepenen == ["Schepen A", "Schepen B"]
    assert (plan.coordinator.naam, plan.coordinator.email) == ("Wim Voorbeeld", "wim@example.org")
    assert form.inputs["engagement-budget"].value == "5.000,50"
    assert "Engagement: 4 van 6 in orde." in form.checklist.value
    assert "Afspraak met Logo / Gezondheidsmakers" in form.checklist.value


@pytest.mark.parametrize("name, value, message", [
    ("engagement-budget", "veel", "'veel' is geen bedrag"),
    ("engagement-budget", "-20", "moet 0 of meer zijn"),
    ("coordinator-email", "wim@example.org", "vul eerst de naam in"),
])
def test_a_bad_commitment_value_is_refused(empty, name, value, message):
    session, _ = step1.open_plan(str(empty))
    form = step1.EngagementForm(session)
    before = tree_digest(empty.parent)
    form.inputs[name].value = value
    assert _refused(session, message)
    assert form.inputs[name].value == ""  # snapped back to what the plan holds
    assert tree_digest(empty.parent) == before


def test_a_change_made_elsewhere_is_not_overwritten(herselt):
    session, _ = step1.open_plan(str(herselt))
    form = step1.EngagementForm(session)
    herselt.write_text(herselt.read_text().replace("budget_eur: 5000", "budget_eur: 6000"))
    form.inputs["engagement-budget"].value = "7000"
    assert "ws-status-conflict" in session.status.value
    assert read_plan(herselt).engagement.budget_eur == 6000


# ------------------------------------------------------------------------------ kick-off


def test_programme_builder_starts_from_the_suggestion(empty):
    session, _ = step1.open_plan(str(empty))
    form = step1.KickoffForm(session)
    builder = form.programme
    assert len(builder.rows) == 5 and read_plan(empty).kickoff.programma == []
    assert builder.keep_button.layout.display == ""
    builder.rows[2]["duur_min"].value = 45  # speed dates take longer
    parts = read_plan(empty).kickoff.programma
    assert len(parts) == 5 and parts[2].duur_min == 45 and parts[2].titel.startswith("Speeddates")
    assert "Totale duur: <b>115 minuten</b>" in builder.total.value
    builder.add_button.click()
    builder.rows[5]["titel"].value = "Receptie"
    builder.rows[5]["omhoog"].click()
    builder.rows[0]["weg"].click()
    titles = [p.titel for p in read_plan(empty).kickoff.programma]
    assert len(titles) == 5 and titles[3] == "Receptie" and not titles[0].startswith("Voorstelling")
    before = tree_digest(empty.parent)
    builder.rows[1]["titel"].value = ""
    assert _refused(session, "Titel: mag niet leeg zijn") and tree_digest(empty.parent) == before
    assert builder.rows[1]["titel"].value == titles[1]


def test_a_negative_kickoff_duration_is_refused_not_changed(empty):
    session, _ = step1.open_plan(str(empty))
    builder = step1.KickoffForm(session).programme
    builder.rows[1]["duur_min"].value = 20
    before = tree_digest(empty.parent)
    builder.rows[1]["duur_min"].value = -20
    assert _refused(session, "Duur (minuten): moet 0 of meer zijn (nu: -20)")
    assert "Duur (minuten): moet 0 of meer zijn" in html.unescape(builder.message.value)
    assert tree_digest(empty.parent) == before and read_plan(empty).kickoff.programma[1].duur_min == 20
    assert builder.rows[1]["duur_min"].value == 20  # back to what the plan holds


def test_invitations_attendance_and_signups_to_partners(herselt):
    session, _ = step1.open_plan(str(herselt))
    partners, form = step1.PartnerForm(session), step1.KickoffForm(session)
    form.invite_all.click()
    plan = read_plan(herselt)
    assert plan.kickoff.uitgenodigd == [p.id for p in plan.partners]
    form.present.value = ("klj-herselt", "clb-zuiderkempen")
    assert read_plan(herselt).kickoff.aanwezig == ["klj-herselt", "clb-zuiderkempen"]

    form.signup["naam"].value = "Sara Voorbeeld"
    form.signup["organisatie"].value = "OverKop Kempen (voorbeeld)"
    form.signup["email"].value = "sara@example.org"
    form.signup["sector"].value = "welzijn"
    form.signup_button.click()
    form.level.value = "projectgroep"
    form.convert_button.click()

    plan = read_plan(herselt)
    assert "2 nieuwe partner(s)" in form.message.value  # Sara and the GP from the example file
    new = plan.partner("overkop-kempen-voorbeeld")
    assert (new.contactpersoon, new.betrokkenheid, new.sector) == ("Sara Voorbeeld", "projectgroep", "welzijn")
    assert {"overkop-kempen-voorbeeld", "huisartsenpraktijk-in-herselt-voorbeeld"} <= set(plan.kickoff.aanwezig)
    assert all(s.partner_id for s in plan.kickoff.aanmeldingen)
    assert "OverKop Kempen (voorbeeld)" in partners.table.value  # the partner table follows
    assert ("OverKop Kempen (voorbeeld)", "overkop-kempen-voorbeeld") in form.present.options


def test_the_kickoff_summary_counts_the_present_partners_the_table_marks(herselt):
    session, _ = step1.open_plan(str(herselt))
    form = step1.KickoffForm(session)
    form.invited.value = ("klj-herselt", "clb-zuiderkempen")
    form.present.value = ("klj-herselt", "clb-zuiderkempen")
    form.signup["naam"].value = "Sara Voorbeeld"
    form.signup["organisatie"].value = "OverKop Kempen (voorbeeld)"
    form.signup["sector"].value = "welzijn"
    form.signup_button.click()
    form.convert_button.click()  # the new partners came, but were never invited
    overview = form.overview.value
    summary = re.search(r"aanwezig: (\d+);", overview)
    marked = re.findall(r"<td>ja</td>", overview)
    assert len(read_plan(herselt).kickoff.aanwezig) == 4
    assert summary and int(summary.group(1)) == len(marked) == 4


def test_a_signup_without_name_is_refused(herselt):
    session, _ = step1.open_plan(str(herselt))
    form = step1.KickoffForm(session)
    before = tree_digest(herselt.parent)
    form.signup["email"].value = "x@example.org"
    form.signup_button.click()
    assert "het veld Naam is nog leeg" in form.signup_form.message.value and tree_digest(herselt.parent) == before


def test_kickoff_exports_next_to_the_plan(herselt):
    session, _ = step1.open_plan(str(herselt))
    form = step1.KickoffForm(session)
    session.change(lambda plan: setattr(plan.kickoff.programma[0], "wie", "<script>alert('x')</script> & co"))
    xlsx, page = form.export()
    assert xlsx == herselt.parent / "uitvoer" / "13013-herselt-kickoff.xlsx" and page.exists()
    assert 'download="13013-herselt-kickoff.xlsx"' in form.files.value
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Programma", "Uitnodigingen"]
    assert book["Programma"]["B2"].value.startswith("Welkom en voorstelling")
    assert book["Programma"].cell(7, 1).value == "Totaal" and book["Programma"].cell(7, 3).value == 95
    assert book["Uitnodigingen"].max_row == 1 + 9
    text = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co" in text and "<script>" not in text
    assert "Startmoment Warme Gemeente Herselt" in text and "VOORBEELD" in text
    assert "0:15 - 0:30" in text and "eva.proef@example.org" in text
    pages = PdfReader(print_to_pdf(page)).pages
    assert len(pages) <= 2 and "Speeddates tussen de partners" in pages[0].extract_text()


# ------------------------------------------------------------------------------ youth


def test_youth_channels_and_the_age_check(empty):
    session, _ = step1.open_plan(str(empty))
    form = step1.YouthForm(session)
    assert "Nog geen kanaal gepland voor: 0-3 jaar, 3-6 jaar, 6-12 jaar, 12-18 jaar, 18-24 jaar" in form.check.value
    before = tree_digest(empty.parent)
    form.inputs["kanaal"].value = "online"
    form.add_button.click()
    assert "Kies minstens één leeftijdsgroep" in form.message.value and tree_digest(empty.parent) == before
    form.inputs["leeftijdsgroepen"].value = ("12-18", "18-24")
    form.inputs["boodschap"].value = "Oproep via de sociale media van de jeugddienst"
    form.inputs["datum"].value = date(2026, 9, 1)
    form.add_button.click()
    form.inputs["kanaal"].value = "ouders"
    form.inputs["leeftijdsgroepen"].value = ("0-3", "3-6", "6-12")
    form.add_button.click()
    assert "Elke leeftijdsgroep heeft minstens één kanaal" in form.check.value
    form.chooser.value = 0
    form.chosen["uitgevoerd"].value = True
    channels = read_plan(empty).jongeren.kanalen
    assert [(c.kanaal, c.uitgevoerd) for c in channels] == [("online", True), ("ouders", False)]
    assert channels[0].datum == date(2026, 9, 1)
    form.chooser.value = 1
    form.remove_button.click()
    assert "Nog geen kanaal gepland voor: 0-3 jaar, 3-6 jaar, 6-12 jaar" in form.check.value


def test_adding_a_channel_clears_the_form_so_the_next_is_not_saved_as_done(empty):
    session, _ = step1.open_plan(str(empty))
    form = step1.YouthForm(session)
    form.inputs["leeftijdsgroepen"].value = ("12-18",)
    form.inputs["datum"].value = date(2026, 3, 1)
    form.inputs["uitgevoerd"].value = True
    form.add_button.click()
    assert (form.inputs["uitgevoerd"].value, form.inputs["datum"].value) == (False, None)
    form.inputs["kanaal"].value = "ouders"
    form.inputs["leeftijdsgroepen"].value = ("0-3",)
    form.add_button.click()
    channels = read_plan(empty).jongeren.kanalen
    assert [(c.uitgevoerd, c.datum) for c in channels] == [(True, date(2026, 3, 1)), (False, None)]


# ------------------------------------------------------------------------------ Excel in the session


def _upload(form, path: Path) -> None:
    form.upload.value = ({"name": path.name, "type": "", "size": path.stat().st_size,
                          "content": memoryview(path.read_bytes()), "last_modified": datetime.now()},)


def test_a_youth_channel_in_the_plan_can_be_changed(herselt):
    session, _ = step1.open_plan(str(herselt))
    form = step1.YouthForm(session)
    form.chooser.value = 0
    channel = read_plan(herselt).jongeren.kanalen[0]
    assert form.chosen["boodschap"].value == channel.boodschap
    form.chosen["boodschap"].value = "Affiche in de jeugdhuizen (aangepast)"
    form.chosen["leeftijdsgroepen"].value = ("12-18", "18-24")
    saved = read_plan(herselt).jongeren.kanalen[0]
    assert (saved.boodschap, saved.leeftijdsgroepen) == ("Affiche in de jeugdhuizen (aangepast)", ["12-18", "18-24"])
    form.chosen["leeftijdsgroepen"].value = ()  # refused, and the field shows the plan again
    assert read_plan(herselt).jongeren.kanalen[0].leeftijdsgroepen == ["12-18", "18-24"]
    assert form.chosen["leeftijdsgroepen"].value == ("12-18", "18-24")
    assert "minstens één leeftijdsgroep" in session.status.value



def test_excel_export_and_import_through_the_widgets(herselt, tmp_path):
    session, _ = step1.open_plan(str(herselt))
    form, partners = step1.PartnerFileForm(session), step1.PartnerForm(session)
    exported = form.export()
    assert exported == herselt.parent / "uitvoer" / "13013-herselt-partners.xlsx"
    book = openpyxl.load_workbook(exported)
    ws = book["Partners"]
    ws["E2"] = "fout adres"
    ws.append(["VDAB Herselt (voorbeeld)", "Werk", "VDAB"])
    book.save(tmp_path / "ingevuld.xlsx")
    before = tree_digest(herselt.parent)
    _upload(form, tmp_path / "ingevuld.xlsx")
    form.import_button.click()
    assert "er is niets ingelezen" in form.report.value and "rij 2, kolom E-mail" in form.report.value
    assert tree_digest(herselt.parent) == before
    assert form.good_rows_button.layout.display == ""
    assert form.good_rows_button.description == "Enkel de 9 goede rijen inlezen"
    form.good_rows_button.click()
    plan = read_plan(herselt)
    assert plan.partners[-1].organisatie == "VDAB Herselt (voorbeeld)" and plan.partners[-1].type == "vdab"
    assert plan.partners[0].email == "wim.voorbeeld@example.org"  # the bad row was skipped
    assert "1 partner(s) toegevoegd" in form.report.value and "Overgeslagen" in form.report.value
    assert "VDAB Herselt (voorbeeld)" in partners.table.value


def test_importing_without_a_file_or_a_broken_file(herselt, tmp_path):
    session, _ = step1.open_plan(str(herselt))
    form = step1.PartnerFileForm(session)
    form.import_button.click()
    assert "Kies eerst een bestand" in form.report.value
    (tmp_path / "kapot.xlsx").write_bytes(b"dit is geen spreadsheet")
    _upload(form, tmp_path / "kapot.xlsx")
    form.import_button.click()
    assert "geen geldig Excel-bestand" in form.report.value
    assert form.good_rows_button.layout.display == "none"


# ------------------------------------------------------------------------------ a large network


def test_three_hundred_partners_stay_fast(empty):
    store = PlanStore(empty)
    plan = store.plan.model_copy(deep=True)
    types = ["jeugddienst", "clb", "chiro", "cgg", "caw-jac", "vdab", "sportclub", "kinderopvang"]
    sectors = {"jeugddienst": "lokaal-bestuur", "clb": "onderwijs", "chiro": "vrije-tijd", "cgg": "zorg",
               "caw-jac": "welzijn", "vdab": "werk", "sportclub": "vrije-tijd", "kinderopvang": "gezin-jeugd"}
    plan.partners = [Partner(id=f"p{n}", organisatie=f"Organisatie {n} (voorbeeld)", sector=sectors[types[n % 8]],
                             type=types[n % 8], pijlers=[n % 8 + 1], leeftijdsgroepen=["6-12"]) for n in range(300)]
    store.save(plan)
    start = time.perf_counter()
    session, _ = step1.open_plan(str(empty))
    forms = [step1.EngagementForm(session), step1.PartnerForm(session), step1.CoverageView(session),
             step1.KickoffForm(session), step1.YouthForm(session)]
    built = time.perf_counter() - start
    start = time.perf_counter()
    forms[1].inputs["organisatie"].value = "Nummer 301 (voorbeeld)"
    forms[1].add_button.click()
    added = time.perf_counter() - start
    start = time.perf_counter()
    forms[0].inputs["engagement-budget"].value = "1000"
    small_change = time.perf_counter() - start
    assert len(read_plan(empty).partners) == 301
    assert forms[1].table.value.count("<tr") == 302  # one HTML table: header and 301 rows
    print(f"300 partners: open {built:.2f} s, add {added:.2f} s, other change {small_change:.2f} s")
    assert built < 8 and added < 3 and small_change < 1.5
