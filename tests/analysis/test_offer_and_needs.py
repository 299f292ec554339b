"""Existing offer (gap matrix, Excel import) and needs (survey import, summaries)."""

from __future__ import annotations


import openpyxl
import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES, tree_digest
from step2_helpers import fresh_plan
from warmestad_nb.analysis import needs, offer, summaries
from warmestad_nb.errors import WarmeStadError
from warmestad_nb.imports.common import save
from warmestad_nb.imports.offer import import_offer, template
from warmestad_nb.imports.survey import import_survey
from warmestad_nb.store import read_plan

AGES = ("0-3", "3-6", "6-12", "12-18", "18-24")


def raw_example(prefix: str) -> dict:
    path = next(p for p in EXAMPLES if p.name.startswith(prefix))
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.fixture
def herselt(tmp_path):
    return fresh_plan(tmp_path / "plannen", "Herselt")


@pytest.mark.parametrize("prefix", ["44021", "13040", "13013"])
def test_gap_matrix_counts_match_the_plan_file(prefix):
    items = raw_example(prefix)["omgevingsanalyse"]["aanbod"]
    plan = read_plan(next(p for p in EXAMPLES if p.name.startswith(prefix)))
    matrix = offer.by_age(plan.omgevingsanalyse.aanbod)
    for pillar in range(1, 9):
        for age in AGES:
            expected = sum(1 for i in items if pillar in i.get("pijlers", []) and age in i.get("leeftijdsgroepen", []))
            assert matrix.loc[pillar, age] == expected
    strategies = offer.by_strategy(plan.omgevingsanalyse.aanbod)
    care = sum(1 for i in items if 7 in i.get("pijlers", []) and i.get("strategie") == "zorg")
    assert strategies.loc[7, "zorg"] == care
    gaps = offer.gaps(plan.omgevingsanalyse.aanbod)
    assert set(gaps.pijlers) == {p for p in range(1, 9) if not any(p in i.get("pijlers", []) for i in items)}
    assert len(gaps.cellen) == int((matrix == 0).sum().sum())


def test_herselt_offer_summary_names_the_gaps():
    plan = read_plan(next(p for p in EXAMPLES if p.name.startswith("13013")))
    text = summaries.offer_text(plan)
    assert text.startswith("De inventaris van het bestaand aanbod telt 6 initiatieven.")
    assert "pijler 3 (persoonlijke ontwikkeling) en pijler 6 (kwetsbaarheid bespreekbaar)" in text
    assert "strategie educatie" in text


def test_offer_import_from_excel_with_labels_and_codes(tmp_path, herselt):
    book = openpyxl.Workbook()
    book.active.append(["Naam", "Aanbieder", "Pijlers", "Leeftijdsgroepen", "Strategie", "Niveau"])
    book.active.append(["Speelpleinwerking", "Jeugddienst", "4, 5", "6-12; 3-6 jaar", "omgevingsinterventies",
                        "setting"])
    book.active.append(["Spreekuur CLB", "CLB", 7, "12-18", "zorg", "individu"])
    path = tmp_path / "aanbod.xlsx"
    book.save(path)
    save(herselt, import_offer(path, read_plan(herselt)))
    stored = read_plan(herselt).omgevingsanalyse.aanbod
    assert [(a.naam, a.pijlers, a.leeftijdsgroepen, a.strategie, a.niveau) for a in stored] == [
        ("Speelpleinwerking", [4, 5], ["3-6", "6-12"], "omgeving", "setting"),
        ("Spreekuur CLB", [7], ["12-18"], "zorg", "individu")]
    with pytest.raises(WarmeStadError, match="staat al in het plan"):
        import_offer(path, read_plan(herselt))
    result = import_offer(path, read_plan(herselt), mode="vervangen")
    assert "De vorige lijst (2 initiatieven) is vervangen." in result.notes


def test_offer_template_reads_back_empty(tmp_path, herselt):
    path = template(tmp_path / "sjabloon.xlsx")
    book = openpyxl.load_workbook(path)
    assert [c.value for c in book["Aanbod"][1]] == ["naam", "aanbieder", "pijlers", "leeftijdsgroepen", "strategie",
                                                    "niveau"]
    with pytest.raises(WarmeStadError, match="het bestand heeft|geen enkel initiatief"):
        import_offer(path, read_plan(herselt))


def test_broken_offer_file_lists_every_row_and_imports_nothing(tmp_path, herselt):
    path = tmp_path / "aanbod.csv"
    path.write_text("naam;pijlers;leeftijdsgroepen;strategie\nA;9;6-12;zorg\nB;4;7-9;zorg\nA;4;6-12;les\n;1;;\n",
                    encoding="utf-8")
    before = tree_digest(herselt.parent)
    with pytest.raises(WarmeStadError) as caught:
        save(herselt, import_offer(path, read_plan(herselt)))
    assert caught.value.problems == [
        "rij 2, kolom pijlers: '9' is geen pijler (1 tot 8)",
        "rij 3, kolom leeftijdsgroepen: '7-9' is geen leeftijdsgroep (0-3, 3-6, 6-12, 12-18, 18-24)",
        "rij 4, kolom naam: 'A' staat ook in rij 2",
        "rij 5, kolom naam: mag niet leeg zijn",
    ]
    assert tree_digest(herselt.parent) == before


def test_survey_import_and_results(tmp_path, herselt):
    path = tmp_path / "bevraging.csv"
    path.write_text("Vraag;Antwoord;Aantal\nVoel je je goed?;Ja;120\nVoel je je goed?;Soms;60\n"
                    "Voel je je goed?;Nee;20\nKen je een plek voor hulp?;Ja;90\nKen je een plek voor hulp?;Nee;110\n",
                    encoding="utf-8")
    result = import_survey(path, read_plan(herselt), "Eigen bevraging bij 12-18-jarigen, 2026 (test)")
    save(herselt, result)
    plan = read_plan(herselt)
    assert len(plan.omgevingsanalyse.enquete) == 5
    assert plan.omgevingsanalyse.enquete_bron == "Eigen bevraging bij 12-18-jarigen, 2026 (test)"
    results = needs.survey_results(plan.omgevingsanalyse.enquete)
    assert list(results["procent"]) == [60.0, 30.0, 10.0, 45.0, 55.0]
    text = summaries.needs_text(plan)
    assert "Voel je je goed? Het meest gegeven antwoord: 'Ja' (60%, 120 van 200)." in text
    assert "Ken je een plek voor hulp? Het meest gegeven antwoord: 'Nee' (55%, 110 van 200)." in text


@pytest.mark.parametrize("content, message", [
    ("vraag;antwoord\nA;Ja\n", "de kolom(men) aantal ontbreken"),
    ("vraag;antwoord;aantal\nA;Ja;veel\n", "rij 2, kolom aantal: 'veel' is geen getal"),
    ("vraag;antwoord;aantal\nA;Ja;-4\n", "rij 2, kolom aantal: -4 is kleiner dan 0"),
    ("vraag;antwoord;aantal\nA;Ja;2,5\n", "rij 2, kolom aantal: 2,5 is geen geheel aantal"),
    ("vraag;antwoord;aantal\nA;Ja;4\na;ja;5\n", "rij 3: dubbele rij: 'a' / 'ja' staat ook in rij 2"),
    ("vraag;antwoord;aantal\n;Ja;4\n", "rij 2, kolom vraag: mag niet leeg zijn"),
], ids=["geen-aantal", "tekst", "negatief", "kommagetal", "dubbel", "geen-vraag"])
def test_broken_survey_files(tmp_path, herselt, content, message):
    path = tmp_path / "bevraging.csv"
    path.write_text(content, encoding="utf-8")
    before = tree_digest(herselt.parent)
    with pytest.raises(WarmeStadError) as caught:
        save(herselt, import_survey(path, read_plan(herselt), "test"))
    assert message in str(caught.value)
    assert tree_digest(herselt.parent) == before


def test_every_section_has_a_text_also_when_empty(herselt):
    texts = summaries.all_texts(read_plan(herselt))
    assert list(texts) == ["bevolking", "indicatoren", "eigen_cijfers", "aanbod", "noden"]
    assert texts["aanbod"] == "Het bestaand aanbod is nog niet in kaart gebracht."
    assert texts["noden"].startswith("De noden van kinderen")
    assert texts["bevolking"].startswith("In Herselt wonen op 1 januari 2026 3.460 kinderen en jongeren")
