"""The sections of the policy plan, in document order, each built by ONE function of a Context.

To let a section draw on a richer analysis module later, point its entry here at a new function
with the same signature `(ctx) -> list[Block]`; nothing else changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from ...errors import WarmeStadError
from ..document import Cover, Section
from .. import nl
from . import closing, front, network, planning, situation
from .common import LANGUAGE_LEVELS, Context


@dataclass(frozen=True)
class SectionSpec:
    id: str
    titel: str
    build: Callable[[Context], list]


SECTIONS = (
    SectionSpec("samenvatting", "Samenvatting", front.summary),
    SectionSpec("context", "Context en missie", front.context),
    SectionSpec("traject", "Het traject tot nu toe", front.process),
    SectionSpec("partners", "Partnernetwerk en kick-off", network.partners),
    SectionSpec("omgeving", "Omgevingsanalyse", situation.environment),
    SectionSpec("aanbod", "Bestaand aanbod en hiaten", situation.offer),
    SectionSpec("noden", "Noden van kinderen en jongeren", situation.needs),
    SectionSpec("prioriteiten", "Prioriteiten en SMART-doelstellingen", planning.priorities),
    SectionSpec("actieplan", "Actieplan", planning.actions),
    SectionSpec("koppelingen", "Meerjarenplan, SDG's en Vizier 2030", planning.links),
    SectionSpec("evaluatie", "Evaluatie en verankering", closing.evaluation),
    SectionSpec("bijlage", "Bijlage: bronnen en definities", closing.annex),
)
BY_ID = {s.id: s for s in SECTIONS}
ANNEX = "bijlage"


def chosen_sections(secties: str | list[str]) -> list[SectionSpec]:
    """'alle', or section ids as a list or a comma-separated text; always in document order."""
    if isinstance(secties, str):
        wanted = [s.strip() for s in secties.split(",") if s.strip()]
    else:
        wanted = list(secties)
    if wanted in ([], ["alle"]):
        return list(SECTIONS)
    unknown = [w for w in wanted if w not in BY_ID]
    if unknown:
        raise WarmeStadError(f"Onbekende sectie(s): {', '.join(unknown)}. Kies uit: alle, {', '.join(BY_ID)}.")
    return [s for s in SECTIONS if s.id in wanted]


def check_language_level(taalniveau: str) -> str:
    if taalniveau not in LANGUAGE_LEVELS:
        raise WarmeStadError(f"Onbekend taalniveau '{taalniveau}'. Kies uit: {', '.join(LANGUAGE_LEVELS)}.")
    return taalniveau


def parse_date(text: str) -> date:
    """The date on the title page: JJJJ-MM-DD, or today when empty."""
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise WarmeStadError(f"De datum '{text}' is geen geldige datum (schrijf JJJJ-MM-DD).") from None


def numbering(specs: list[SectionSpec]) -> dict[str, str]:
    """Numbers 1, 2, ... for the chapters; the annex gets no number."""
    numbers, n = {}, 0
    for spec in specs:
        if spec.id == ANNEX:
            numbers[spec.id] = ""
        else:
            n += 1
            numbers[spec.id] = str(n)
    return numbers


def build_section(ctx: Context, spec: SectionSpec, number: str) -> Section:
    return Section(id=spec.id, nummer=number, titel=spec.titel, blokken=spec.build(ctx))


def build_cover(ctx: Context, specs: list[SectionSpec], datum: date, versie: str) -> Cover:
    plan = ctx.plan
    g = plan.gemeente
    numbers = numbering(specs)
    regio = " / ".join(x for x in (f"Gezondheidsmakers {g.gezondheidsmakers}" if g.gezondheidsmakers else "", g.logo) if x)
    data = [("Gemeente", f"{g.naam} (provincie {g.provincie})" if g.provincie else g.naam),
            ("Beleidsperiode", f"meerjarenplan {plan.cyclus}"),
            ("Datum", nl.day(datum)), ("Versie", versie or "-"),
            ("Regio", regio or "-")]
    if plan.coordinator:
        data.append(("Contact", ", ".join(x for x in (plan.coordinator.naam, plan.coordinator.organisatie) if x)))
    return Cover(
        gemeente=g.naam,
        nis=g.nis,
        titel="Beleidsplan mentaal welbevinden van kinderen en jongeren",
        ondertitel=f"Warme Steden & Gemeenten - {g.naam}",
        cyclus=plan.cyclus, datum=nl.day(datum), versie=versie, regio=regio,
        voorbeeld=plan.voorbeeld, gegevens=data,
        inhoud=[(f"h-{s.id}", numbers[s.id], s.titel) for s in specs],
    )
