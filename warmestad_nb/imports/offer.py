"""The existing offer (bestaand aanbod) from an Excel or CSV list a municipality filled in.

Columns: naam (required), aanbieder, pijlers ("4, 6"), leeftijdsgroepen ("6-12; 12-18"),
strategie and niveau of the gezondheidsmatrix (code or Dutch label). `template` writes an empty
workbook with these columns and the allowed values, to fill in outside the session.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from .. import vocab
from ..errors import WarmeStadError
from ..files import atomic_write
from ..model import Aanbod, Plan
from ..tables import as_list, as_text, read_table
from .common import CappedProblems, ImportResult, build

COLUMNS = ("naam", "aanbieder", "pijlers", "leeftijdsgroepen", "strategie", "niveau")
ALIASES = {"leeftijdsgroepen": ("leeftijdsgroepen", "leeftijdsgroep", "leeftijd", "leeftijden"),
           "pijlers": ("pijlers", "pijler")}


def _code(value: str, codes: dict[str, str]) -> str | None:
    """A code given as code or as its Dutch label, any case."""
    text = value.strip().casefold()
    for code, label in codes.items():
        if text in (code.casefold(), label.casefold()):
            return code
    return None


def _age(value: str) -> str | None:
    return _code(value.replace("jaar", "").replace(" ", "").replace("–", "-"), {c: c for c in vocab.AGE_GROUPS})


def import_offer(path: str | Path, plan: Plan, mode: Literal["toevoegen", "vervangen"] = "toevoegen",
                 sheet: str | None = None, shown_as: str | None = None) -> ImportResult:
    path = Path(path)
    table, base = read_table(path, required=["naam"], sheet=sheet)
    problems = CappedProblems.following(base)
    column = {f: next((a for a in ALIASES.get(f, (f,)) if a in table.columns), f) for f in COLUMNS}
    existing = {a.naam.casefold() for a in plan.omgevingsanalyse.aanbod} if mode == "toevoegen" else set()
    seen: dict[str, int] = {}
    items = []
    for row in table.rows:
        name = as_text(row, "naam", problems, required=True)
        if name is None:
            continue
        if name.casefold() in seen:
            problems.add(row.number, "naam", f"'{name}' staat ook in rij {seen[name.casefold()]}")
            continue
        seen[name.casefold()] = row.number
        if name.casefold() in existing:
            problems.add(row.number, "naam", f"'{name}' staat al in het plan (kies 'vervangen' om de hele lijst "
                                             "te vervangen)")
            continue
        pillars = []
        for part in as_list(row, column["pijlers"]):
            if part.isdigit() and 1 <= int(part) <= 8:
                pillars.append(int(part))
            else:
                problems.add(row.number, column["pijlers"], f"'{part}' is geen pijler (1 tot 8)")
        ages = []
        for part in as_list(row, column["leeftijdsgroepen"]):
            code = _age(part)
            if code is None:
                problems.add(row.number, column["leeftijdsgroepen"],
                             f"'{part}' is geen leeftijdsgroep ({', '.join(vocab.AGE_GROUPS)})")
            else:
                ages.append(code)
        found = {}
        for field, codes in (("strategie", vocab.STRATEGIES), ("niveau", vocab.LEVELS)):
            raw = as_text(row, field, problems)
            found[field] = _code(raw, codes) if raw else None
            if raw and found[field] is None:
                problems.add(row.number, field, f"'{raw}' is geen gekende waarde ({', '.join(codes.values())})")
        item = build(Aanbod, problems, row.number, naam=name, aanbieder=as_text(row, "aanbieder", problems) or "",
                     pijlers=sorted(set(pillars)), leeftijdsgroepen=[a for a in vocab.AGE_GROUPS if a in ages],
                     strategie=found["strategie"], niveau=found["niveau"])
        if item is not None:
            items.append(item)
    problems.raise_if_any()
    if not items:
        raise WarmeStadError(f"{path}: er staat geen enkel initiatief in dit bestand.")
    notes = []
    if mode == "vervangen" and plan.omgevingsanalyse.aanbod:
        notes.append(f"De vorige lijst ({len(plan.omgevingsanalyse.aanbod)} initiatieven) is vervangen.")

    def edit(target: Plan) -> None:
        kept = [] if mode == "vervangen" else list(target.omgevingsanalyse.aanbod)
        target.omgevingsanalyse.aanbod = kept + [i.model_copy() for i in items]

    return ImportResult("initiatieven", shown_as or path.name, len(items), edit, notes)


def template(path: str | Path) -> Path:
    """An empty offer workbook with the columns and, on a second sheet, the allowed values."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Aanbod"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = openpyxl.styles.Font(bold=True)
    help_sheet = book.create_sheet("Toegelaten waarden")
    help_sheet.append(["kolom", "waarden"])
    help_sheet.append(["pijlers", "1 tot 8, gescheiden door komma's (bv. 4, 6)"])
    help_sheet.append(["leeftijdsgroepen", ", ".join(vocab.AGE_GROUPS) + " (gescheiden door ; of ,)"])
    help_sheet.append(["strategie", ", ".join(vocab.STRATEGIES.values())])
    help_sheet.append(["niveau", ", ".join(vocab.LEVELS.values())])
    buffer = io.BytesIO()
    book.save(buffer)
    path = Path(path)
    atomic_write(path, buffer.getvalue())
    return path
