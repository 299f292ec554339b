"""Spreadsheets the workbook writes for people: a styled header row, widths, text columns, dropdowns.

Every cell of an export goes through `write_cell`, so no plan text ever becomes a formula.
"""

from __future__ import annotations

import io
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
TEXT = "@"  # Excel's text format: keeps "6-12" from becoming a date
# Starts of text that a spreadsheet program may read as a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_cell(ws: Worksheet, row: int, column: int, value: Any):
    """Write one value; text that could pass for a formula stays text, also when the user edits it.

    openpyxl turns any text starting with '=' into a live formula. Such text is stored as a
    string with Excel's quote prefix (the leading apostrophe), so it shows and reads back unchanged.
    """
    cell = ws.cell(row, column, value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def write_table(
    ws: Worksheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    first_row: int = 1,
    text_columns: Sequence[int] = (),
    blank_rows: int = 0,
) -> None:
    """A table with a bold, frozen header row and a filter; `text_columns` (1-based) stay text in Excel."""
    for col, (header, width) in enumerate(zip(headers, widths), start=1):
        cell = write_cell(ws, first_row, col, header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    for offset, values in enumerate(rows, start=1):
        for col, value in enumerate(values, start=1):
            write_cell(ws, first_row + offset, col, value)
    last = first_row + len(rows) + blank_rows
    for col in text_columns:
        for row in range(first_row + 1, last + 1):
            ws.cell(row, col).number_format = TEXT
    ws.freeze_panes = ws.cell(first_row + 1, 1)
    ws.auto_filter.ref = f"A{first_row}:{get_column_letter(len(headers))}{max(last, first_row + 1)}"


def add_dropdown(ws: Worksheet, column: int, first_row: int, last_row: int, source: str, what: str) -> None:
    """A list validation on one column; `source` is a range like =Uitleg!$F$2:$F$12."""
    rule = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True,
                          errorTitle="Onbekende waarde", error=f"Kies een {what} uit de lijst.")
    letter = get_column_letter(column)
    rule.add(f"{letter}{first_row}:{letter}{last_row}")
    ws.add_data_validation(rule)


def to_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
