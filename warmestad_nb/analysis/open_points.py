"""Everything a plan still lacks before the council can adopt it: one Dutch sentence per point.

A draft shows them together in one "Open punten" box; a final version (`--versie definitief`) is
refused while any is open.
"""

from __future__ import annotations

from .. import formatting as fmt
from ..errors import WarmeStadError
from ..model import Plan
from .budget import action_total, counted, cycle_years, reconciliation
from .goals import smart_missing


def open_points(plan: Plan) -> list[str]:
    return [*_vision(plan), *_governance(plan), *_goals(plan), *_actions(plan), *_budget(plan),
            *_reconciliation(plan), *_communication(plan)]


def _unfilled(*parts: tuple[object, str]):
    """The sentence of each (value, sentence) whose value is not filled in."""
    return (sentence for value, sentence in parts if not value)


def _vision(plan: Plan):
    return _unfilled((plan.visie.visie, "De visie van de gemeente ontbreekt."),
                     (plan.visie.missie, "De missie van de gemeente ontbreekt."))


def _governance(plan: Plan):
    bodies = plan.bestuur.organen
    if not bodies:
        yield "Het plan noemt geen stuurgroep of projectgroep."
    for body in bodies:
        if not body.leden:
            yield f"{body.naam}: de leden ontbreken."
    if bodies and not any(body.beslist_over for body in bodies):
        yield "Het plan zegt niet wie waarover beslist (veld 'beslist over' bij de stuurgroep of projectgroep)."


def _goals(plan: Plan):
    goals = plan.prioriteiten.doelstellingen
    if not goals:
        yield "Er zijn nog geen doelstellingen."
    for goal in goals:
        missing = smart_missing(goal, plan.cyclus)
        if missing:
            yield f"Doelstelling '{goal.titel}' is nog niet SMART: ontbreekt {fmt.join(missing)}."
        if not any(goal.id in a.doelstellingen for a in plan.acties):
            yield f"Doelstelling '{goal.titel}' heeft nog geen actie."


def _actions(plan: Plan):
    if not plan.acties:
        yield "Er zijn nog geen acties."
    for action in counted(plan):
        missing = []
        if not action.doelstellingen:
            missing.append("de doelstelling die ze dient")
        if not action.trekker:
            missing.append("een trekker")
        if action.start is None:
            missing.append("een startdatum")
        if action.einde is None:
            missing.append("een einddatum")
        if missing:
            yield f"Actie '{action.titel}': ontbreekt {fmt.join(missing)}."


def _budget(plan: Plan):
    years = cycle_years(plan.cyclus)
    for action in counted(plan):
        if action_total(action) is None:
            yield f"Actie '{action.titel}': het budget ontbreekt."
        elif not action.budget:
            yield f"Actie '{action.titel}': het budget is nog niet over de jaren verdeeld."
        else:
            outside = sorted({line.jaar for line in action.budget if line.jaar not in years})
            if outside:
                yield (f"Actie '{action.titel}': budget in {fmt.join(map(str, outside))}, buiten het "
                       f"meerjarenplan {plan.cyclus}.")
            total = action_total(action)
            if action.budget_eur is not None and abs(action.budget_eur - total) >= 0.5:
                yield (f"Actie '{action.titel}': de jaren tellen op tot {fmt.euro(total)}, het totale "
                       f"budget zegt {fmt.euro(action.budget_eur)}.")


def _reconciliation(plan: Plan):
    for row in reconciliation(plan):
        if row.wijkt_af and not row.item.reden_verschil:
            yield (f"Meerjarenplan {row.item.code}: de gekoppelde acties ({fmt.euro(row.acties_totaal)}) "
                   f"verschillen van het budget in het meerjarenplan ({fmt.euro(row.item.budget_eur)}), "
                   "zonder reden.")


def _communication(plan: Plan):
    return _unfilled((plan.communicatie, "Het communicatieplan ontbreekt."),
                     (plan.jongeren.inspraak,
                      "Het plan zegt niet welke kinderen of jongeren gehoord zijn en wat ze zeiden."))


def refuse_final_with_open_points(path, plan: Plan) -> None:
    """A final version is what the council adopts: refused while anything is open, with the list."""
    points = open_points(plan)
    if points:
        raise WarmeStadError(
            f"{path}: de definitieve versie wordt niet gemaakt, want er "
            f"{'staat nog 1 punt open. Vul het' if len(points) == 1 else f'staan nog {len(points)} punten open. Vul ze'} "
            "aan in het plan, of maak een ontwerp (--versie ontwerp), dat de open punten in één kader toont:", points)
