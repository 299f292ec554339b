"""The plan's own figures (omgevingsanalyse.eigen_cijfers): one typed in, or many from an import.

A figure is known by its indicator name and year: importing the same indicator and year again
replaces the old figure (and says so), so a newer export can simply be read in again.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..errors import WarmeStadError
from ..formatting import join
from ..model import EigenCijfer, Plan
from ..tables import parse_number
from ..validation import dutch_problems
from .common import ImportResult

PERCENT_UNITS = {"%", "procent", "percent", "percentage", "pct"}


def is_percent(unit: str) -> bool:
    return unit.strip().lower() in PERCENT_UNITS


def _key(figure: EigenCijfer) -> tuple[str, int]:
    return figure.indicator.casefold(), figure.jaar


def replace_own_figures(plan: Plan, figures: list[EigenCijfer], soort: str, bestand: str,
                        notes: list[str]) -> ImportResult:
    """An ImportResult that adds `figures`, replacing figures of the same indicator and year."""
    keys = {_key(f) for f in figures}
    replaced = [f"{f.indicator} ({f.jaar})" for f in plan.omgevingsanalyse.eigen_cijfers if _key(f) in keys]
    if replaced:
        notes = notes + [f"Vervangen door de nieuwe waarde: {join(replaced)}."]

    def edit(target: Plan) -> None:
        kept = [f for f in target.omgevingsanalyse.eigen_cijfers if _key(f) not in keys]
        target.omgevingsanalyse.eigen_cijfers = kept + [f.model_copy() for f in figures]

    return ImportResult(soort, bestand, len(figures), edit, notes)


def new_own_figure(plan: Plan, indicator: str, jaar: Any, waarde: Any, eenheid: str, bron: str,
                   vlaanderen: Any = None) -> EigenCijfer:
    """One figure typed in by the user, checked: a number, a year, a source, a percentage up to 100."""
    problems = []
    number = parse_number(waarde) if waarde not in (None, "") else None
    if number is None:
        problems.append(f"waarde: '{waarde}' is geen getal" if waarde not in (None, "") else "waarde ontbreekt")
    flemish = None
    if vlaanderen not in (None, ""):
        flemish = parse_number(vlaanderen)
        if flemish is None:
            problems.append(f"Vlaanderen: '{vlaanderen}' is geen getal")
    if is_percent(eenheid or ""):
        for label, v in (("waarde", number), ("Vlaanderen", flemish)):
            if v is not None and not 0 <= v <= 100:
                problems.append(f"{label}: een percentage ligt tussen 0 en 100, niet {v:g}")
    try:
        year = int(str(jaar).strip())
    except ValueError:
        problems.append(f"jaar: '{jaar}' is geen jaartal")
        year = None
    if problems:
        raise WarmeStadError("Het cijfer is niet toegevoegd:", problems)
    try:
        figure = EigenCijfer(indicator=indicator, jaar=year, waarde=number, eenheid=(eenheid or "").strip(),
                             bron=bron, vlaanderen=flemish)
    except ValidationError as exc:
        raise WarmeStadError("Het cijfer is niet toegevoegd:", dutch_problems(exc)) from None
    if any(_key(f) == _key(figure) for f in plan.omgevingsanalyse.eigen_cijfers):
        raise WarmeStadError(f"Het cijfer is niet toegevoegd: '{figure.indicator}' voor {figure.jaar} staat al in "
                             "het plan. Verwijder het eerst als u het wilt vervangen.")
    return figure
