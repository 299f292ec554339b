"""Whether a goal is SMART: what is still missing, in Dutch."""

from __future__ import annotations

from ..model import Doelstelling


def smart_missing(goal: Doelstelling) -> list[str]:
    """The SMART parts a goal still lacks (empty when complete)."""
    missing = []
    if not goal.doelgroep:
        missing.append("een specifieke doelgroep")
    if not goal.indicator or not goal.streefwaarde:
        missing.append("een meetbare indicator met streefwaarde")
    if goal.deadline is None:
        missing.append("een deadline")
    if not goal.eigenaar:
        missing.append("een eigenaar")
    return missing
