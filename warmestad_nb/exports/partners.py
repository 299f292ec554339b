"""The partner list as an Excel file: export to fill in outside the session, import with a report per row.

Import rules: every row is checked (name, sector, organisation type, e-mail, engagement,
pillars, age groups); while any row is wrong nothing is imported, unless the caller asks
for the good rows only (`skip_bad_rows=True`), which then reports what it skipped. Rows
update the partner with the same code (or, without a code, the same organisation name);
other rows become new partners. Partners missing from the file are kept: removing is done
in the notebook, where actions that still use a partner are checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from pydantic import ValidationError

from .. import reference, vocab
from ..errors import WarmeStadError
from ..ids import new_id
from ..model import Partner, Plan
from ..edits.partners import find_by_name
from ..tables import Problems, Row, as_list, as_text, column_key, parse_number, read_table
from ..validation import field_messages
from .workbook import HEADER_FILL, add_dropdown, to_bytes, write_cell, write_table

MAX_ROWS = 1000  # far more than any municipality's partner list; a bigger file is the wrong file
SHEET = "Partners"


@dataclass(frozen=True)
class Column:
    header: str
    field: str  # Partner field, or "id" for the code column
    width: float
    help: str
    required: bool = False

    @property
    def key(self) -> str:
        return column_key(self.header)


COLUMNS = (
    Column("Organisatie", "organisatie", 38, "Naam van de organisatie of dienst.", required=True),
    Column("Sector", "sector", 22, "Kies uit de lijst (kolom Sectoren hiernaast); de code mag ook.", required=True),
    Column("Organisatietype", "type", 34, "Kies uit de lijst (kolom Organisatietypes); mag leeg blijven. "
           "Het type moet bij de sector passen."),
    Column("Contactpersoon", "contactpersoon", 24, "Naam van de contactpersoon."),
    Column("E-mail", "email", 30, "E-mailadres van de contactpersoon."),
    Column("Telefoon", "telefoon", 16, "Telefoonnummer."),
    Column("Rol in het project", "rol", 40, "Wat de partner doet of kan doen in het project."),
    Column("Betrokkenheid", "betrokkenheid", 22, "Kies uit de lijst; leeg betekent geïnformeerd."),
    Column("Pijlers", "pijlers", 12, "Nummers van de pijlers (1 tot 8) die de partner bereikt, gescheiden door "
           "komma's, bv. 4, 6."),
    Column("Leeftijdsgroepen", "leeftijdsgroepen", 20, "Leeftijdsgroepen die de partner bereikt, gescheiden door "
           "komma's, bv. 6-12, 12-18."),
    Column("Code", "id", 26, "Code van de partner in het plan. Niet aanpassen; laat leeg bij een nieuwe partner."),
)
_BY_FIELD = {c.field: c for c in COLUMNS}
REQUIRED = tuple(c.key for c in COLUMNS if c.required)


# ------------------------------------------------------------------------------------ names


def _fold(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _index(pairs) -> dict[str, str]:
    """Folded spelling -> code, for every accepted spelling (code, Dutch name, name without its note)."""
    index: dict[str, str] = {}
    for code, name in pairs:
        for spelling in (code, name, name.split(" (")[0]):
            index.setdefault(_fold(spelling), code)
    return index


def _names():
    sectors = _index((s.id, s.naam) for s in reference.sectors())
    types = _index((t.id, t.naam) for t in reference.organisation_types())
    levels = _index(vocab.ENGAGEMENT_LEVELS.items())
    ages = _index(vocab.AGE_GROUPS.items())
    return sectors, types, levels, ages


# ------------------------------------------------------------------------------------ export


def _row(partner: Partner) -> list[Any]:
    sectors = reference.lookup("sectoren")
    types = reference.lookup("organisatietypes")
    return [
        partner.organisatie,
        sectors[partner.sector].naam,
        types[partner.type].naam if partner.type else None,
        partner.contactpersoon or None,
        partner.email or None,
        partner.telefoon or None,
        partner.rol or None,
        vocab.ENGAGEMENT_LEVELS[partner.betrokkenheid],
        ", ".join(str(p) for p in sorted(partner.pijlers)) or None,
        ", ".join(a for a in vocab.AGE_GROUPS if a in partner.leeftijdsgroepen) or None,
        partner.id,
    ]


def _explanation_sheet(book: Workbook) -> dict[str, str]:
    """The second sheet: what each column means and the valid values; returns the list ranges."""
    ws = book.create_sheet("Uitleg")
    ws["A1"] = "Zo vult u de partnerlijst in"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = ("Eén rij per organisatie. Verplicht: Organisatie en Sector. Bij Sector, Organisatietype en "
                "Betrokkenheid kiest u uit de lijst; de geldige waarden staan hieronder en rechts.")
    rows = [[c.header, c.help, "ja" if c.required else "nee"] for c in COLUMNS]
    write_table(ws, ["Kolom", "Wat vult u in?", "Verplicht"], rows, [20, 90, 10], first_row=4)
    ws.freeze_panes = None
    ws.auto_filter.ref = None
    lists = {
        "Sectoren": [s.naam for s in reference.sectors()],
        "Organisatietypes": [t.naam for t in reference.organisation_types()],
        "Sector van het type": [reference.lookup("sectoren")[t.sector].naam for t in reference.organisation_types()],
        "Betrokkenheid": list(vocab.ENGAGEMENT_LEVELS.values()),
        "Pijlers": [f"{p.nummer}. {p.kort}" for p in reference.pillars()],
        "Leeftijdsgroepen": list(vocab.AGE_GROUPS),
    }
    ranges = {}
    top = 4  # the lists start beside the column table, below the introduction
    for offset, (title, values) in enumerate(lists.items()):
        col = 5 + offset  # columns E, F, ...
        letter = ws.cell(top, col).column_letter
        write_cell(ws, top, col, title).font = Font(bold=True)
        ws.cell(top, col).fill = HEADER_FILL
        for row, value in enumerate(values, start=top + 1):
            write_cell(ws, row, col, value)
        ws.column_dimensions[letter].width = max(14, min(48, max(len(v) for v in values) + 2))
        ranges[title] = f"=Uitleg!${letter}${top + 1}:${letter}${top + len(values)}"
    return ranges


def partners_workbook(plan: Plan, blank_rows: int = 200) -> bytes:
    """The partner list as .xlsx: sheet Partners (with dropdowns) and sheet Uitleg."""
    book = Workbook()
    ws = book.active
    ws.title = SHEET
    rows = [_row(p) for p in plan.partners]
    text_columns = [i for i, c in enumerate(COLUMNS, start=1) if c.field in ("pijlers", "leeftijdsgroepen", "telefoon")]
    write_table(ws, [c.header for c in COLUMNS], rows, [c.width for c in COLUMNS], text_columns=text_columns,
                blank_rows=blank_rows)
    ranges = _explanation_sheet(book)
    last = len(rows) + 1 + blank_rows
    for fieldname, source, what in (("sector", "Sectoren", "sector"), ("type", "Organisatietypes", "organisatietype"),
                                    ("betrokkenheid", "Betrokkenheid", "betrokkenheid")):
        column = COLUMNS.index(_BY_FIELD[fieldname]) + 1
        add_dropdown(ws, column, 2, last, ranges[source], what)
    book.properties.title = f"Partners Warme Gemeente {plan.gemeente.naam}"
    return to_bytes(book)


# ------------------------------------------------------------------------------------ import


@dataclass
class ImportRow:
    number: int
    values: dict[str, Any]  # Partner fields present in the file
    code: str | None


@dataclass
class PartnerFile:
    """A partner file read and checked: the good rows, and the problems of the others."""

    path: Path
    rows: list[ImportRow]
    problems: Problems
    total: int  # data rows in the file

    @property
    def bad_rows(self) -> list[int]:
        return sorted(self.problems.rows)


@dataclass
class ImportResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)  # problems of rows left out

    def summary(self) -> str:
        text = (f"{len(self.added)} partner(s) toegevoegd, {len(self.updated)} bijgewerkt, "
                f"{self.unchanged} ongewijzigd.")
        if self.skipped:
            text += f" {len(self.skipped)} probleem/problemen: die rijen zijn overgeslagen."
        return text


def _cell_text(row: Row, column: Column, problems: Problems) -> str | None:
    value = row.get(column.key)
    if isinstance(value, (datetime, date)):
        problems.add(row.number, column.header, f"Excel heeft deze cel als datum gelezen ({value:%d-%m-%Y}); "
                     "zet de kolom op 'Tekst' en typ de waarde opnieuw")
        return None
    if value is None and column.required:
        problems.add(row.number, column.header, "mag niet leeg zijn")  # named as the user sees the column
        return None
    return as_text(row, column.key, problems)


def _lookup(row: Row, column: Column, problems: Problems, index: dict[str, str], hint: str) -> str | None:
    text = _cell_text(row, column, problems)
    if text is None:
        return None
    code = index.get(_fold(text))
    if code is None:
        problems.add(row.number, column.header, f"onbekende waarde '{text}'; {hint}")
    return code


def _pillars(row: Row, column: Column, problems: Problems) -> list[int]:
    if isinstance(row.get(column.key), (datetime, date)):
        _cell_text(row, column, problems)
        return []
    result = []
    for part in as_list(row, column.key):
        number = parse_number(part)
        if number is None or number != int(number) or not 1 <= number <= 8:
            problems.add(row.number, column.header, f"'{part}' is geen pijler (gebruik de nummers 1 tot 8)")
        else:
            result.append(int(number))
    return sorted(set(result))


def _ages(row: Row, column: Column, problems: Problems, index: dict[str, str]) -> list[str]:
    if _cell_text(row, column, problems) is None:
        return []
    result = []
    for part in as_list(row, column.key):
        code = index.get(_fold(part))
        if code is None:
            problems.add(row.number, column.header,
                         f"'{part}' is geen leeftijdsgroep (kies uit {', '.join(vocab.AGE_GROUPS)})")
        else:
            result.append(code)
    return [a for a in vocab.AGE_GROUPS if a in result]


def _row_values(row: Row, present: set[str], problems: Problems, names) -> tuple[dict[str, Any], str | None]:
    sectors, types, levels, ages = names
    values: dict[str, Any] = {}
    for column in COLUMNS:
        if column.key not in present or column.field == "id":
            continue
        if column.field == "sector":
            values["sector"] = _lookup(row, column, problems, sectors, "kies een sector uit de lijst op het "
                                       "werkblad Uitleg")
        elif column.field == "type":
            values["type"] = _lookup(row, column, problems, types, "kies een type uit de lijst op het werkblad "
                                     "Uitleg")
        elif column.field == "betrokkenheid":
            values["betrokkenheid"] = _lookup(row, column, problems, levels, "kies uit "
                                              + ", ".join(vocab.ENGAGEMENT_LEVELS.values())) or "geinformeerd"
        elif column.field == "pijlers":
            values["pijlers"] = _pillars(row, column, problems)
        elif column.field == "leeftijdsgroepen":
            values["leeftijdsgroepen"] = _ages(row, column, problems, ages)
        else:
            values[column.field] = _cell_text(row, column, problems) or ""
    type_code, sector_code = values.get("type"), values.get("sector")
    if type_code and sector_code and reference.lookup("organisatietypes")[type_code].sector != sector_code:
        type_sector = reference.lookup("sectoren")[reference.lookup("organisatietypes")[type_code].sector].naam
        problems.add(row.number, _BY_FIELD["type"].header,
                     f"het type hoort bij de sector {type_sector}, niet bij "
                     f"{reference.lookup('sectoren')[sector_code].naam}")
    code = as_text(row, _BY_FIELD["id"].key, problems) if _BY_FIELD["id"].key in present else None
    return values, code


def _target(plan: Plan, values: dict[str, Any], code: str | None) -> Partner | None:
    """The partner a row updates: same code, else (without a code) same organisation name."""
    if code:
        return next((p for p in plan.partners if p.id == code), None)
    return find_by_name(plan, values.get("organisatie") or "")


def _check_partner(row: Row, problems: Problems, plan: Plan, values: dict[str, Any], code: str | None) -> None:
    """Let the schema judge the row as a whole (e-mail, lengths, a new code), with the column named."""
    existing = _target(plan, values, code)
    base = existing.model_dump() if existing else {"id": code or "nieuw"}
    try:
        Partner.model_validate({**base, **values})
    except ValidationError as exc:
        for fieldname, text in field_messages(exc):
            column = _BY_FIELD.get(fieldname)
            problems.add(row.number, column.header if column else fieldname, text)
    other = find_by_name(plan, values.get("organisatie") or "")
    if other is not None and (existing is None or other.id != existing.id):
        problems.add(row.number, _BY_FIELD["organisatie"].header,
                     f"deze organisatie staat al in het plan met de code '{other.id}'")


def read_partner_file(path: str | Path, plan: Plan) -> PartnerFile:
    """Read and check every row; raises WarmeStadError only when the file as a whole is unusable."""
    table, problems = read_table(path, required=REQUIRED, max_rows=MAX_ROWS)
    names = _names()
    present = set(table.columns)
    rows: list[ImportRow] = []
    seen: dict[tuple[str, str], int] = {}
    for row in table.rows:
        before = len(problems)
        values, code = _row_values(row, present, problems, names)
        if len(problems) == before:
            _check_partner(row, problems, plan, values, code)
        for column, key in ((_BY_FIELD["organisatie"], _fold(values.get("organisatie") or "")),
                            (_BY_FIELD["id"], code or "")):
            if key and (column.header, key) in seen:
                problems.add(row.number, column.header, f"staat al in rij {seen[column.header, key]}")
            elif key:
                seen[column.header, key] = row.number
        rows.append(ImportRow(row.number, values, code))
    # Also leaves out rows with a formula or a merged cell, found while reading.
    good = [r for r in rows if r.number not in problems.rows]
    return PartnerFile(Path(path), good, problems, len(table.rows))


def apply_rows(plan: Plan, rows: list[ImportRow]) -> ImportResult:
    """Update or add the partners of checked rows (in place)."""
    result = ImportResult()
    for row in rows:
        existing = _target(plan, row.values, row.code)
        if existing is None:
            partner_id = row.code or new_id([p.id for p in plan.partners], row.values["organisatie"])
            plan.partners.append(Partner(id=partner_id, **row.values))
            result.added.append(row.values["organisatie"])
            continue
        before = existing.model_dump()
        # Matched by name (no code): the plan keeps its own spelling of the name.
        values = row.values if row.code else {k: v for k, v in row.values.items() if k != "organisatie"}
        for key, value in values.items():
            if isinstance(value, list) and set(value) == set(getattr(existing, key)):
                continue  # same pillars or ages in another order: keep the plan's order (and file) as it is
            setattr(existing, key, value)
        if existing.model_dump() == before:
            result.unchanged += 1
        else:
            result.updated.append(existing.organisatie)
    return result


def import_partners(plan: Plan, path: str | Path, *, skip_bad_rows: bool = False) -> ImportResult:
    """Import a partner file into `plan` (in place): all rows or nothing, or only the good rows on request."""
    checked = read_partner_file(path, plan)
    problems = checked.problems
    if problems and (not skip_bad_rows or problems.whole_file):
        problems.raise_if_any()
    if not checked.rows:
        if problems:
            problems.raise_if_any()
        raise WarmeStadError(f"{checked.path}: er staan geen partners in het bestand.")
    result = apply_rows(plan, checked.rows)
    result.skipped = list(problems.items)
    return result
