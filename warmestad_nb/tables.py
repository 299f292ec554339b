"""Tables that users bring (Excel, CSV): rows with the row numbers they see, problems in Dutch.

Importers (partners, indicators, meerjarenplan ...) read a file with `read_table`, convert
cells with the `as_*` helpers into a `Problems` collector, and import nothing while
`Problems` holds anything: `problems.raise_if_any()` names every bad row at once.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
import zipfile
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator, Sequence

from .errors import WarmeStadError
from .formatting import number as dutch_number, shorten

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # an .xlsx unpacked: ten times any table the workbook reads
MAX_COLUMNS = 1_000
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
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
    labels: dict[str, str] = field(default_factory=dict)  # column key -> header as the user wrote it


class Problems:
    """Problems found in a user's file, each with its row and column."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.items: list[str] = []
        self.rows: set[int] = set()  # data rows named by a problem (to skip them on request)
        self.whole_file = False  # a problem no single data row explains: nothing can be imported

    def add(
        self, row: int | None, column: str | None, text: str, *, rows: Sequence[int] = (), whole_file: bool = False
    ) -> None:
        """Record a problem; `rows` when it touches more rows than `row` (a merged range)."""
        where = ", ".join(part for part in (f"rij {row}" if row else "", f"kolom {column}" if column else "") if part)
        self.items.append(f"{where}: {text}" if where else text)
        touched = set(rows) or ({row} if row else set())
        self.rows |= touched
        self.whole_file = self.whole_file or whole_file or not touched

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


def _check_archive(path: Path, limit: int) -> None:
    """An .xlsx is a zip: refuse one that unpacks to far more than a table (a sheet of whitespace)."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except Exception:  # not a zip, or a damaged one (zipfile raises several kinds)
        raise _not_excel(path) from None
    if unpacked > limit:
        raise WarmeStadError(
            f"{path}: uitgepakt is dit Excel-bestand {unpacked / 1e6:.0f} MB groot; een tabel om in te lezen is "
            f"hooguit {limit // 1_000_000} MB. Staat er iets anders in dan de tabel?"
        )


def _not_excel(path: Path) -> WarmeStadError:
    return WarmeStadError(
        f"{path}: dit is geen geldig Excel-bestand (.xlsx). Bewaar het in Excel als "
        "'Excel-werkmap (*.xlsx)' of als CSV."
    )


def spreadsheet_rows(
    path: Path, sheet: str | None, notes: list[tuple[range, str]], max_unpacked: int = MAX_UNPACKED_BYTES
) -> Iterator[tuple[int, list]]:
    """(row number, cells) of the rows that hold something, streamed; formulas and merged cells into `notes`.

    Built from openpyxl's parts, not `load_workbook`: even in read-only mode that reads a whole
    sheet to find its size when the file does not state it, and its rows are padded to the sheet's
    width (one cell at XFD1048576 makes a grid of 17 billion cells). The row parser used here
    yields only the cells that exist.
    """
    # Only when a spreadsheet is read: keeps the core light.
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.worksheet._reader import WorkSheetParser
    from openpyxl.worksheet.cell_range import CellRange

    _check_archive(path, max_unpacked)
    try:
        reader = ExcelReader(path, read_only=True, data_only=False)
    except Exception:  # openpyxl's own InvalidFileException too: the file is not an .xlsx
        raise _not_excel(path) from None
    try:
        try:
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)  # which number formats are dates
            sheets = {s.name: rel.target for s, rel in reader.parser.find_sheets()
                      if rel.target in reader.valid_files and "chartsheet" not in rel.Type}
        except Exception:  # a damaged file fails anywhere in zlib, XML or openpyxl: one meaning to the user
            raise _not_excel(path) from None
        if not sheets:
            raise _not_excel(path)
        if sheet is not None and sheet not in sheets:
            raise WarmeStadError(f"{path}: het werkblad '{sheet}' ontbreekt (gevonden: {', '.join(sheets)}).")
        book = reader.wb
        try:
            with reader.archive.open(sheets[sheet] if sheet else next(iter(sheets.values()))) as source:
                parser = WorkSheetParser(source, reader.shared_strings, data_only=False, epoch=book.epoch,
                                         date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
                for number, cells in parser.parse():
                    present = [c for c in cells if c["value"] is not None]
                    if present:
                        yield number, _spreadsheet_row(path, number, present, notes)
                merged = parser.merged_cells.mergeCell if parser.merged_cells else []
            for ref in merged:
                cells = CellRange(ref.ref)
                notes.append((range(cells.min_row, cells.max_row + 1),
                              f"de cellen {cells.coord} zijn samengevoegd; maak de samenvoeging ongedaan"))
        except WarmeStadError:
            raise
        except Exception:  # as above: damage further into the sheet
            raise WarmeStadError(
                f"{path}: dit Excel-bestand is beschadigd; open het in Excel en bewaar het opnieuw."
            ) from None
    finally:
        reader.archive.close()


def _spreadsheet_row(path: Path, number: int, present: list[dict], notes: list[tuple[range, str]]) -> list:
    _check_width(path, number, present[-1]["column"])
    values: list[Any] = [None] * present[-1]["column"]
    for cell in present:
        column = cell["column"]
        if cell["data_type"] == "f":
            text = f"cel {_column_letter(column)}{number} bevat een formule ({shorten(cell['value'])})"
            notes.append((range(number, number + 1), text + "; vul de waarde zelf in"))
        else:
            values[column - 1] = _checked_cell(path, number, column, cell["value"])
    return values


def _delimiter(header: str) -> str:
    """The separator of a CSV file: the candidate that occurs most in its first line, outside quotes.

    csv.Sniffer looks at a fixed number of characters and takes a semicolon file with long
    fields for one column; the header line names the columns, so it holds the separator.
    """
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {d: unquoted.count(d) for d in ";,\t|"}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _text_rows(path: Path) -> Iterator[tuple[int, list]]:
    raw = path.read_bytes()  # at most MAX_FILE_BYTES: checked before
    if b"\x00" in raw:
        raise WarmeStadError(f"{path}: dit is geen tekstbestand (CSV).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's 'CSV' on Windows
    del raw
    first = next((line for line in io.StringIO(text) if line.strip()), "")
    delimiter = _delimiter(first[:MAX_CELL_CHARS])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    for number in itertools.count(1):  # records, as Excel numbers the rows of a CSV
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # named by its line in the file: where a text editor finds it
            raise WarmeStadError(_dutch_csv_error(path, reader.line_num, str(exc), delimiter)) from None
        while cells and not cells[-1].strip():
            cells.pop()
        if cells:
            _check_width(path, number, len(cells))
            yield number, [_checked_cell(path, number, i, v) for i, v in enumerate(cells, start=1)]


def _dutch_csv_error(path: Path, line: int, problem: str, delimiter: str) -> str:
    if "field larger than field limit" in problem:
        what = (f"een veld is langer dan {dutch_number(csv.field_size_limit())} tekens (of een aanhalingsteken "
                "wordt niet gesloten)")
    elif "end of data" in problem or "EOF" in problem:
        what = "een aanhalingsteken wordt niet gesloten: het bestand stopt midden in een veld"
    else:
        what = "de aanhalingstekens kloppen hier niet (een \" midden in een veld?)"
    shown = {"\t": "tab", ";": "puntkomma", ",": "komma", "|": "verticale streep"}[delimiter]
    return (f"{path}, regel {line}: dit is geen geldige CSV: {what}. Scheidingsteken gevonden in de eerste "
            f"regel: {shown}. Bewaar het bestand opnieuw als CSV of als Excel-werkmap.")


def _column_letter(column: int) -> str:
    """'XFD' for column 16384, Excel's last; a column past that (only in a CSV) by its number."""
    from openpyxl.utils.cell import get_column_letter  # imported only when a message needs it

    return get_column_letter(column) if column <= 16_384 else f"nr. {column}"


def _check_width(path: Path, number: int, columns: int) -> None:
    if columns > MAX_COLUMNS:
        raise WarmeStadError(
            f"{path}, rij {number}: er staat iets in kolom {_column_letter(columns)}"
            f"{f' (de {columns}e)' if columns <= 16_384 else ''}; een tabel om in te lezen heeft hooguit "
            f"{MAX_COLUMNS} kolommen. Haal wat buiten de tabel staat weg."
        )


def _checked_cell(path: Path, number: int, column: int, value: Any) -> Any:
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        raise WarmeStadError(
            f"{path}, rij {number}, kolom {_column_letter(column)}: deze cel bevat {dutch_number(len(value))} "
            f"tekens; een cel heeft er hooguit {dutch_number(MAX_CELL_CHARS)} (de grens van Excel)."
        )
    return _cells_to_text(value)


def read_table(
    path: str | Path,
    *,
    required: Sequence[str] = (),
    max_rows: int = 10_000,
    sheet: str | None = None,
) -> tuple[Table, Problems]:
    """Read a CSV or Excel file; columns matched with `column_key`; missing columns stop at once.

    Rows are streamed and checked as they come (columns, cell length, number of rows), so a huge
    or odd file is refused in seconds with little memory. Returns the table and the problems found
    so far (formulas, merged cells, duplicate columns); the caller adds its own per-row problems
    and calls `raise_if_any()`.
    """
    path = Path(path)
    if not path.is_file():
        raise WarmeStadError(f"{path}: dit bestand bestaat niet.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise WarmeStadError(f"{path}: het bestand is te groot (meer dan {MAX_FILE_BYTES // 1_000_000} MB).")
    suffix = path.suffix.lower()
    problems = Problems(path)
    notes: list[tuple[range, str]] = []
    if suffix in SPREADSHEET_SUFFIXES:
        rows = spreadsheet_rows(path, sheet, notes)
    elif suffix in TEXT_SUFFIXES:
        rows = _text_rows(path)
    else:
        raise WarmeStadError(f"{path}: onbekend bestandstype '{suffix}'; gebruik .xlsx of .csv.")
    # Row numbers as the user sees them (1-based), also when empty rows are skipped.
    numbered: list[tuple[int, list]] = []
    data_rows = 0
    counted = max(5 * max_rows, 10_000)  # past this, the exact number of rows is not worth the wait
    with closing(rows):
        for number, cells in rows:
            if not any(v is not None for v in cells):
                continue
            data_rows += bool(numbered)
            if data_rows > counted:
                raise WarmeStadError(
                    f"{path}: het bestand heeft meer dan {counted} rijen; er kunnen er hooguit {max_rows} in één "
                    "keer ingelezen worden. Is dit het juiste bestand?"
                )
            if data_rows <= max_rows:
                numbered.append((number, cells))
    if not numbered:
        raise WarmeStadError(f"{path}: het bestand is leeg.")
    header_number, header_cells = numbered[0]
    for rows_touched, note in notes:
        # A formula or merge in the header (or above it) spoils every row.
        problems.add(rows_touched[0], None, note, rows=rows_touched, whole_file=rows_touched[0] <= header_number)
    header = [column_key(v) for v in header_cells]
    missing = [c for c in required if c not in header]
    if missing:
        found = ", ".join(h for h in header if h) or "geen"
        raise WarmeStadError(
            f"{path}: de kolom(men) {', '.join(missing)} ontbreken in de eerste rij (gevonden: {found}).",
            problems.items,  # e.g. a merged header cell that hides a column
        )
    for name in sorted({h for h in header if h and header.count(h) > 1}):
        problems.add(header_number, name, "deze kolom staat er meer dan eens", whole_file=True)
    if data_rows > max_rows:
        raise WarmeStadError(
            f"{path}: het bestand heeft {data_rows} rijen; er kunnen er hooguit {max_rows} in één keer "
            "ingelezen worden. Is dit het juiste bestand?"
        )
    rows_read = []
    for number, cells in numbered[1:]:
        values = {key: cells[i] if i < len(cells) else None for i, key in enumerate(header) if key}
        rows_read.append(Row(number, values))
    labels = {key: str(cell).strip() for key, cell in zip(header, header_cells) if key}
    return Table(path, tuple(h for h in header if h), tuple(rows_read), labels), problems


# Cell conversions: each returns None and records a problem when the cell is wrong.


def _filled(row: Row, column: str, problems: Problems, required: bool) -> Any:
    """The cell's value; None for an empty cell, which is a problem when the column is required."""
    value = row.get(column)
    if value is None and required:
        problems.add(row.number, column, "mag niet leeg zijn")
    return value


def as_text(row: Row, column: str, problems: Problems, *, required: bool = False) -> str | None:
    value = _filled(row, column, problems, required)
    return None if value is None else str(value).strip()


_NUMBER = re.compile(r"^[-+]?(\d{1,3}([. ]\d{3})+|\d+)?([.,]\d+)?$")


def parse_number(value: Any) -> float | None:
    """12.5, '12,5', '1.234,5', '780.000', '12,5 %' -> float; None when not a number.

    A dot followed by exactly three digits in groups ('780.000', '1.234') is read the
    Flemish way, as thousands; a decimal dot has one, two or more than three digits.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace("\u00a0", " ").rstrip("%").strip()
    if not _NUMBER.match(text) or not any(c.isdigit() for c in text):  # '-' and '+,' match the pattern
        return None
    if "," in text:  # Dutch: comma for decimals, dot or space for thousands
        text = text.replace(".", "").replace(" ", "").replace(",", ".")
    elif re.fullmatch(r"[-+]?[1-9]\d{0,2}([. ]\d{3})+", text):
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
    value = _filled(row, column, problems, required)
    if value is None:
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
    value = _filled(row, column, problems, required)
    if value is None:
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
