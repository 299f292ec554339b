"""What every import shares: finding municipalities by row, the result, and storing it in the plan.

An import reads and checks the whole file first; only a file without problems gives an
`ImportResult`, whose single `apply` edit is saved through the store (or a PlanSession) in one
atomic write. So a file is imported completely or not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

from pydantic import BaseModel, ValidationError

from .. import reference
from ..errors import WarmeStadError
from ..model import Plan
from ..store import PlanStore
from ..tables import Problems
from ..validation import dutch_problems, field_messages

M = TypeVar("M", bound=BaseModel)


def build(model: type[M], problems: Problems, row: int | None, **values: Any) -> M | None:
    """A model made from one row's values; what the schema refuses (a text over its limit, ...)
    becomes a problem of that row instead of an error nobody catches. None when refused."""
    try:
        return model(**values)
    except ValidationError as exc:
        for column, text in field_messages(exc):
            problems.add(row, column, text)
        return None


MAX_LISTED = 40  # problems listed one by one; a wholly wrong file would otherwise give thousands

FLANDERS = "vlaanderen"
OTHER_AREA = "ander-gebied"
_FLANDERS_NAMES = {"vlaamsgewest", "vlaanderen", "vlaamsgewesttotaal", "vlaamsgewesttot", "totaalvlaamsgewest"}
_AREA_PREFIXES = ("provincie", "arrondissement", "gewest", "belgie", "brusselshoofdstedelijkgewest",
                  "waalsgewest", "logo", "gezondheidsmakers", "eerstelijnszone", "regio")
_AREA_NAMES = {"vlaamsbrabant", "westvlaanderen", "oostvlaanderen", "limburg", "belgie", "brussel"}


def _key(text: str) -> str:
    return reference.name_key(text)  # the same matching as municipality names


@dataclass
class ImportResult:
    """A checked import, ready to be stored: `apply` changes a plan, `summary` says what it does."""

    soort: str  # Dutch: "bevolking", "eigen cijfers", "aanbod", "enquête"
    bestand: str
    aantal: int
    edit: Callable[[Plan], None]
    notes: list[str] = field(default_factory=list)

    def apply(self, plan: Plan) -> None:
        self.edit(plan)

    def summary(self) -> str:
        lines = [f"{self.bestand} is ingelezen ({self.soort}: {self.aantal})."]
        lines += [f"- {n}" for n in self.notes]
        return "\n".join(lines)


def save(plan_path: str | Path, result: ImportResult) -> bool:
    """Store an import in a plan file (atomic, conflict-checked); True when the file changed."""
    store = PlanStore(plan_path)
    plan = store.plan.model_copy(deep=True)
    try:
        result.apply(plan)
    except ValidationError as exc:  # a value given on the command line, e.g. a --bron over its limit
        raise WarmeStadError(f"{plan_path}: er is niets ingelezen:", dutch_problems(exc)) from None
    return store.save(plan)


class CappedProblems(Problems):
    """Problems that list the first MAX_LISTED one by one and count the rest."""

    def __init__(self, path: Path | str):
        super().__init__(path)
        self.extra = 0

    def add(self, row: int | None, column: str | None, text: str, **kwargs) -> None:
        if len(self.items) >= MAX_LISTED:
            self.extra += 1
            return
        super().add(row, column, text, **kwargs)

    @classmethod
    def following(cls, found: Problems) -> "CappedProblems":
        """Continue the problems `read_table` found (merged cells, formulas, double columns)."""
        problems = cls(found.path)
        problems.items = list(found.items)
        problems.rows = set(getattr(found, "rows", ()))
        problems.whole_file = getattr(found, "whole_file", False)
        return problems

    def raise_if_any(self) -> None:
        if self.extra:
            self.items.append(f"... en nog {self.extra} problemen van dezelfde soort")
            self.extra = 0
        super().raise_if_any()


def as_code(value: Any) -> str:
    """A cell holding a NIS code, also when Excel made it a number (2000 -> '02000')."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text.zfill(5) if text.isdigit() and len(text) <= 5 else text


class MunicipalityFinder:
    """Resolves the municipality cell of each row: current or 2024 code or name, or a larger area.

    Rows of municipalities that merged on 1 January 2025 (old code or old name) are mapped to the
    new municipality; each such mapping is noted once in `notes`.
    """

    def __init__(self):
        self._cache: dict[str, tuple[Any, str | None, str | None]] = {}
        self.notes: list[str] = []

    def find(self, cell: Any) -> tuple[Any, str | None, bool]:
        """(Municipality | FLANDERS | OTHER_AREA | None, Dutch problem or None, mapped from a former municipality)."""
        text = as_code(cell)
        if text not in self._cache:
            self._cache[text] = self._resolve(text)
            note = self._cache[text][1]
            if note and note not in self.notes:
                self.notes.append(note)
        found, note, problem = self._cache[text]
        return found, problem, note is not None

    @staticmethod
    def _resolve(text: str) -> tuple[Any, str | None, str | None]:
        if re.fullmatch(r"\d{5}", text) and text.endswith("000"):
            return (FLANDERS if text == "02000" else OTHER_AREA), None, None
        key = _key(text)
        if key in _FLANDERS_NAMES:
            return FLANDERS, None, None
        try:
            municipality, note = reference.find_municipality(text)
        except WarmeStadError as exc:
            if not text.isdigit() and (key.startswith(_AREA_PREFIXES) or key.endswith("provincie")
                                       or key in _AREA_NAMES):
                return OTHER_AREA, None, None
            return None, None, str(exc)
        return municipality, note, None


def merged_in_2025(nis: str) -> bool:
    """True when the municipality took in others (or got a new code) on 1 January 2025."""
    return any(m.nis_2025 == nis for m in reference.mergers())
