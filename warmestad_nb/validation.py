"""Pydantic validation errors as Dutch messages that name the field and the line."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from . import formatting
from .field_labels import label
from .formatting import shorten

_MESSAGES = {
    "missing": "ontbreekt (dit veld is verplicht)",
    "extra_forbidden": "is geen gekend veld (tikfout?)",
    "int_parsing": "moet een geheel getal zijn",
    "int_type": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "float_parsing": "moet een getal zijn",
    "float_type": "moet een getal zijn",
    "finite_number": "moet een eindig getal zijn",
    "string_type": "moet tekst zijn",
    "bool_parsing": "moet waar of onwaar zijn (true / false)",
    "bool_type": "moet waar of onwaar zijn (true / false)",
    "date_parsing": "moet een datum zijn in de vorm JJJJ-MM-DD",
    "date_type": "moet een datum zijn in de vorm JJJJ-MM-DD",
    "date_from_datetime_parsing": "moet een datum zijn in de vorm JJJJ-MM-DD",
    "date_from_datetime_inexact": "moet een datum zijn zonder uur",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een groep velden zijn",
    "model_type": "moet een groep velden zijn",
    "model_attributes_type": "moet een groep velden zijn",
    "string_pattern_mismatch": "mag enkel kleine letters, cijfers en koppeltekens bevatten",
    "string_too_short": "mag niet leeg zijn",
}


YEAR_FIELDS = ("jaar",)  # a year is written 2025, not 2.025


def _number(value: object, year: bool = False) -> str:
    """A number the Flemish way: -500.0 -> '-500', 1e9 -> '1.000.000.000', 2.5 -> '2,5'; a year as 2025."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if year and float(value).is_integer():
        return str(int(value))
    if float(value).is_integer():
        return formatting.number(value)
    decimals = min(len(repr(float(value)).partition(".")[2]), 4)
    return formatting.number(value, decimals)


def _shown(error: dict) -> str:
    """' (nu: ...)': the refused value, where it helps to see it."""
    value = error.get("input")
    if error["type"] == "string_too_long":
        return f" (nu: {len(value)} tekens)"  # never the long text itself
    if value is None or isinstance(value, (dict, list)) or error["type"] in (
            "missing", "value_error", "model_type", "dict_type"):
        return ""
    shown = _number(value, _is_year(error)) if isinstance(value, (int, float)) else shorten(repr(value))
    return f" (nu: {shown})"


def _is_year(error: dict) -> bool:
    return bool(error["loc"]) and error["loc"][-1] in YEAR_FIELDS


def _message(error: dict) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    year = _is_year(error)
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", " of ")
        return f"moet een van deze waarden zijn: {expected}"
    if kind == "greater_than_equal":
        return f"moet {_number(ctx['ge'], year)} of meer zijn"
    if kind == "less_than_equal":
        return f"moet {_number(ctx['le'], year)} of minder zijn"
    if kind == "greater_than":
        return f"moet meer dan {_number(ctx['gt'], year)} zijn"
    if kind == "less_than":
        return f"moet minder dan {_number(ctx['lt'], year)} zijn"
    if kind == "string_too_long":
        return f"is te lang: hooguit {ctx['max_length']} tekens"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"]))
    return _MESSAGES.get(kind, error["msg"])


def _describe_location(loc: tuple, raw: Any) -> tuple[str, int | None]:
    """'acties nr. 3 (Warme William) > budget_eur' and the 1-based YAML line, when known."""
    parts: list[str] = []
    node, line = raw, None
    for key in loc:
        if isinstance(key, int):
            label = f"nr. {key + 1}"
            item = node[key] if isinstance(node, list) and key < len(node) else None
            name = _item_name(item)
            parts.append(f"{label} ({name})" if name else label)
            line = _line_of(node, key, line)
            node = item
        else:
            parts.append(str(key))
            line = _line_of(node, key, line)
            node = node.get(key) if isinstance(node, dict) else None
    return " › ".join(parts) or "(het hele plan)", line


def _item_name(item: Any) -> str:
    if isinstance(item, dict):
        for field in ("titel", "organisatie", "naam", "indicator", "code", "vraag"):
            if isinstance(item.get(field), str):
                return shorten(item[field], 60)
    return ""


def _line_of(node: Any, key: Any, fallback: int | None) -> int | None:
    lc = getattr(node, "lc", None)
    if lc is None:
        return fallback
    try:
        return (lc.item(key) if isinstance(key, int) else lc.key(key))[0] + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return fallback


def dutch_problems(exc: ValidationError, raw: Any = None) -> list[str]:
    """One Dutch line per problem: where it is (line, field) and what is wrong."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if not str(part).startswith("function-"))
        where, line = _describe_location(loc, raw)
        prefix = f"regel {line}, " if line else ""
        for text in _message(error).split("\n"):
            problems.append(f"{prefix}veld {where}: {text}{_shown(error)}")
    return problems


def form_problems(exc: ValidationError) -> list[str]:
    """One Dutch line per problem for someone filling in a form: the field's label, not its key.

    'Budget (EUR): moet 0 of meer zijn (nu: -500)'; the form already shows which item is meant.
    """
    problems = []
    for error in exc.errors(include_url=False):
        names = [part for part in error["loc"] if isinstance(part, str) and not part.startswith("function-")]
        where = f"{label(names[-1])}: " if names else ""
        for text in _message(error).split("\n"):
            problems.append(f"{where}{text}{_shown(error)}")
    return problems


def field_messages(exc: ValidationError) -> list[tuple[str, str]]:
    """(top-level field, Dutch text) per problem: for importers that name the column themselves."""
    return [(str(e["loc"][0]) if e["loc"] else "", _message(e)) for e in exc.errors(include_url=False)]
