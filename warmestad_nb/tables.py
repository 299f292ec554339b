"""Tables that users bring (Excel, CSV): rows with the row numbers they see, problems in Dutch.

Importers (partners, indicators, meerjarenplan ...) read a file with `read_table`, convert
cells with the `as_*` helpers into a `Problems` collector, and import nothing while
`Problems` holds anything: `problems.raise_if_any()` names every bad row at once.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Sequence

from .errors import WarmeStadError

MAX_FILE_BYTES = 20 * 1024 * 1024
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")


def column_key(name: Any) -> str:
    """'Organisatie type ' -> 'organisatie_type': how columns are matched, whatever the spelling."""
    text = unicodedata.normalize("NFKD", str(name or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


@dataclass(frozen=True)
class Row:
    number: int  # as the user sees it: the header is row 1 in Excel
    values: dict[str, Any]  # column key -> cell value, None when empty

    def get(self, column: str) -> Any:
        return self.values.get(column)


@dataclass(frozen=True)
class Table:
    path: Path
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


class Problems:
    """Problems found in a user's file, each with its row and column."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.items: list[str] = []

    def add(self, row: int | None, column: str | None, text: str) -> None:
        where = ", ".join(part for part in (f"rij {row}" if row else "", f"kolom {column}" if column else "") if part)
        self.items.append(f"{where}: {text}" if where else text)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            count = "1 probleem" if len(self.items) == 1 else f"{len(self.items)} problemen"
            raise WarmeStadError(f"{self.path}: {count} gevonden; er is niets ingelezen.", self.items)


def _cells_to_text(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _read_spreadsheet(path: Path, sheet: str | None) -> tuple[list[list[Any]], list[str]]:
    import openpyxl  # only when a spreadsheet is read: keeps the core light

    try:
        # Not read-only: merged cells and formulas must be visible to be reported.
        book = openpyxl.load_workbook(path, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise WarmeStadError(
            f"{path}: dit is geen geldig Excel-bestand (.xlsx). Bewaar het in Excel als "
            "'Excel-werkmap (*.xlsx)' of als CSV."
        ) from None
    if sheet is not None and sheet not in book.sheetnames:
        raise WarmeStadError(f"{path}: het werkblad '{sheet}' ontbreekt (gevonden: {', '.join(book.sheetnames)}).")
    ws = book[sheet] if sheet else book.worksheets[0]
    notes = [f"de cellen {cells} zijn samengevoegd; maak de samenvoeging ongedaan" for cells in ws.merged_cells.ranges]
    grid = []
    for row in ws.iter_rows():
        values = []
        for cell in row:
            if cell.data_type == "f":
                notes.append(
                    f"cel {cell.coordinate} bevat een formule ({cell.value}); vul de waarde zelf in"
                )
                values.append(None)
            else:
                values.append(_cells_to_text(cell.value))
        grid.append(values)
    book.close()
    return grid, notes


def _read_text(path: Path) -> list[list[Any]]:
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise WarmeStadError(f"{path}: dit is geen tekstbestand (CSV).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's 'CSV' on Windows
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    return [[_cells_to_text(v) for v in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def read_table(
    path: str | Path,
    *,
    required: Sequence[str] = (),
    max_rows: int = 10_000,
    sheet: str | None = None,
) -> tuple[Table, Problems]:
    """Read a CSV or Excel file; columns matched with `column_key`; missing columns stop at once.

    Returns the table and the problems found so far (formulas, merged cells, duplicate
    columns); the caller adds its own per-row problems and calls `raise_if_any()`.
    """
    path = Path(path)
    if not path.is_file():
        raise WarmeStadError(f"{path}: dit bestand bestaat niet.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise WarmeStadError(f"{path}: het bestand is te groot (meer dan {MAX_FILE_BYTES // 1_000_000} MB).")
    suffix = path.suffix.lower()
    problems = Problems(path)
    if suffix in SPREADSHEET_SUFFIXES:
        grid, notes = _read_spreadsheet(path, sheet)
        for note in notes:
            problems.add(None, None, note)
    elif suffix in TEXT_SUFFIXES:
        grid = _read_text(path)
    else:
        raise WarmeStadError(f"{path}: onbekend bestandstype '{suffix}'; gebruik .xlsx of .csv.")
    # Row numbers as the user sees them (1-based), also when empty rows are skipped.
    numbered = [(n, row) for n, row in enumerate(grid, start=1) if any(v is not None for v in row)]
    if not numbered:
        raise WarmeStadError(f"{path}: het bestand is leeg.")
    header_number, header_cells = numbered[0]
    header = [column_key(v) for v in header_cells]
    missing = [c for c in required if c not in header]
    if missing:
        found = ", ".join(h for h in header if h) or "geen"
        raise WarmeStadError(
            f"{path}: de kolom(men) {', '.join(missing)} ontbreken in de eerste rij (gevonden: {found})."
        )
    for name in sorted({h for h in header if h and header.count(h) > 1}):
        problems.add(header_number, name, "deze kolom staat er meer dan eens")
    if len(numbered) - 1 > max_rows:
        raise WarmeStadError(
            f"{path}: het bestand heeft {len(numbered) - 1} rijen; er kunnen er hooguit {max_rows} in één keer "
            "ingelezen worden. Is dit het juiste bestand?"
        )
    rows = []
    for number, cells in numbered[1:]:
        values = {key: cells[i] if i < len(cells) else None for i, key in enumerate(header) if key}
        rows.append(Row(number, values))
    return Table(path, tuple(h for h in header if h), tuple(rows)), problems


# Cell conversions: each returns None and records a problem when the cell is wrong.


def as_text(row: Row, column: str, problems: Problems, *, required: bool = False) -> str | None:
    value = row.get(column)
    if value is None:
        if required:
            problems.add(row.number, column, "mag niet leeg zijn")
        return None
    return str(value).strip()


_NUMBER = re.compile(r"^[-+]?(\d{1,3}([. ]\d{3})+|\d+)?([.,]\d+)?$")


def parse_number(value: Any) -> float | None:
    """12.5, '12,5', '1.234,5', '12,5 %' -> float; None when not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace("\u00a0", " ").rstrip("%").strip()
    if not text or not _NUMBER.match(text):
        return None
    if "," in text:  # Dutch: comma for decimals, dot or space for thousands
        text = text.replace(".", "").replace(" ", "").replace(",", ".")
    elif re.search(r"\d[. ]\d{3}[. ]\d{3}", text) or " " in text:
        text = text.replace(".", "").replace(" ", "")
    return float(text)


def as_number(
    row: Row,
    column: str,
    problems: Problems,
    *,
    required: bool = False,
    minimum: float | None = None,
    maximum: float | None = None,
) -> float | None:
    value = row.get(column)
    if value is None:
        if required:
            problems.add(row.number, column, "mag niet leeg zijn")
        return None
    number = parse_number(value)
    if number is None:
        problems.add(row.number, column, f"'{value}' is geen getal")
        return None
    if minimum is not None and number < minimum:
        problems.add(row.number, column, f"{value} is kleiner dan {minimum:g}")
        return None
    if maximum is not None and number > maximum:
        problems.add(row.number, column, f"{value} is groter dan {maximum:g}")
        return None
    return number


def as_date(row: Row, column: str, problems: Problems, *, required: bool = False) -> date | None:
    value = row.get(column)
    if value is None:
        if required:
            problems.add(row.number, column, "mag niet leeg zijn")
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(str(value).strip(), pattern).date()
        except ValueError:
            continue
    problems.add(row.number, column, f"'{value}' is geen datum (gebruik JJJJ-MM-DD of DD/MM/JJJJ)")
    return None


def as_list(row: Row, column: str) -> list[str]:
    """'1, 4; 6' -> ['1', '4', '6']: several values in one cell."""
    value = row.get(column)
    if value is None:
        return []
    return [part.strip() for part in re.split(r"[,;/]", str(value)) if part.strip()]
