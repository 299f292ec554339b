"""Whether a goal is SMART: what is still missing, in Dutch."""

from __future__ import annotations

from typing import Optional

from ..model import Doelstelling
from .cycle import in_cycle


def smart_missing(goal: Doelstelling, cyclus: Optional[str] = None) -> list[str]:
    """The SMART parts a goal still lacks (empty when complete).

    With the plan's cycle, a deadline outside it is not plausible (a typo such as 2019) and counts
    as missing.
    """
    missing = []
    if not goal.doelgroep:
        missing.append("een specifieke doelgroep")
    if not goal.indicator or not goal.streefwaarde:
        missing.append("een meetbare indicator met streefwaarde")
    if goal.deadline is None:
        missing.append("een deadline")
    elif cyclus and not in_cycle(goal.deadline, cyclus):
        missing.append(f"een deadline binnen het meerjarenplan {cyclus} (nu {goal.deadline:%d-%m-%Y})")
    if not goal.eigenaar:
        missing.append("een eigenaar")
    return missing
