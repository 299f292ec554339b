"""Dutch (Flemish) formatting of numbers, money, dates and lists for the documents."""

from __future__ import annotations

from datetime import date
from typing import Iterable

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def number(value: float, decimals: int = 0) -> str:
    """12345.6 -> '12.345,6' (a point between thousands, a comma for decimals)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(value: float, decimals: int = 1) -> str:
    return f"{number(value, decimals)} %"


def euro(value: float | None) -> str:
    return "-" if value is None else f"€ {number(value)}"


def day(value: date | None) -> str:
    return "-" if value is None else f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def month(value: date | None) -> str:
    return "-" if value is None else f"{MONTHS[value.month - 1][:3]} {value.year}"


def period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "-"
    return f"{month(start) if start else '?'} - {month(end) if end else '?'}"


def join(items: Iterable[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b en c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def paragraphs(text: str) -> list[str]:
    """A free text from the plan file split into paragraphs at blank lines."""
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"
