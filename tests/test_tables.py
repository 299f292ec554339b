"""Reading users' spreadsheets and CSV files: row numbers, Dutch numbers, formulas, merged cells."""

from __future__ import annotations

import openpyxl
import pytest

from warmestad_nb.errors import WarmeStadError
from warmestad_nb.tables import Problems, as_date, as_number, parse_number, read_table


def _xlsx(path, rows, merge=None):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


@pytest.mark.parametrize(
    "text, number",
    [("12,5", 12.5), ("12.5", 12.5), ("1.234,5", 1234.5), ("12,5 %", 12.5), ("1 234", 1234.0),
     (7, 7.0), ("-3", -3.0), ("1.234.567", 1234567.0)],
)
def test_dutch_and_english_numbers(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["veel", "12,5,3", "", "1e", True])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_row_numbers_are_those_the_user_sees(tmp_path):
    path = _xlsx(tmp_path / "t.xlsx", [["Naam", "Budget (EUR)"], ["a", 5], [None, None], ["b", "veel"]])
    table, problems = read_table(path, required=["naam", "budget_eur"])
    assert [r.number for r in table.rows] == [2, 4]
    assert [as_number(r, "budget_eur", problems) for r in table.rows] == [5.0, None]
    assert problems.items == ["rij 4, kolom budget_eur: 'veel' is geen getal"]


def test_csv_with_semicolons_and_windows_encoding(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("Naam;Datum\nCafé Zorg;31/12/2026\n".encode("cp1252"))
    table, problems = read_table(path, required=["naam", "datum"])
    assert table.rows[0].get("naam") == "Café Zorg"
    assert str(as_date(table.rows[0], "datum", problems)) == "2026-12-31"


def test_formulas_and_merged_cells_are_reported(tmp_path):
    path = _xlsx(tmp_path / "t.xlsx", [["naam", "budget"], ["a", "=1+1"], ["b", 3]], merge="A3:B3")
    table, problems = read_table(path, required=["naam"])
    assert any("B2 bevat een formule (=1+1)" in p for p in problems.items)
    assert any("A3:B3 zijn samengevoegd" in p for p in problems.items)
    with pytest.raises(WarmeStadError, match="niets ingelezen"):
        problems.raise_if_any()


def test_missing_column_names_what_was_found(tmp_path):
    path = _xlsx(tmp_path / "t.xlsx", [["Naam", "Sector"], ["a", "onderwijs"]])
    with pytest.raises(WarmeStadError, match=r"kolom\(men\) email ontbreken.*gevonden: naam, sector"):
        read_table(path, required=["naam", "email"])


def test_too_many_rows_and_not_a_spreadsheet(tmp_path):
    path = _xlsx(tmp_path / "t.xlsx", [["naam"]] + [[f"n{i}"] for i in range(30)])
    with pytest.raises(WarmeStadError, match="30 rijen"):
        read_table(path, max_rows=20)
    fake = tmp_path / "nep.xlsx"
    fake.write_text("dit is geen excel")
    with pytest.raises(WarmeStadError, match="geen geldig Excel-bestand"):
        read_table(fake)
    with pytest.raises(WarmeStadError, match="onbekend bestandstype"):
        read_table(_xlsx(tmp_path / "t.ods", [["a"]]))
    with pytest.raises(WarmeStadError, match="werkblad 'Partners' ontbreekt"):
        read_table(_xlsx(tmp_path / "t2.xlsx", [["a"]]), sheet="Partners")


def test_problems_collects_all():
    problems = Problems("x.xlsx")
    problems.add(3, "email", "ongeldig")
    problems.add(None, None, "algemeen")
    assert len(problems) == 2 and problems.items[0] == "rij 3, kolom email: ongeldig"
