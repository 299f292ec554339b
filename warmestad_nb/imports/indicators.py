"""Indicator tables users export from the Gemeente-Stadsmonitor or Provincies in Cijfers (CSV, Excel).

Two layouts are read:
- wide: a municipality column (NIS code or name), optionally a year column, and one column per
  indicator ("Kansarmoede-index (%)", or with the year in the header: "Kansarmoede-index 2023");
- long: a municipality column and the columns indicator, jaar, waarde (and optionally eenheid).
Rows for "Vlaams Gewest" / "Vlaanderen" (or code 02000) give the Flemish comparison value; other
areas (provinces, arrondissements) are skipped. The plan's municipality's values become own
figures with the source the user names. Every problem in the whole file is listed by row, and
nothing is imported while there is one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import WarmeStadError
from ..formatting import join
from ..model import EigenCijfer, Plan
from ..tables import Row, parse_number, read_table
from .common import (FLANDERS, OTHER_AREA, CappedProblems, ImportResult, MunicipalityFinder, build,
                     merged_in_2025)
from .own import is_percent, replace_own_figures

CODE_COLUMNS = ("nis", "nis_code", "niscode", "nis_gemeente", "refnis", "cd_refnis", "cd_munty_refnis",
                "gemeentecode", "code")
NAME_COLUMNS = ("gemeente", "gemeentenaam", "naam", "gebied", "gebiedsnaam", "tx_descr_nl")
YEAR_COLUMNS = ("jaar", "periode", "year")
INDICATOR_COLUMNS = ("indicator", "onderwerp", "indicatornaam", "naam_indicator")
VALUE_COLUMNS = ("waarde", "value")
UNIT_COLUMNS = ("eenheid", "unit")
# Descriptive columns that are never an indicator.
LABEL_COLUMNS = ("provincie", "arrondissement", "gewest", "regio", "logo", "gezondheidsmakers",
                 "eerstelijnszone", "opmerking", "bron")
MISSING_MARKS = {"-", "–", "—", ".", "n.b.", "nb", "x"}
_TRAILING_YEAR = re.compile(r"^(.*?)[\s_(\[,-]*((?:19|20)\d{2})\s*[)\]]?\s*$")
_TRAILING_UNIT = re.compile(r"^(.*\S)\s*\(([^()]{1,20})\)\s*$")
_PERCENT_WORDS = re.compile(r"\bpct\b|percent|procent|aandeel", re.IGNORECASE)


def _first(columns: tuple[str, ...], candidates: tuple[str, ...]) -> str | None:
    return next((c for c in candidates if c in columns), None)


def _year(value: Any) -> int | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return int(text) if re.fullmatch(r"(19|20)\d{2}", text) else None


def split_header(label: str) -> tuple[str, int | None, str]:
    """'Kansarmoede-index 2023 (%)' -> ('Kansarmoede-index', 2023, '%'): name, year and unit of a column."""
    name, year, unit = label.strip(), None, ""
    for _ in range(2):  # the year and the unit may come in either order
        found = _TRAILING_YEAR.match(name)
        if found and year is None:
            name, year = found.group(1).strip(" -_,"), int(found.group(2))
            continue
        found = _TRAILING_UNIT.match(name)
        if found and not unit:
            name, unit = found.group(1).strip(), found.group(2).strip()
    if unit.casefold() in ("%", "pct", "procent", "percent", "percentage") or "%" in name:
        unit = "%"
    elif not unit and _PERCENT_WORDS.search(name):
        unit = "%"
    return name or label, year, unit


class _Collector:
    """Values per (municipality, indicator, year), with duplicate and merger checks."""

    def __init__(self, nis: str, problems: CappedProblems):
        self.nis = nis
        self.problems = problems
        self.seen: dict[tuple, tuple[int, str]] = {}
        self.conflicts: dict[tuple, set[str]] = {}
        self.own: dict[tuple[str, int], tuple[float, str, bool]] = {}
        self.flemish: dict[tuple[str, int], float] = {}
        self.rows_for_plan = 0

    def add(self, row: int, column: str, target: Any, origin: str, mapped: bool, indicator: str, year: int,
            value: float, unit: str) -> None:
        place = "vlaanderen" if target == FLANDERS else target.nis
        key = (place, indicator.casefold(), year)
        if key in self.seen:
            first_row, first_origin = self.seen[key]
            if first_origin.casefold() == origin.casefold():
                self.problems.add(row, column, f"dubbel: {indicator} voor {year} staat ook al in rij {first_row}")
            else:
                self.conflicts.setdefault(key, {first_origin}).add(origin)
            return
        self.seen[key] = (row, origin)
        if target == FLANDERS:
            self.flemish[(indicator.casefold(), year)] = value
        elif target.nis == self.nis:
            self.own[(indicator, year)] = (value, unit, mapped)


_THOUSANDS_ONLY = re.compile(r"^[-+]?\d{1,3}(\.\d{3})+$")  # "1.450": 1450 in Dutch, 1.45 in English
_COMMA_DECIMAL = re.compile(r"\d,\d")
_DOT_DECIMAL = re.compile(r"^[-+]?\d*\.(\d{1,2}|\d{4,})$")


def decimal_style(cells: list[Any]) -> str | None:
    """'komma' or 'punt' when the file's numbers show which decimal sign it uses, else None."""
    texts = [str(c).strip() for c in cells if isinstance(c, str)]
    if any(_COMMA_DECIMAL.search(t) for t in texts):
        return "komma"
    if any(_DOT_DECIMAL.match(t) for t in texts):
        return "punt"
    return None


def _check_value(raw: Any, row: Row, column: str, is_pct: bool, problems: CappedProblems,
                 style: str | None = None) -> float | None:
    if style == "punt" and isinstance(raw, str) and _THOUSANDS_ONLY.match(raw.strip()):
        # In a file whose other numbers use a decimal point, "1.450" is 1.45; elsewhere the
        # house rule of parse_number holds (a dot before three digits marks thousands).
        raw = float(raw)
    number = parse_number(raw)
    if number is None:
        problems.add(row.number, column, f"'{raw}' is geen getal")
    elif is_pct and number > 100:
        problems.add(row.number, column, f"{raw} is een percentage boven 100")
        return None
    elif is_pct and number < 0:
        problems.add(row.number, column, f"{raw} is een negatief percentage")
        return None
    return number


def import_indicators(path: str | Path, plan: Plan, bron: str, year: int | None = None,
                      sheet: str | None = None, shown_as: str | None = None) -> ImportResult:
    """Check a Stadsmonitor / Provincies in Cijfers export and prepare the plan's own figures."""
    path = Path(path)
    name = shown_as or path.name
    if not (bron or "").strip():
        raise WarmeStadError(f"{name}: geef de bron op (bv. 'Gemeente-Stadsmonitor, export van maart 2026'); "
                             "elk cijfer in het plan draagt zijn bron.")
    table, base_problems = read_table(path, sheet=sheet)
    if not table.rows:
        raise WarmeStadError(f"{path}: er staan geen rijen onder de kopregel; er is niets ingelezen.")
    problems = CappedProblems.following(base_problems)
    columns = table.columns
    code_col, name_col = _first(columns, CODE_COLUMNS), _first(columns, NAME_COLUMNS)
    place_col = code_col or name_col
    if place_col is None:
        raise WarmeStadError(f"{path}: geen kolom met de gemeente gevonden (verwacht bv. 'NIS-code' of 'Gemeente'; "
                             f"gevonden: {', '.join(columns)}).")
    year_col = _first(columns, YEAR_COLUMNS)
    indicator_col, value_col = _first(columns, INDICATOR_COLUMNS), _first(columns, VALUE_COLUMNS)
    unit_col = _first(columns, UNIT_COLUMNS)
    long_format = indicator_col is not None or value_col is not None
    if long_format:
        missing = [c for c, found in (("indicator", indicator_col), ("waarde", value_col), ("jaar", year_col))
                   if found is None]
        if missing:
            raise WarmeStadError(f"{path}: dit lijkt een lange tabel (één rij per indicator), maar de kolom(men) "
                                 f"{', '.join(missing)} ontbreken (gevonden: {', '.join(columns)}).")
        indicator_columns = []
    else:
        meta = {code_col, name_col, year_col, unit_col, *LABEL_COLUMNS}
        indicator_columns = [c for c in columns if c not in meta]
        if not indicator_columns:
            raise WarmeStadError(f"{path}: er staat geen kolom met cijfers in naast de gemeente "
                                 f"(gevonden: {', '.join(columns)}).")
    headers = {}
    for column in indicator_columns:
        label = table.labels.get(column, column)
        indicator, header_year, unit = split_header(label)
        headers[column] = (indicator, header_year, unit)
        if header_year is None and year_col is None and year is None:
            raise WarmeStadError(f"{path}: het jaar ontbreekt: geen kolom 'jaar', geen jaartal in de kolomtitel "
                                 f"'{label}', en er is geen jaar opgegeven.")

    value_columns = [value_col] if long_format else indicator_columns
    style = decimal_style([row.get(c) for row in table.rows for c in value_columns])
    finder = MunicipalityFinder()
    collect = _Collector(plan.gemeente.nis, problems)
    rows_seen: dict[tuple, tuple[int, str]] = {}

    def label(column: str | None) -> str | None:
        return table.labels.get(column, column) if column else None

    for row in table.rows:
        column = code_col if code_col and row.get(code_col) is not None else name_col
        cell = row.get(column) if column else None
        if cell is None:
            problems.add(row.number, label(place_col), "de gemeente ontbreekt")
            continue
        target, problem, mapped = finder.find(cell)
        if problem:
            problems.add(row.number, label(column), problem)
            continue
        if target == OTHER_AREA:
            continue
        # Who the row is about, as written in the file (a former municipality keeps its own name).
        origin = str(cell).strip()
        if column == code_col and name_col and row.get(name_col) is not None:
            origin = f"{row.get(name_col)} ({origin})"
        row_year = None
        if year_col is not None and row.get(year_col) is not None:
            row_year = _year(row.get(year_col))
            if row_year is None:
                problems.add(row.number, label(year_col), f"'{row.get(year_col)}' is geen jaartal")
                continue
        if long_format:
            indicator = row.get(indicator_col)
            if indicator is None:
                problems.add(row.number, label(indicator_col), "de naam van de indicator ontbreekt")
                continue
            name_part, _, unit = split_header(str(indicator))
            row_unit = str(row.get(unit_col) or "").strip() if unit_col else ""
            unit = "%" if is_percent(row_unit) else (row_unit or unit)
            items = [(value_col, name_part, row_year or year, unit)]
        else:
            place = "vlaanderen" if target == FLANDERS else target.nis
            earlier = rows_seen.get((place, row_year))
            if earlier and earlier[1].casefold() == origin.casefold():
                problems.add(row.number, label(column), f"dubbele rij: {cell} staat ook in rij {earlier[0]}")
                continue
            rows_seen.setdefault((place, row_year), (row.number, origin))
            row_unit = str(row.get(unit_col) or "").strip() if unit_col else ""
            items = [(c, headers[c][0], headers[c][1] or row_year or year, headers[c][2] or row_unit)
                     for c in indicator_columns]
        for column, indicator, item_year, unit in items:
            raw = row.get(column)
            if raw is None or str(raw).strip().casefold() in MISSING_MARKS:
                continue
            if item_year is None:
                problems.add(row.number, label(year_col or column), "het jaar ontbreekt")
                continue
            value = _check_value(raw, row, label(column), is_percent(unit), problems, style)
            if value is None:
                continue
            collect.add(row.number, label(column), target, origin, mapped, indicator, item_year, value, unit)
        if target != FLANDERS and target.nis == plan.gemeente.nis:
            collect.rows_for_plan += 1

    for (place, indicator, item_year), origins in collect.conflicts.items():
        if place == plan.gemeente.nis:
            problems.add(None, None, f"voor {plan.gemeente.naam} staan waarden van {join(sorted(origins))} "
                                     f"({indicator}, {item_year}); waarden van de vroegere gemeenten kunnen niet "
                                     "samengeteld worden zonder de aantallen erachter")
    problems.raise_if_any()
    if not collect.rows_for_plan:
        raise WarmeStadError(f"{path}: er staat geen rij voor {plan.gemeente.naam} (NIS {plan.gemeente.nis}) in dit "
                             "bestand; er is niets ingelezen.")
    figures = []
    for (indicator, item_year), (value, unit, mapped) in collect.own.items():
        source = bron.strip()
        if mapped:
            source += "; waarde van de gemeente zoals ze was vóór de fusie van 1 januari 2025"
        figure = build(EigenCijfer, problems, None, indicator=indicator, jaar=item_year, waarde=value, eenheid=unit,
                       bron=source, vlaanderen=collect.flemish.get((indicator.casefold(), item_year)))
        if figure is not None:
            figures.append(figure)
    problems.raise_if_any()
    notes = list(finder.notes[:10])
    if len(finder.notes) > 10:
        notes.append(f"... en nog {len(finder.notes) - 10} gemeenten die op 1 januari 2025 fuseerden.")
    others = {k for k in collect.conflicts if k[0] != plan.gemeente.nis}
    if others:
        notes.append(f"{len(others)} waarden van vroegere gemeenten die samen één nieuwe gemeente vormen, zijn "
                     "niet samengeteld (niet nodig voor dit plan).")
    if merged_in_2025(plan.gemeente.nis) and any(f.jaar < 2025 for f in figures):
        notes.append(f"{plan.gemeente.naam} fuseerde op 1 januari 2025: cijfers van vóór 2025 gaan over de gemeente "
                     "zoals ze toen was.")
    empty = collect.rows_for_plan and not figures
    if empty:
        raise WarmeStadError(f"{path}: de rij van {plan.gemeente.naam} heeft geen enkele waarde (alle cellen leeg); "
                             "er is niets ingelezen.")
    return replace_own_figures(plan, figures, "cijfers", name, notes)
