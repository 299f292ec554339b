"""Children and young people: the channels that inform them."""

from __future__ import annotations

from typing import Any

from ..errors import WarmeStadError
from ..model import Kanaal, Plan


def add_channel(plan: Plan, **values: Any) -> None:
    """Plan a channel to inform children and young people; it must name the age groups it reaches."""
    if not values.get("leeftijdsgroepen"):
        raise WarmeStadError("Kies minstens één leeftijdsgroep die u via dit kanaal bereikt.")
    plan.jongeren.kanalen.append(Kanaal(**values))
