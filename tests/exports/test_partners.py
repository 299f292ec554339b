"""The partner list as Excel: a friendly export, a round trip, and broken spreadsheets that change nothing."""

from __future__ import annotations

import shutil
import time
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from warmestad_nb.errors import WarmeStadError
from warmestad_nb.exports.partners import COLUMNS, import_partners, partners_workbook, read_partner_file
from warmestad_nb.store import PlanStore, read_plan

from conftest import tree_digest

ROOT = Path(__file__).resolve().parents[2]
GENT = ROOT / "data" / "voorbeelden" / "44021-gent.yaml"
HEADER = [c.header for c in COLUMNS]


@pytest.fixture
def gent(tmp_path) -> Path:
    target = tmp_path / "plannen" / GENT.name
    target.parent.mkdir()
    shutil.copyfile(GENT, target)
    return target


def _sheet(path: Path, rows, merge: str | None = None) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    if merge:
        book.active.merge_cells(merge)
    book.save(path)
    return path


def _row(**values) -> list:
    """A row in the export's column order; keys are Partner field names."""
    return [values.get(c.field) for c in COLUMNS]


def _import(plan_path: Path, xlsx: Path, **options):
    store = PlanStore(plan_path)
    plan = store.plan.model_copy(deep=True)
    result = import_partners(plan, xlsx, **options)
    store.save(plan)
    return result


# ------------------------------------------------------------------------------ the export


def test_export_is_friendly_to_fill_in(gent, tmp_path):
    path = tmp_path / "partners.xlsx"
    path.write_bytes(partners_workbook(read_plan(gent)))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Partners", "Uitleg"]
    ws = book["Partners"]
    assert [c.value for c in ws[1]] == HEADER
    assert ws.freeze_panes == "A2" and ws["A1"].font.bold
    assert ws.column_dimensions["A"].width >= 30
    assert sum(1 for row in ws.iter_rows(min_row=2) if row[0].value) == 22  # the partners of the Gent example
    first = [c.value for c in ws[2]]
    assert first[:3] == ["Stad Gent - Jeugddienst", "Lokaal bestuur", "Jeugddienst"]
    assert first[-1] == "jeugddienst-gent"
    assert ws["J2"].number_format == "@"  # age groups stay text: Excel would turn 6-12 into a date
    rules = {str(v.sqref).split(":")[0]: v.formula1 for v in ws.data_validations.dataValidation}
    assert set(rules) == {"B2", "C2", "H2"}  # sector, organisation type, engagement
    uitleg = book["Uitleg"]
    values = {str(c.value) for row in uitleg.iter_rows() for c in row if c.value is not None}
    assert {"Lokaal bestuur", "Fondsen en netwerken", "CGG (centrum voor geestelijke gezondheidszorg)",
            "lid van de projectgroep", "18-24"} <= values
    for rule in rules.values():  # each dropdown points at a list on the Uitleg sheet
        column = rule.split("!")[1].split(":")[0].replace("$", "")
        assert uitleg[column].value is not None


# ------------------------------------------------------------------------------ round trip


def test_round_trip_edit_a_cell_and_add_a_row(gent, tmp_path):
    path = tmp_path / "partners.xlsx"
    path.write_bytes(partners_workbook(read_plan(gent)))
    book = openpyxl.load_workbook(path)
    ws = book["Partners"]
    ws["E2"] = "nieuw.adres@example.org"  # e-mail of the first partner
    ws["H3"] = "Trekker"  # engagement of the second, in another case
    ws.append(_row(organisatie="CAW Oost-Vlaanderen - JAC Gent (voorbeeld)", sector="welzijn", type="CAW met JAC",
                   email="jac@example.org", betrokkenheid="geconsulteerd", pijlers="6; 7",
                   leeftijdsgroepen="12-18 jaar, 18-24"))
    book.save(path)
    before = read_plan(gent)

    result = _import(gent, path)

    plan = read_plan(gent)
    assert result.added == ["CAW Oost-Vlaanderen - JAC Gent (voorbeeld)"]
    assert len(result.updated) == 2 and result.unchanged == 20
    assert plan.partners[0].email == "nieuw.adres@example.org"
    assert plan.partners[1].betrokkenheid == "trekker"
    new = plan.partners[-1]
    assert (new.id, new.sector, new.type, new.pijlers, new.leeftijdsgroepen) == (
        "caw-oost-vlaanderen-jac-gent-voorbeeld", "welzijn", "caw-jac", [6, 7], ["12-18", "18-24"])
    assert plan.partners[2:-1] == before.partners[2:]  # nothing else moved
    assert "# VOORBEELD" in gent.read_text()  # the plan's own comments survive


def test_export_then_import_leaves_each_example_plan_as_it_was(example_copy, tmp_path):
    path = tmp_path / "partners.xlsx"
    path.write_bytes(partners_workbook(read_plan(example_copy)))
    before = example_copy.read_bytes()
    result = _import(example_copy, path)
    assert not result.added and not result.updated
    assert example_copy.read_bytes() == before


def test_a_file_without_code_column_matches_partners_by_name(gent, tmp_path):
    path = _sheet(tmp_path / "p.xlsx", [["Organisatie", "Sector", "E-mail"],
                                        ["stad gent - jeugddienst", "Lokaal bestuur", "jd@example.org"]])
    result = _import(gent, path)
    assert result.updated == ["Stad Gent - Jeugddienst"] and not result.added
    partner = read_plan(gent).partner("jeugddienst-gent")
    assert partner.email == "jd@example.org" and partner.rol  # columns not in the file are kept


def test_csv_with_semicolons_imports_too(gent, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("Organisatie;Sector;Organisatietype\nPolitiezone Gent (voorbeeld);veiligheid;lokale-politie\n",
                    encoding="utf-8")
    assert _import(gent, path).added == ["Politiezone Gent (voorbeeld)"]
    assert read_plan(gent).partners[-1].type == "lokale-politie"


# ------------------------------------------------------------------------------ bad rows


BAD_ROWS = [
    HEADER,
    _row(organisatie="Goede partner (voorbeeld)", sector="Zorg", type="Huisartsen(kring)"),
    _row(organisatie=None, sector="Zorg", contactpersoon="Iemand"),
    _row(organisatie="Sector bestaat niet", sector="Cultuur"),
    _row(organisatie="Type bestaat niet", sector="zorg", type="Tandarts"),
    _row(organisatie="Slecht adres", sector="zorg", email="jan@@example"),
    _row(organisatie="Pijler negen", sector="zorg", pijlers="4, 9"),
    _row(organisatie="Leeftijd", sector="zorg", leeftijdsgroepen="6-13"),
    _row(organisatie="Type past niet", sector="onderwijs", type="cgg"),
    _row(organisatie="Betrokkenheid", sector="zorg", betrokkenheid="heel erg"),
    _row(organisatie="Goede partner (voorbeeld)", sector="Zorg"),  # the same organisation twice
]
EXPECTED = [
    "rij 3, kolom Organisatie: mag niet leeg zijn",
    "rij 4, kolom Sector: onbekende waarde 'Cultuur'",
    "rij 5, kolom Organisatietype: onbekende waarde 'Tandarts'",
    "rij 6, kolom E-mail: 'jan@@example' is geen geldig e-mailadres",
    "rij 7, kolom Pijlers: '9' is geen pijler",
    "rij 8, kolom Leeftijdsgroepen: '6-13' is geen leeftijdsgroep",
    "rij 9, kolom Organisatietype: het type hoort bij de sector Zorg, niet bij Onderwijs",
    "rij 10, kolom Betrokkenheid: onbekende waarde 'heel erg'",
    "rij 11, kolom Organisatie: staat al in rij 2",
]


def test_every_bad_row_is_reported_and_nothing_is_imported(gent, tmp_path):
    path = _sheet(tmp_path / "p.xlsx", BAD_ROWS)
    before = tree_digest(gent.parent)
    with pytest.raises(WarmeStadError) as caught:
        _import(gent, path)
    assert "9 problemen gevonden; er is niets ingelezen" in caught.value.message
    assert len(caught.value.problems) == len(EXPECTED)
    for problem, expected in zip(caught.value.problems, EXPECTED):
        assert problem.startswith(expected), problem
    assert tree_digest(gent.parent) == before


def test_only_the_good_rows_on_explicit_request(gent, tmp_path):
    path = _sheet(tmp_path / "p.xlsx", BAD_ROWS)
    result = _import(gent, path, skip_bad_rows=True)
    assert result.added == ["Goede partner (voorbeeld)"]
    assert len(result.skipped) == len(EXPECTED)
    plan = read_plan(gent)
    assert len(plan.partners) == 23 and plan.partners[-1].type == "huisartsenkring"


# ------------------------------------------------------------------------------ broken files


def _refused(gent: Path, path: Path, match: str, **options) -> WarmeStadError:
    before = tree_digest(gent.parent)
    with pytest.raises(WarmeStadError, match=match) as caught:
        _import(gent, path, **options)
    assert tree_digest(gent.parent) == before
    return caught.value


def test_missing_column(gent, tmp_path):
    path = _sheet(tmp_path / "p.xlsx", [["Organisatie", "Contactpersoon"], ["Iets", "Iemand"]])
    error = _refused(gent, path, "de kolom\\(men\\) sector ontbreken", skip_bad_rows=True)
    assert "organisatie, contactpersoon" in error.message


def test_wrong_types_in_cells(gent, tmp_path):
    rows = [HEADER,
            _row(organisatie="Getal als adres", sector="zorg", email=12345),
            _row(organisatie="Datum als leeftijd", sector="zorg", leeftijdsgroepen=datetime(2026, 6, 12)),
            _row(organisatie="Tekst als pijler", sector="zorg", pijlers="veel"),
            _row(organisatie="Getal als betrokkenheid", sector="zorg", betrokkenheid=3),
            _row(organisatie=True, sector=7)]
    error = _refused(gent, _sheet(tmp_path / "p.xlsx", rows), "niets ingelezen")
    text = "\n".join(error.problems)
    assert "rij 2, kolom E-mail: '12345' is geen geldig e-mailadres" in text
    assert "rij 3, kolom Leeftijdsgroepen: Excel heeft deze cel als datum gelezen (12-06-2026)" in text
    assert "rij 4, kolom Pijlers: 'veel' is geen pijler" in text
    assert "rij 5, kolom Betrokkenheid: onbekende waarde '3'" in text
    assert "rij 6, kolom Sector: onbekende waarde '7'" in text


def test_five_thousand_rows_are_refused_quickly(gent, tmp_path):
    rows = [HEADER] + [_row(organisatie=f"Organisatie {n}", sector="zorg") for n in range(5000)]
    path = _sheet(tmp_path / "p.xlsx", rows)
    start = time.perf_counter()
    error = _refused(gent, path, "5000 rijen; er kunnen er hooguit 1000", skip_bad_rows=True)
    assert time.perf_counter() - start < 15
    assert "Is dit het juiste bestand?" in error.message


def test_formulas_are_reported_and_their_rows_skipped_on_request(gent, tmp_path):
    rows = [HEADER, _row(organisatie="Met formule", sector="zorg", email='=LOWER("A@B.BE")'),
            _row(organisatie="Zonder formule (voorbeeld)", sector="zorg")]
    path = _sheet(tmp_path / "p.xlsx", rows)
    error = _refused(gent, path, "niets ingelezen")
    assert error.problems == ['rij 2: cel E2 bevat een formule (=LOWER("A@B.BE")); vul de waarde zelf in']
    assert _import(gent, path, skip_bad_rows=True).added == ["Zonder formule (voorbeeld)"]


def test_merged_cells_are_reported(gent, tmp_path):
    rows = [HEADER, _row(organisatie="Samengevoegd", sector="zorg"), _row(organisatie="Ook", sector="zorg"),
            _row(organisatie="Goed (voorbeeld)", sector="zorg")]
    path = _sheet(tmp_path / "p.xlsx", rows, merge="B2:B3")
    error = _refused(gent, path, "niets ingelezen")
    assert error.problems[0] == "rij 2: de cellen B2:B3 zijn samengevoegd; maak de samenvoeging ongedaan"
    assert _import(gent, path, skip_bad_rows=True).added == ["Goed (voorbeeld)"]  # rows 2 and 3 left out


def test_merged_header_spoils_the_whole_file(gent, tmp_path):
    rows = [HEADER, _row(organisatie="Goed (voorbeeld)", sector="zorg")]
    path = _sheet(tmp_path / "p.xlsx", rows, merge="C1:D1")
    error = _refused(gent, path, "niets ingelezen", skip_bad_rows=True)
    assert error.problems == ["rij 1: de cellen C1:D1 zijn samengevoegd; maak de samenvoeging ongedaan"]
    path = _sheet(tmp_path / "p.xlsx", rows, merge="A1:B1")  # hides the required column Sector
    error = _refused(gent, path, "sector ontbreken", skip_bad_rows=True)
    assert "A1:B1 zijn samengevoegd" in error.problems[0]


@pytest.mark.parametrize("name, content, match", [
    ("partners.xlsx", b"Organisatie;Sector\nIets;zorg\n", "geen geldig Excel-bestand"),
    ("partners.xlsx", None, "geen geldig Excel-bestand"),  # a zip that is no workbook (a Word file)
    ("partners.pdf", b"%PDF-1.4\n", "onbekend bestandstype '.pdf'"),
    ("partners.xlsx", b"", "geen geldig Excel-bestand"),
])
def test_a_file_that_is_not_a_spreadsheet(gent, tmp_path, name, content, match):
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("word/document.xml", "<w:document/>")
    else:
        path.write_bytes(content)
    _refused(gent, path, match, skip_bad_rows=True)


def test_checking_a_file_reports_rows_without_raising(gent, tmp_path):
    checked = read_partner_file(_sheet(tmp_path / "p.xlsx", BAD_ROWS), read_plan(gent))
    assert checked.total == 10 and [r.number for r in checked.rows] == [2]
    assert checked.bad_rows == [3, 4, 5, 6, 7, 8, 9, 10, 11]
