"""Plausibility of dates against the plan's cycle (meerjarenplan 2020-2025 or 2026-2031)."""

from __future__ import annotations

from datetime import date

from ..model import Plan


def in_cycle(day: date, cyclus: str) -> bool:
    """Whether a date falls within the years of the meerjarenplan ('2026-2031')."""
    first, last = (int(year) for year in cyclus.split("-"))
    return first <= day.year <= last


def action_dates_outside_cycle(plan: Plan) -> list[str]:
    """A Dutch warning per action date outside the cycle: allowed, but usually a typing error."""
    warnings = []
    for action in plan.acties:
        for what, day in (("start", action.start), ("einde", action.einde)):
            if day and not in_cycle(day, plan.cyclus):
                warnings.append(f"De {what} van '{action.titel}' ({day:%d-%m-%Y}) valt buiten het "
                                f"meerjarenplan {plan.cyclus}.")
    return warnings


def plausible_years(cyclus: str) -> tuple[int, int]:
    """The years a date of the plan plausibly falls in: the year before the cycle (when the plan is
    prepared, the kick-off held and the plan adopted) up to the cycle's last year."""
    first, last = (int(year) for year in cyclus.split("-"))
    return first - 1, last


def date_warning(day: date | None, cyclus: str, what: str) -> str:
    """A Dutch warning for a date outside `plausible_years` (usually a typing error), else ""."""
    if day is None:
        return ""
    first, last = plausible_years(cyclus)
    if first <= day.year <= last:
        return ""
    return (f"Let op, {what}: {day:%d-%m-%Y} valt buiten {first}-{last} (het meerjarenplan {cyclus} en "
            "het jaar ervoor). Klopt het jaar?")
