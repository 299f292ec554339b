"""How the workbook writes figures, dates and lists in Dutch (Flemish): one spelling per kind.

The step pages, the summaries, the policy plan document, the regional overview and the batch report
all write through these functions, so every figure reads alike everywhere:

| kind      | spelling                                   | function  |
|-----------|--------------------------------------------|-----------|
| number    | 1.855.861 and 0,41 (point per thousand)    | `number`  |
| percent   | 26,9% (no space before the sign)           | `percent` |
| euro      | € 1.500, or € 1.500,50 with cents; the sign before the amount, as the documents
|           | wrote it most                              | `euro`    |
| date      | 3 maart 2026                               | `day`     |
| month     | maart 2026 (the month written in full)     | `month`   |
| period    | maart 2026 - juni 2027 (? for an open end) | `period`  |
| list      | a, b en c                                  | `join`    |
| count     | 1 actie, 3 acties                          | `count`   |
| aside     | Mila (Muziekacademie Gent [voorbeeld])     | `aside`   |

A missing figure is written "geen gegeven", never 0; a missing date or amount in a table "-".
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable

MISSING = "geen gegeven"
NONE_IN_TABLE = "-"

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")

_NUMBER = r"[-+]?\d[\d.]*(?:,\d+)?%?"
# A figure a line must not break inside: an amount, a date, a month, a range of numbers or years, a
# number with its sign. Only those with a space or hyphen in them (where a line may break).
FIGURE = re.compile(
    rf"€\s{_NUMBER}"
    rf"|\b(?:\d{{1,2}}\s)?(?:{'|'.join(MONTHS)})\s\d{{4}}\b"
    rf"|{_NUMBER}(?:\s?-\s?{_NUMBER})+"
    rf"|{_NUMBER}\s%")


def unbreakable(text: str) -> str:
    """The text with the spaces inside its figures made no-break spaces ("€ 703.500", "3 maart 2026"),
    for documents whose lines are broken by their engine (the PDF), not by a browser's CSS."""
    return FIGURE.sub(lambda found: re.sub(r"\s", "\u00a0", found.group()), str(text))


def number(value: float | int | None, decimals: int = 0) -> str:
    """1855861 -> '1.855.861'; 0.4123 with 2 decimals -> '0,41'; None -> 'geen gegeven'."""
    if value is None:
        return MISSING
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def shorten(text: str, limit: int = 80) -> str:
    """The start of a text for a message: a wrong value can be a whole page."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def percent(value: float | None, decimals: int = 1) -> str:
    """26.903 -> '26,9%' (the value is already a percentage)."""
    return MISSING if value is None else number(value, decimals) + "%"


def share(part: float, whole: float) -> float | None:
    """part as a percentage of whole; None when whole is 0."""
    return None if not whole else 100.0 * part / whole


def value(value: float | None, unit: str = "", decimals: int | None = None) -> str:
    """A value with its unit: '%' -> '18,5%', 'index' -> '1,34', other units after the number."""
    if value is None:
        return MISSING
    if unit == "%":
        return percent(value, 1 if decimals is None else decimals)
    if unit == "index":
        return number(value, 2 if decimals is None else decimals)
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = number(value, decimals)
    return f"{text} {unit}" if unit and unit.lower() != "aantal" else text


def euro(value: float | None) -> str:
    """1500 -> '€ 1.500'; 1500.5 -> '€ 1.500,50'; None -> '-'."""
    if value is None:
        return NONE_IN_TABLE
    return f"€ {number(value, 0 if float(value).is_integer() else 2)}"


def day(value: date | None) -> str:
    """date(2026, 3, 3) -> '3 maart 2026'."""
    return NONE_IN_TABLE if value is None else f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def month(value: date | None) -> str:
    """date(2026, 3, 3) -> 'maart 2026'."""
    return NONE_IN_TABLE if value is None else f"{MONTHS[value.month - 1]} {value.year}"


def period(start: date | None, end: date | None) -> str:
    """'maart 2026 - juni 2027'; an open end is '?'."""
    if start is None and end is None:
        return NONE_IN_TABLE
    return f"{month(start) if start else '?'} - {month(end) if end else '?'}"


def join(items: Iterable[str], last: str = "en") -> str:
    """['a', 'b', 'c'] -> 'a, b en c'; empty items are left out."""
    items = [str(i) for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def count(n: int, singular: str, plural: str) -> str:
    """(1, 'actie', 'acties') -> '1 actie'; (3, ...) -> '3 acties'."""
    return f"{n} {singular if n == 1 else plural}"


def aside(text: str, extra: str | None) -> str:
    """'Mila (Muziekacademie Gent)'. Brackets inside the aside become square ones, as Dutch writes
    brackets within brackets: 'Mila (Muziekacademie Gent [voorbeeld])', never '((...))'."""
    if not extra:
        return text
    return f"{text} ({extra.replace('(', '[').replace(')', ']')})"


def paragraphs(text: str) -> list[str]:
    """A free text from the plan file split into paragraphs at blank lines."""
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def source(src, year_label: str | None = None) -> str:
    """'Bron: Statbel (...), <titel>; 2026.' from a reference.Source (or anything with those fields)."""
    year = year_label or src.jaar
    return f"Bron: {src.uitgever}, {src.titel}; {year}."
