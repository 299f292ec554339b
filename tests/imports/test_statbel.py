"""Statbel's single-year population file (TF_SOC_POP_STRUCT_<year>) in its official format, made here."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import tree_digest
from step2_helpers import fresh_plan
from warmestad_nb import reference
from warmestad_nb.newplan import new_plan
from warmestad_nb.errors import WarmeStadError
from warmestad_nb.imports.common import save
from warmestad_nb.imports.statbel import import_population, read_single_years
from warmestad_nb.store import read_plan

# The column order of Statbel's open-data file (pipe-separated, UTF-8).
HEADER = ("CD_REFNIS|TX_DESCR_NL|TX_DESCR_FR|CD_DSTR_REFNIS|TX_ADM_DSTR_DESCR_NL|TX_ADM_DSTR_DESCR_FR|"
          "CD_PROV_REFNIS|TX_PROV_DESCR_NL|TX_PROV_DESCR_FR|CD_RGN_REFNIS|TX_RGN_DESCR_NL|TX_RGN_DESCR_FR|CD_SEX|"
          "CD_NATLTY|TX_NATLTY_NL|TX_NATLTY_FR|CD_CIV_STS|TX_CIV_STS_NL|TX_CIV_STS_FR|CD_AGE|MS_POPULATION")
# Herselt, the three municipalities that became Pajottegem on 1 January 2025 (old codes),
# and one Walloon and one Brussels municipality that must be skipped.
PLACES = {"13013": "Herselt", "23023": "Galmaarden", "23024": "Gooik", "23032": "Herne",
          "25005": "Chaumont-Gistoux", "21004": "Brussel"}
BANDS = {"0-2": range(0, 3), "3-5": range(3, 6), "6-11": range(6, 12), "12-17": range(12, 18),
         "18-24": range(18, 25)}


def official_rows(places: dict[str, str], max_age: int = 90, seed: int = 5) -> list[tuple]:
    """(code, name, sex, nationality, civil status, age, count): several rows per age, as in the real file."""
    rng = random.Random(seed)
    rows = []
    for code, name in places.items():
        for sex in ("M", "F"):
            for nationality in ("BEL", "ETR"):
                for civil, ages in (("1", range(0, max_age + 1)), ("2", range(18, max_age + 1))):
                    for age in ages:
                        rows.append((code, name, sex, nationality, civil, age, rng.randint(0, 40)))
    return rows


def write_official(path: Path, rows: list[tuple]) -> Path:
    lines = [HEADER]
    for code, name, sex, nationality, civil, age, count in rows:
        region = ("02000", "Vlaams Gewest") if code[0] in "1347" or code[:2] in ("23", "24") else ("03000", "Waals")
        lines.append(f"{code}|{name}|{name}|{code[:2]}000|Arr. {name}|Arr. {name}|{code[0]}0000|Prov|Prov|"
                     f"{region[0]}|{region[1]}|{region[1]}|{sex}|{nationality}|{nationality}|{nationality}|"
                     f"{civil}|Staat {civil}|Etat {civil}|{age}|{count}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def expected_bands(rows: list[tuple], codes: set[str]) -> dict[str, int]:
    return {band: sum(n for code, _, _, _, _, age, n in rows if code in codes and age in ages)
            for band, ages in BANDS.items()}


@pytest.fixture(scope="module")
def rows():
    return official_rows(PLACES)


@pytest.fixture
def statbel_file(tmp_path, rows):
    return write_official(tmp_path / "TF_SOC_POP_STRUCT_2024.txt", rows)


@pytest.fixture
def herselt_plan(tmp_path):
    return fresh_plan(tmp_path / "plannen", "Herselt")


@pytest.fixture
def pajottegem_plan(tmp_path):
    return fresh_plan(tmp_path / "plannen", "Pajottegem")


def figures(plan_path: Path) -> dict[str, object]:
    return {f.indicator: f for f in read_plan(plan_path).omgevingsanalyse.eigen_cijfers}


def test_herselt_gets_the_programme_bands_in_its_plan(statbel_file, herselt_plan, rows):
    result = import_population(statbel_file, read_plan(herselt_plan))
    assert save(herselt_plan, result)
    stored = figures(herselt_plan)
    expected = expected_bands(rows, {"13013"})
    total = sum(n for code, *_, n in rows if code == "13013")
    for band, count in expected.items():
        assert stored[f"Inwoners van {band} jaar"].waarde == count
        assert stored[f"Aandeel inwoners van {band} jaar"].waarde == round(100 * count / total, 2)
    assert stored["Inwoners (alle leeftijden)"].waarde == total
    figure = stored["Inwoners van 0-2 jaar"]
    assert figure.jaar == 2024
    assert "TF_SOC_POP_STRUCT_2024" in figure.bron and "1 januari 2024" in figure.bron
    assert figure.vlaanderen is None  # a partial file gives no Flemish comparison
    assert any("2 van de 285" in n for n in result.notes)
    assert any("buiten Vlaanderen overgeslagen" in n for n in result.notes)


def test_municipality_merged_in_2025_is_summed_from_its_old_codes(statbel_file, pajottegem_plan, rows):
    result = import_population(statbel_file, read_plan(pajottegem_plan))
    save(pajottegem_plan, result)
    stored = figures(pajottegem_plan)
    expected = expected_bands(rows, {"23023", "23024", "23032"})
    assert {band: stored[f"Inwoners van {band} jaar"].waarde for band in BANDS} == expected
    for old in ("Galmaarden", "Gooik", "Herne"):
        assert f"{old} is op 1 januari 2025 opgegaan in Pajottegem (NIS 23106)." in result.notes
    assert "Galmaarden" in result.summary()


def test_zip_and_excel_versions_give_the_same_figures(tmp_path):
    small = {code: PLACES[code] for code in ("13013", "23023", "25005")}
    statbel_file = write_official(tmp_path / "TF_SOC_POP_STRUCT_2024.txt", official_rows(small, max_age=26))
    archive = tmp_path / "TF_SOC_POP_STRUCT_2024.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(statbel_file, statbel_file.name)
    book = openpyxl.Workbook()
    book.active.append(HEADER.split("|"))
    for line in statbel_file.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("|")
        cells[-2:] = [int(cells[-2]), int(cells[-1])]
        book.active.append(cells)
    workbook = tmp_path / "TF_SOC_POP_STRUCT_2024.xlsx"
    book.save(workbook)
    text = read_single_years(statbel_file)
    assert read_single_years(archive).counts == text.counts
    assert read_single_years(workbook).counts == text.counts
    assert set(text.counts) == {"13013", "23106"}
    assert text.jaar == 2024


def test_complete_file_gives_the_flemish_comparison(tmp_path):
    current = {m.nis: m.naam for m in reference.municipalities()}
    rows = official_rows(current, max_age=30, seed=9)
    path = write_official(tmp_path / "TF_SOC_POP_STRUCT_2026.txt", rows)
    plan, _ = new_plan("Herselt")
    result = import_population(path, plan)
    target = plan.model_copy(deep=True)
    result.apply(target)
    stored = {f.indicator: f for f in target.omgevingsanalyse.eigen_cijfers}
    flemish = expected_bands(rows, set(current))
    flemish_total = sum(r[-1] for r in rows)
    assert stored["Inwoners van 6-11 jaar"].vlaanderen == flemish["6-11"]
    assert stored["Aandeel inwoners van 6-11 jaar"].vlaanderen == round(100 * flemish["6-11"] / flemish_total, 2)
    assert stored["Inwoners (alle leeftijden)"].jaar == 2026


def test_older_edition_with_cd_munty_refnis_and_cd_year(tmp_path):
    path = tmp_path / "bevolking.txt"
    path.write_text("CD_YEAR|CD_MUNTY_REFNIS|TX_MUNTY_DESCR_NL|CD_SEX|CD_AGE|MS_POPULATION\n"
                    "2019|13013|Herselt|M|1|40\n2019|13013|Herselt|F|1|38\n2019|13013|Herselt|F|30|50\n",
                    encoding="utf-8")
    data = read_single_years(path)
    assert data.jaar == 2019
    assert data.ages("13013") == {1: 78, 30: 50}


BROKEN = [
    ("leeg", "", "het bestand is leeg"),
    ("geen-aantal-kolom", HEADER.replace("|MS_POPULATION", "") + "\n", "MS_POPULATION ontbreken"),
    ("geen-code", HEADER.replace("CD_REFNIS|", "GEMEENTE|") + "\n", "CD_REFNIS ontbreken"),
    ("geslacht-x", None, "'X' is geen geslacht (M of F)"),
    ("leeftijd-tekst", None, "'tien' is geen leeftijd"),
    ("negatief-aantal", None, "'-3' is geen aantal inwoners"),
    ("kommagetal", None, "'2,5' is geen aantal inwoners"),
    ("dubbele-rij", None, "dubbele rij: dezelfde gemeente, hetzelfde geslacht en dezelfde leeftijd als rij 2"),
    ("onbekende-code", None, "Onbekende gemeente '19999'"),
    ("korte-code", None, "'1301' is geen NIS-code van vijf cijfers"),
    ("kolommen-kwijt", None, "kolommen in plaats van 21"),
    ("gemeente-ontbreekt", None, "geen rijen voor Herselt (NIS 13013)"),
]


def _broken_text(case: str) -> str:
    good = "13013|Herselt|Herselt|13000|A|A|10000|P|P|02000|V|V|M|BEL|B|B|1|O|C|{age}|{count}"
    line = good.format(age=4, count=12)
    variants = {
        "geslacht-x": line.replace("|M|", "|X|"),
        "leeftijd-tekst": good.format(age="tien", count=12),
        "negatief-aantal": good.format(age=4, count=-3),
        "kommagetal": good.format(age=4, count="2,5"),
        "dubbele-rij": line + "\n" + line,
        "onbekende-code": line.replace("13013|", "19999|", 1),
        "korte-code": line.replace("13013|", "1301|", 1),
        "kolommen-kwijt": line.rsplit("|", 2)[0],
        "gemeente-ontbreekt": line.replace("13013|Herselt", "13040|Turnhout", 1),
    }
    return HEADER + "\n" + variants[case] + "\n"


@pytest.mark.parametrize("case, content, message", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_statbel_files_import_nothing(tmp_path, herselt_plan, case, content, message):
    path = tmp_path / f"TF_SOC_POP_STRUCT_2025_{case}.txt"
    path.write_text(_broken_text(case) if content is None else content, encoding="utf-8")
    before = tree_digest(herselt_plan.parent)
    with pytest.raises(WarmeStadError) as caught:
        save(herselt_plan, import_population(path, read_plan(herselt_plan)))
    assert message in str(caught.value)
    assert str(path) in str(caught.value)
    assert tree_digest(herselt_plan.parent) == before


def test_year_is_needed_when_the_file_name_lost_it(tmp_path, herselt_plan):
    path = tmp_path / "bevolking.txt"
    path.write_text(HEADER + "\n" + _broken_text("geslacht-x").splitlines()[1].replace("|X|", "|F|") + "\n",
                    encoding="utf-8")
    with pytest.raises(WarmeStadError, match="geef het jaar op"):
        import_population(path, read_plan(herselt_plan))
    result = import_population(path, read_plan(herselt_plan), year=2025)
    assert result.aantal == 13
