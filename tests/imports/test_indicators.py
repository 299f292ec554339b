"""Indicator tables from the Gemeente-Stadsmonitor / Provincies in Cijfers: good files, and a broken corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from conftest import EXAMPLES, tree_digest
from step2_helpers import fresh_plan
from test_tables import _xlsx
from warmestad_nb.newplan import new_plan
from warmestad_nb.errors import WarmeStadError
from warmestad_nb.imports.common import save
from warmestad_nb.imports.indicators import import_indicators
from warmestad_nb.imports.own import new_own_figure
from warmestad_nb.store import read_plan

CORPUS = Path(__file__).resolve().parents[1] / "data" / "kapotte_indicatoren"
SOURCE = "Gemeente-Stadsmonitor, export van maart 2026 (testbestand)"


@pytest.fixture
def gent_plan(tmp_path):
    return fresh_plan(tmp_path / "plannen", "Gent")


@pytest.fixture
def gent_example(tmp_path):
    source = next(p for p in EXAMPLES if p.name.startswith("44021"))
    target = tmp_path / "voorbeeld" / source.name
    target.parent.mkdir()
    shutil.copyfile(source, target)
    return target


def own(plan_path: Path) -> dict[tuple[str, int], object]:
    return {(f.indicator, f.jaar): f for f in read_plan(plan_path).omgevingsanalyse.eigen_cijfers}


def test_wide_export_with_codes_flanders_and_merged_municipalities(tmp_path, gent_example):
    gent_plan = gent_example
    path = tmp_path / "stadsmonitor.csv"
    path.write_text("NIS-code;Gemeente;Jaar;Kinderen met verhoogde tegemoetkoming (%);Leefloners 18-24 (aantal)\n"
                    "02000;Vlaams Gewest;2024;19,2;8.123\n"
                    "44021;Gent;2024;27,5;1.450\n"
                    "40000;Provincie Oost-Vlaanderen;2024;17,0;2.000\n"
                    "44043;Merelbeke;2024;8,0;30\n"
                    "44040;Melle;2024;7,5;10\n", encoding="utf-8")
    result = import_indicators(path, read_plan(gent_plan), SOURCE)
    assert save(gent_plan, result)
    stored = own(gent_plan)
    share = stored[("Kinderen met verhoogde tegemoetkoming", 2024)]
    assert (share.waarde, share.eenheid, share.vlaanderen, share.bron) == (27.5, "%", 19.2, SOURCE)
    count = stored[("Leefloners 18-24", 2024)]
    assert (count.waarde, count.eenheid, count.vlaanderen) == (1450.0, "aantal", 8123.0)
    assert "Merelbeke is op 1 januari 2025 opgegaan in Merelbeke-Melle (NIS 44088)." in result.notes
    # The example plan's own figures stay.
    assert ("Bezoeken van jongeren aan het OverKop-huis", 2025) in stored


def test_long_export_and_year_in_header_and_excel(tmp_path, gent_plan):
    long = tmp_path / "lang.csv"
    long.write_text('gemeente,indicator,jaar,waarde,eenheid\nGent,Schoolse vertraging secundair,2023,"28,4",%\n'
                    'Gent,Schoolse vertraging secundair,2024,"27,9",%\nVlaanderen,Schoolse vertraging secundair,'
                    '2024,"21,0",%\nHerselt,Schoolse vertraging secundair,2024,"15,0",%\n', encoding="utf-8")
    save(gent_plan, import_indicators(long, read_plan(gent_plan), SOURCE))
    book = openpyxl.Workbook()
    book.active.append(["Gemeente", "Kinderopvangplaatsen per 100 kinderen 2025"])
    book.active.append(["Gent", 52.3])
    book.active.append(["Herselt", 61])
    workbook = tmp_path / "pic.xlsx"
    book.save(workbook)
    save(gent_plan, import_indicators(workbook, read_plan(gent_plan), "Provincies in Cijfers (test)"))
    stored = own(gent_plan)
    assert stored[("Schoolse vertraging secundair", 2023)].waarde == 28.4
    assert stored[("Schoolse vertraging secundair", 2024)].vlaanderen == 21.0
    assert stored[("Kinderopvangplaatsen per 100 kinderen", 2025)].waarde == 52.3


@pytest.mark.parametrize("cells, expected", [(("1.450", "12,5"), 1450.0), (("1.450", "0.41"), 1.45),
                                             (("1.450", "12"), 1450.0)], ids=["komma", "punt", "geen-decimalen"])
def test_a_dot_before_three_digits_is_read_as_the_file_writes_decimals(tmp_path, gent_plan, cells, expected):
    path = tmp_path / "getallen.csv"
    path.write_text(f"Gemeente;Jaar;Cijfer\nGent;2024;{cells[0]}\nHerselt;2024;{cells[1]}\n", encoding="utf-8")
    result = import_indicators(path, read_plan(gent_plan), SOURCE)
    target = read_plan(gent_plan)
    result.apply(target)
    assert target.omgevingsanalyse.eigen_cijfers[0].waarde == expected


def test_reimport_replaces_the_same_indicator_and_year(tmp_path, gent_plan):
    path = tmp_path / "a.csv"
    path.write_text("Gemeente;Jaar;Kansarmoede-index (%)\nGent;2024;18,5\n", encoding="utf-8")
    save(gent_plan, import_indicators(path, read_plan(gent_plan), SOURCE))
    path.write_text("Gemeente;Jaar;Kansarmoede-index (%)\nGent;2024;18,9\n", encoding="utf-8")
    result = import_indicators(path, read_plan(gent_plan), SOURCE)
    assert any("Vervangen door de nieuwe waarde: Kansarmoede-index (2024)" in n for n in result.notes)
    save(gent_plan, result)
    stored = [f for f in read_plan(gent_plan).omgevingsanalyse.eigen_cijfers if f.indicator == "Kansarmoede-index"]
    assert [(f.jaar, f.waarde) for f in stored] == [(2024, 18.9)]


def test_one_bad_row_among_good_ones_imports_nothing_and_lists_every_problem(tmp_path, gent_plan):
    path = tmp_path / "gemengd.csv"
    path.write_text("Gemeente;Jaar;Kansarmoede-index (%);Werkzoekendengraad (%)\n"
                    "Gent;2024;18,5;11,2\nGentt;2024;5;5\nHerselt;2024;veel;120\nTurnhout;2024;24,9;12,2\n",
                    encoding="utf-8")
    before = tree_digest(gent_plan.parent)
    with pytest.raises(WarmeStadError) as caught:
        save(gent_plan, import_indicators(path, read_plan(gent_plan), SOURCE))
    assert caught.value.problems == [
        "rij 3, kolom Gemeente: Onbekende gemeente 'Gentt'. Bedoelde u: Gent, Genk, Geetbets?",
        "rij 4, kolom Kansarmoede-index (%): 'veel' is geen getal",
        "rij 4, kolom Werkzoekendengraad (%): 120 is een percentage boven 100",
    ]
    assert "niets ingelezen" in str(caught.value)
    assert tree_digest(gent_plan.parent) == before


BROKEN = {
    "leeg.csv": "het bestand is leeg",
    "alleen-kopregel.csv": "er staan geen rijen onder de kopregel",
    "geen-gemeentekolom.csv": "geen kolom met de gemeente gevonden",
    "onbekende-gemeente.csv": "rij 2, kolom Gemeente: Onbekende gemeente 'Gentt'. Bedoelde u: Gent",
    "onbekende-nis.csv": "rij 3, kolom NIS-code: Onbekende gemeente '99999'",
    "gemeente-leeg.csv": "rij 3, kolom Gemeente: de gemeente ontbreekt",
    "dubbele-rij.csv": "rij 3, kolom Gemeente: dubbele rij: Gent staat ook in rij 2",
    "tekst-als-getal.csv": "rij 2, kolom Kansarmoede-index (%): 'veel' is geen getal",
    "percentage-boven-100.csv": "185 is een percentage boven 100",
    "negatief-percentage.csv": "-4,2 is een negatief percentage",
    "geen-jaar.csv": "het jaar ontbreekt",
    "ongeldig-jaar.csv": "rij 2, kolom Jaar: 'vorig jaar' is geen jaartal",
    "lang-zonder-jaar.csv": "de kolom(men) jaar ontbreken",
    "lang-indicator-leeg.csv": "rij 2, kolom indicator: de naam van de indicator ontbreekt",
    "lang-dubbel.csv": "rij 3, kolom waarde: dubbel: Schoolse vertraging voor 2024 staat ook al in rij 2",
    "geen-cijferkolommen.csv": "er staat geen kolom met cijfers in",
    "gent-ontbreekt.csv": "er staat geen rij voor Gent (NIS 44021)",
    "gent-zonder-waarden.csv": "de rij van Gent heeft geen enkele waarde",
    "dubbele-kolom.csv": "kolom kansarmoede: deze kolom staat er meer dan eens",
    "binair.csv": "dit is geen tekstbestand",
    "verkeerd-type.ods": "onbekend bestandstype '.ods'",
}


@pytest.mark.parametrize("name, message", BROKEN.items(), ids=list(BROKEN))
def test_broken_corpus_file_gives_a_clear_message_and_imports_nothing(gent_plan, name, message):
    path = CORPUS / name
    before = tree_digest(gent_plan.parent)
    with pytest.raises(WarmeStadError) as caught:
        save(gent_plan, import_indicators(path, read_plan(gent_plan), SOURCE))
    assert message in str(caught.value)
    assert name in str(caught.value)
    assert tree_digest(gent_plan.parent) == before


@pytest.mark.parametrize("name, rows, merge, message", [
    ("formule.xlsx", [["Gemeente", "Jaar", "Kansarmoede (%)"], ["Gent", 2024, "=10+8"]], None, "bevat een formule"),
    ("samengevoegd.xlsx", [["Gemeente", "Jaar", "Kansarmoede (%)"], ["Gent", 2024, 18], ["Herselt", 2024, 5]],
     "A2:A3", "zijn samengevoegd"),
], ids=["formule", "samengevoegd"])
def test_broken_spreadsheets(tmp_path, gent_plan, name, rows, merge, message):
    path = _xlsx(tmp_path / name, rows, merge)
    before = tree_digest(gent_plan.parent)
    with pytest.raises(WarmeStadError, match=message):
        save(gent_plan, import_indicators(path, read_plan(gent_plan), SOURCE))
    assert tree_digest(gent_plan.parent) == before


def test_fake_spreadsheet_and_missing_source(tmp_path, gent_plan):
    fake = tmp_path / "nep.xlsx"
    fake.write_text("geen excel")
    with pytest.raises(WarmeStadError, match="geen geldig Excel-bestand"):
        import_indicators(fake, read_plan(gent_plan), SOURCE)
    with pytest.raises(WarmeStadError, match="geef de bron op"):
        import_indicators(CORPUS / "dubbele-rij.csv", read_plan(gent_plan), "  ")


def test_former_municipalities_are_not_summed_for_the_new_one(tmp_path):
    path = fresh_plan(tmp_path, "Pajottegem")
    before = tree_digest(tmp_path)
    with pytest.raises(WarmeStadError) as caught:
        save(path, import_indicators(CORPUS / "oude-gemeenten-samen.csv", read_plan(path), SOURCE))
    assert "kunnen niet samengeteld worden" in str(caught.value)
    assert "galmaarden" in str(caught.value).lower() and "gooik" in str(caught.value).lower()
    assert tree_digest(tmp_path) == before


def test_value_of_a_former_municipality_says_so_in_its_source(tmp_path):
    plan, _ = new_plan("Lokeren")
    path = tmp_path / "oud.csv"
    path.write_text("NIS-code;Jaar;Kansarmoede-index (%)\n46014;2023;11,0\n", encoding="utf-8")
    result = import_indicators(path, plan, SOURCE)
    target = plan.model_copy(deep=True)
    result.apply(target)
    figure = target.omgevingsanalyse.eigen_cijfers[0]
    assert "vóór de fusie van 1 januari 2025" in figure.bron
    assert any("cijfers van vóór 2025 gaan over de gemeente zoals ze toen was" in n for n in result.notes)


def test_typed_own_figure_is_checked():
    plan = read_plan(next(p for p in EXAMPLES if p.name.startswith("44021")))
    figure = new_own_figure(plan, "Kinderen in kinderopvang", "2025", "48,5", "%", "Eigen telling", "52")
    assert (figure.waarde, figure.vlaanderen, figure.jaar) == (48.5, 52.0, 2025)
    with pytest.raises(WarmeStadError) as caught:
        new_own_figure(plan, "Kinderen in kinderopvang", "vorig jaar", "148", "%", "Eigen telling")
    assert "jaar: 'vorig jaar' is geen jaartal" in str(caught.value)
    assert "een percentage ligt tussen 0 en 100, niet 148" in str(caught.value)
    with pytest.raises(WarmeStadError, match="staat al in het plan"):
        new_own_figure(plan, "Bezoeken van jongeren aan het OverKop-huis", 2025, "3", "bezoeken", "x")
    with pytest.raises(WarmeStadError, match="bron"):
        new_own_figure(plan, "Iets", 2025, "3", "", "")
