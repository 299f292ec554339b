"""The meerjarenplan typed in: items added, renamed and removed; a priority item makes its parents priority."""

from __future__ import annotations

from .. import vocab
from ..errors import WarmeStadError
from ..model import Meerjarenplan, MjpItem, Plan, meerjarenplan_item_problems


def propagate_priority(items: list) -> list[str]:
    """A priority item makes its parents priority (DOMAIN.md); returns what was changed, in Dutch."""
    by_code = {i.code: i for i in items}
    changed = []
    for item in items:
        current, child = by_code.get(item.ouder or ""), item
        while child.prioritair and current is not None and not current.prioritair:
            current.prioritair = True
            changed.append(f"{vocab.MJP_LEVELS[current.niveau]} {current.code} is nu prioritair omdat "
                           f"{vocab.MJP_LEVELS[child.niveau]} {child.code} prioritair is")
            current, child = by_code.get(current.ouder or ""), current
    return changed


def add_item(mjp: Meerjarenplan, item: MjpItem) -> list[str]:
    """Typed entry: add one item (hierarchy checked, parents made priority); returns notes in Dutch."""
    if any(i.code == item.code for i in mjp.items):
        raise WarmeStadError(f"De code {item.code} bestaat al in het meerjarenplan.")
    items = [i.model_copy() for i in mjp.items] + [item.model_copy()]
    notes = propagate_priority(items)
    problems = [p for index, p in meerjarenplan_item_problems(items)]
    if problems:
        raise WarmeStadError(f"{item.code} kan niet toegevoegd worden: {'; '.join(problems)}.")
    mjp.items = items
    return notes


def remove_item(plan: Plan, code: str) -> None:
    """Typed entry: remove an item that has nothing below it and no goal or action linked to it."""
    mjp = plan.meerjarenplan
    if mjp is None or all(i.code != code for i in mjp.items):
        raise WarmeStadError(f"De code {code} staat niet in het meerjarenplan.")
    below = [i.code for i in mjp.items if i.ouder == code]
    if below:
        raise WarmeStadError(f"{code} kan niet weg: eerst {', '.join(below)} verwijderen (die hangen eronder).")
    linked = [s.id for s in [*plan.prioriteiten.doelstellingen, *plan.acties] if code in s.mjp_codes]
    if linked:
        verb = "is" if len(linked) == 1 else "zijn"
        raise WarmeStadError(f"{code} kan niet weg: {', '.join(linked)} {verb} er nog aan gekoppeld.")
    mjp.items = [i for i in mjp.items if i.code != code]


def rename_item(plan: Plan, old: str, new: str) -> None:
    """Typed entry: give an item another code; the items under it and the goals and actions linked to it
    (or that turned it down) follow, so nothing points to the old code."""
    mjp = plan.meerjarenplan
    if mjp is None or all(i.code != old for i in mjp.items):
        raise WarmeStadError(f"De code {old} staat niet in het meerjarenplan.")
    if new != old and any(i.code == new for i in mjp.items):
        raise WarmeStadError(f"De code {new} bestaat al in het meerjarenplan.")
    for item in mjp.items:
        if item.code == old:
            item.code = new
        if item.ouder == old:
            item.ouder = new
    for subject in [*plan.prioriteiten.doelstellingen, *plan.acties]:
        subject.mjp_codes = [new if c == old else c for c in subject.mjp_codes]
        subject.mjp_afgewezen = [new if c == old else c for c in subject.mjp_afgewezen]
