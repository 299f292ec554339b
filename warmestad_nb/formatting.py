"""Numbers, percentages and sources written the Flemish way: 1.855.861 inwoners, 26,9%.

One place for it, so the notebooks, the summaries and the policy plan document write every
figure alike. A missing value is always written as "geen gegeven", never as 0.
"""

from __future__ import annotations

from typing import Iterable

MISSING = "geen gegeven"


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


def join(items: Iterable[str], last: str = "en") -> str:
    """['a', 'b', 'c'] -> 'a, b en c'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def source(src, year_label: str | None = None) -> str:
    """'Bron: Statbel (...), <titel>; 2026.' from a reference.Source (or anything with those fields)."""
    year = year_label or src.jaar
    return f"Bron: {src.uitgever}, {src.titel}; {year}."
