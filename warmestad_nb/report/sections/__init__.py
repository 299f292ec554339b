"""The content of each chapter of the outline (outline.py), built by ONE function of a Context.

To let a chapter draw on a richer analysis module later, point its entry in BUILDERS at a new
function with the same signature `(ctx) -> list[Block]`; nothing else changes.
"""

from __future__ import annotations

from datetime import date

from ... import formatting as fmt
from ..document import Cover, Part
from ..outline import Chapter, numbering
from . import budget, closing, front, governance, network, planning, situation
from .common import Context

BUILDERS = {
    "samenvatting": front.summary,
    "context": front.context,
    "bestuur": governance.governance,
    "traject": front.process,
    "partners": network.partners,
    "omgeving": situation.environment,
    "aanbod": situation.offer,
    "noden": situation.needs,
    "prioriteiten": planning.priorities,
    "actieplan": planning.actions,
    "budget": budget.budget_chapter,
    "koppelingen": planning.links,
    "communicatie": network.communication,
    "evaluatie": closing.evaluation,
    "vaststelling": governance.adoption,
    "bijlage": closing.annex,
}


def build_section(ctx: Context, chapter: Chapter, number: str) -> Part:
    return Part(id=chapter.id, nummer=number, titel=chapter.titel, blokken=BUILDERS[chapter.id](ctx))


def build_cover(ctx: Context, chapters: list[Chapter], datum: date, versie: str) -> Cover:
    plan = ctx.plan
    g = plan.gemeente
    numbers = numbering(chapters)
    regio = " / ".join(x for x in (f"Gezondheidsmakers {g.gezondheidsmakers}" if g.gezondheidsmakers else "", g.logo) if x)
    data = [("Gemeente", f"{g.naam} (provincie {g.provincie})" if g.provincie else g.naam),
            ("Beleidsperiode", f"meerjarenplan {plan.cyclus}"),
            ("Datum", fmt.day(datum)), ("Versie", versie or "-"),
            ("Regio", regio or "-")]
    if plan.coordinator:
        data.append(("Contact", ", ".join(x for x in (plan.coordinator.naam, plan.coordinator.organisatie) if x)))
    return Cover(
        gemeente=g.naam,
        nis=g.nis,
        titel="Beleidsplan mentaal welbevinden van kinderen en jongeren",
        ondertitel=f"Warme Steden & Gemeenten - {g.naam}",
        cyclus=plan.cyclus, datum=fmt.day(datum), versie=versie, regio=regio,
        voorbeeld=plan.voorbeeld, gegevens=data,
        inhoud=[(f"h-{c.id}", numbers[c.id], c.titel) for c in chapters],
    )
