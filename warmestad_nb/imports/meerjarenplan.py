"""The municipality's meerjarenplan structure from a spreadsheet or CSV, or typed in item by item.

Accepted shapes (column names are matched whatever their spelling, see `tables.column_key`):
- one column `code` with codes like "BD1 / AP1.1 / AC1.1.1" or "1 / 1.1 / 1.1.1": the level is the
  number of parts, the parent is the code one part shorter;
- one column `code` with a column `niveau` (and optionally `ouder`) for codes of another shape;
- separate columns `beleidsdoelstelling`, `actieplan`, `actie` holding the codes: a row is an item of
  the deepest filled column; its parent is the code one column to the left, or else the last item
  of that level above it.
Further columns: `titel` (or `omschrijving`, `naam`), `prioritair` (ja/nee, x, 1/0), `beleidsveld`
(four digits, from data/beleidsvelden.yaml) and `budget` (Dutch numbers). Every problem is reported
with its row; nothing is imported while there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import reference, vocab
from ..edits.meerjarenplan import propagate_priority
from ..errors import WarmeStadError
from ..model import MJP_DEPTH, Meerjarenplan, MjpItem, meerjarenplan_item_problems
from ..tables import Problems, Row, as_number, as_text, read_table
from .common import build

LEVELS = tuple(vocab.MJP_LEVELS)  # beleidsdoelstelling, actieplan, actie
TITLE_COLUMNS = ("titel", "omschrijving", "naam")
BUDGET_COLUMNS = ("budget", "budget_eur", "budget_euro", "bedrag")
PRIORITY_COLUMNS = ("prioritair", "prioriteit")
MAX_TITLE = 300

# Letters in front of a code that name its level ("BD1", "AP1.1", "AC1.1.1").
LEVEL_PREFIXES = {
    "bd": "beleidsdoelstelling", "bds": "beleidsdoelstelling", "b": "beleidsdoelstelling",
    "ap": "actieplan",
    "ac": "actie", "a": "actie", "act": "actie",
}
LEVEL_WORDS = {**LEVEL_PREFIXES, **{level: level for level in LEVELS}, "beleidsdoel": "beleidsdoelstelling"}
_CODE = re.compile(r"^([A-Za-z]*)\s*\.?\s*(\d+(?:\.\d+)*)$")

# "een onbekende beleidsdoelstelling", "een onbekend actieplan"
UNKNOWN = {"beleidsdoelstelling": "onbekende beleidsdoelstelling", "actieplan": "onbekend actieplan",
           "actie": "onbekende actie"}
PLURALS = {"beleidsdoelstelling": "beleidsdoelstellingen", "actieplan": "actieplannen", "actie": "acties"}

YES = {"ja", "j", "x", "1", "waar", "true", "yes", "prioritair", "y"}
NO = {"nee", "n", "0", "onwaar", "false", "no", "niet prioritair"}


@dataclass
class _Draft:
    row: int
    code: str
    niveau: str
    ouder: str | None
    titel: str
    prioritair: bool = False
    beleidsveld: str | None = None
    budget_eur: float | None = None
    made_priority: bool = field(default=False)


@dataclass(frozen=True)
class ImportResult:
    meerjarenplan: Meerjarenplan
    notes: tuple[str, ...]  # Dutch lines: what was read, what was adjusted

    def summary(self) -> str:
        return "\n".join(self.notes)


def _first_column(columns: tuple[str, ...], names: tuple[str, ...]) -> str | None:
    return next((c for c in names if c in columns), None)


def parse_code(code: str) -> tuple[str, tuple[str, ...]] | None:
    """'AP1.1' -> ('AP', ('1', '1')); None when the code has no recognisable number part."""
    match = _CODE.match(code.strip())
    if not match:
        return None
    return match.group(1), tuple(match.group(2).split("."))


def level_from_code(code: str) -> tuple[str | None, str | None]:
    """(level, problem) for a code like BD1, AP1.1, AC1.1.1 or 1, 1.1, 1.1.1."""
    parsed = parse_code(code)
    if parsed is None:
        return None, (f"de code '{code}' volgt geen gekend patroon (zoals BD1, AP1.1, AC1.1.1 of 1, 1.1, "
                      "1.1.1); voeg anders een kolom niveau toe")
    prefix, parts = parsed
    if len(parts) > len(LEVELS):
        return None, f"de code '{code}' heeft meer dan drie niveaus"
    level = LEVELS[len(parts) - 1]
    hinted = LEVEL_PREFIXES.get(prefix.lower())
    if prefix and hinted and hinted != level:
        return None, (f"de code '{code}' begint met '{prefix}' ({vocab.MJP_LEVELS[hinted]}) maar heeft "
                      f"{len(parts)} delen (een {vocab.MJP_LEVELS[level]})")
    return level, None


def parse_priority(row: Row, column: str | None, problems: Problems) -> bool:
    value = as_text(row, column, problems) if column else None
    if value is None:
        return False
    text = value.strip().lower()
    if text in YES:
        return True
    if text in NO:
        return False
    problems.add(row.number, column, f"'{value}' is geen ja of nee (gebruik ja/nee, x of 1/0)")
    return False


def parse_field(value: object) -> tuple[str | None, str | None]:
    """(beleidsveld code, problem): '0985', 985, '0985 Gezondheidspromotie'."""
    if value is None:
        return None, None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:04d}" if isinstance(value, int) and not isinstance(value, bool) else str(value).strip()
    match = re.match(r"^(\d{3,4})\b", text)
    if not match:
        return None, f"'{value}' is geen beleidsveld (vier cijfers, zoals 0985)"
    code = match.group(1).zfill(4)
    if code not in reference.lookup("beleidsvelden"):
        return None, (f"beleidsveld {code} staat niet in de lijst van het werkboek (data/beleidsvelden.yaml); "
                      "laat het leeg of kies een beleidsveld uit die lijst")
    return code, None


def _parent_by_number(code: str, level: str, by_number: dict[tuple[str, tuple[str, ...]], str]) -> str | None:
    parsed = parse_code(code)
    if parsed is None or len(parsed[1]) < 2:
        return None
    parent_level = LEVELS[MJP_DEPTH[level] - 1]
    return by_number.get((parent_level, parsed[1][:-1]))


def _drafts_from_code_column(table, cols: dict, problems: Problems) -> list[_Draft]:
    drafts = []
    for row in table.rows:
        code = as_text(row, "code", problems, required=True)
        if code is None:
            continue
        if cols["niveau"]:
            raw = as_text(row, cols["niveau"], problems, required=True)
            level = LEVEL_WORDS.get((raw or "").strip().lower())
            if raw and level is None:
                problems.add(row.number, cols["niveau"],
                             f"'{raw}' is geen niveau (beleidsdoelstelling, actieplan of actie)")
            parent = as_text(row, "ouder", problems) if cols["ouder"] else None
        else:
            level, problem = level_from_code(code)
            if problem:
                problems.add(row.number, "code", problem)
            parent = None
        if level is None:
            continue
        drafts.append(_Draft(row.number, code, level, parent, ""))
    # Parents from the numbers in the codes ("AC1.1.1" hangs under the actieplan numbered 1.1).
    by_number = {}
    for d in drafts:
        parsed = parse_code(d.code)
        if parsed:
            by_number.setdefault((d.niveau, parsed[1]), d.code)
    for d in drafts:
        if d.ouder is None and d.niveau != LEVELS[0]:
            d.ouder = _parent_by_number(d.code, d.niveau, by_number)
            if d.ouder is None:
                expected = LEVELS[MJP_DEPTH[d.niveau] - 1]
                parsed = parse_code(d.code)
                if parsed and len(parsed[1]) > 1:
                    where = f"een {UNKNOWN[expected]} (nummer {'.'.join(parsed[1][:-1])} staat niet in het bestand)"
                else:
                    where = f"geen {expected}; zeg in een kolom ouder waaronder het hangt"
                problems.add(d.row, "code", f"{vocab.MJP_LEVELS[d.niveau]} {d.code} hangt onder {where}")
                d.ouder = ""  # reported; keeps the hierarchy check from reporting it again
    return drafts


def _drafts_from_level_columns(table, problems: Problems) -> list[_Draft]:
    drafts = []
    last: dict[str, str] = {}  # level -> last code seen (for files that fill in the parent only once)
    for row in table.rows:
        codes = [as_text(row, level, problems) for level in LEVELS]
        filled = [i for i, c in enumerate(codes) if c]
        if not filled:
            problems.add(row.number, None, "geen code in de kolommen beleidsdoelstelling, actieplan of actie")
            continue
        depth = filled[-1]
        level, code = LEVELS[depth], codes[depth]
        parent = None
        if depth > 0:
            parent = codes[depth - 1] or last.get(LEVELS[depth - 1])
            if parent is None:
                expected = vocab.MJP_LEVELS[LEVELS[depth - 1]]
                problems.add(row.number, level, f"{vocab.MJP_LEVELS[level]} {code} staat onder geen {expected}")
                parent = ""
        # A new policy goal closes the action plan above it.
        for deeper in LEVELS[depth:]:
            last.pop(deeper, None)
        last[level] = code
        drafts.append(_Draft(row.number, code, level, parent, ""))
    return drafts


def _fill_values(drafts: list[_Draft], table, cols: dict, problems: Problems, notes: list[str]) -> None:
    rows = {r.number: r for r in table.rows}
    for d in drafts:
        row = rows[d.row]
        d.titel = as_text(row, cols["titel"], problems) or ""
        if not d.titel:
            problems.add(d.row, cols["titel"], f"de titel van {d.code} ontbreekt")
        elif len(d.titel) > MAX_TITLE:
            problems.add(d.row, cols["titel"], f"de titel is langer dan {MAX_TITLE} tekens")
        d.prioritair = parse_priority(row, cols["prioritair"], problems)
        if cols["beleidsveld"]:
            raw = row.get(cols["beleidsveld"])
            d.beleidsveld, problem = parse_field(raw)
            if problem:
                problems.add(d.row, cols["beleidsveld"], problem)
            elif raw is not None and str(raw).strip().zfill(4)[:4] != d.beleidsveld:
                notes.append(f"rij {d.row}: beleidsveld {raw} gelezen als {d.beleidsveld}")
        if cols["budget"]:
            d.budget_eur = as_number(row, cols["budget"], problems, minimum=0, maximum=1e9)


def _check_hierarchy(drafts: list[_Draft], problems: Problems, notes: list[str]) -> None:
    """Duplicate codes, and the model's hierarchy rules, reported by row."""
    first: dict[str, _Draft] = {}
    for d in drafts:
        if d.code in first:
            problems.add(d.row, None, f"de code {d.code} staat ook al op rij {first[d.code].row}")
        else:
            first[d.code] = d
    unique = list(first.values())
    notes += propagate_priority(unique)
    for index, problem in meerjarenplan_item_problems(unique):
        if unique[index].ouder != "":  # "" marks a parent problem that is reported already
            problems.add(unique[index].row, None, problem)


def _columns(table) -> dict:
    cols = {
        "titel": _first_column(table.columns, TITLE_COLUMNS),
        "prioritair": _first_column(table.columns, PRIORITY_COLUMNS),
        "beleidsveld": "beleidsveld" if "beleidsveld" in table.columns else None,
        "budget": _first_column(table.columns, BUDGET_COLUMNS),
        "niveau": _first_column(table.columns, ("niveau", "type")),
        "ouder": "ouder" if "ouder" in table.columns else None,
    }
    has_code = "code" in table.columns
    has_levels = all(level in table.columns for level in LEVELS)
    if not cols["titel"] or not (has_code or has_levels):
        found = ", ".join(table.columns) or "geen"
        raise WarmeStadError(
            f"{table.path}: de eerste rij moet een kolom titel hebben en een kolom code (of de kolommen "
            f"beleidsdoelstelling, actieplan en actie); gevonden: {found}."
        )
    if cols["ouder"] and not cols["niveau"]:
        raise WarmeStadError(f"{table.path}: een kolom ouder werkt enkel samen met een kolom niveau.")
    cols["shape"] = "code" if has_code else "levels"
    return cols


def read_meerjarenplan(path: str | Path, cyclus: str, sheet: str | None = None) -> ImportResult:
    """Read a meerjarenplan file; raises WarmeStadError listing every bad row, importing nothing."""
    if cyclus not in vocab.CYCLES:
        raise WarmeStadError(f"Onbekende cyclus '{cyclus}' (kies uit {', '.join(vocab.CYCLES)}).")
    table, problems = read_table(path, sheet=sheet)
    cols = _columns(table)
    if cols["shape"] == "code":
        drafts = _drafts_from_code_column(table, cols, problems)
    else:
        drafts = _drafts_from_level_columns(table, problems)
    notes: list[str] = []
    _fill_values(drafts, table, cols, problems, notes)
    _check_hierarchy(drafts, problems, notes)
    if not drafts and not problems:
        problems.add(None, None, "er staat geen enkel item van het meerjarenplan in")
    problems.items.sort(key=_row_number)
    problems.raise_if_any()
    items = [build(MjpItem, problems, d.row, code=d.code, titel=d.titel, niveau=d.niveau, ouder=d.ouder or None,
                   prioritair=d.prioritair, beleidsveld=d.beleidsveld, budget_eur=d.budget_eur)
             for d in drafts]
    problems.raise_if_any()  # what only the schema refuses (a text over its limit)
    summary = (f"{len(items)} items ingelezen uit {Path(path).name} voor het meerjarenplan {cyclus}: "
               f"{count_levels(items)} ({sum(i.prioritair for i in items)} prioritair).")
    return ImportResult(Meerjarenplan(cyclus=cyclus, items=items), (summary, *notes))


def _row_number(problem: str) -> int:
    match = re.match(r"rij (\d+)", problem)
    return int(match.group(1)) if match else 0


def count_levels(items: list[MjpItem]) -> str:
    """'2 beleidsdoelstellingen, 1 actieplan, 5 acties'."""
    parts = []
    for level in LEVELS:
        n = sum(i.niveau == level for i in items)
        parts.append(f"{n} {level if n == 1 else PLURALS[level]}")
    return ", ".join(parts)
