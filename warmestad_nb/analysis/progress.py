"""Progress over the 7 steps: which checklist items of data/stappen.yaml a plan meets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .. import reference
from ..model import Plan
from .goals import smart_missing

MIN_PARTNERS = 5


def _anchored(plan: Plan, item) -> bool:
    return bool(item.mjp_codes) or any(v.onderwerp == item.id for v in plan.verankering.items)


# One check per checklist id in data/stappen.yaml.
CHECKS: dict[str, Callable[[Plan], bool]] = {
    "collegebeslissing": lambda p: p.engagement.collegebeslissing_datum is not None,
    "coordinator": lambda p: p.coordinator is not None,
    # A fixed agenda item of an existing body counts as a project group, as the programme advises.
    "projectgroep": lambda p: len(p.projectgroep) >= 2
    or sum(x.betrokkenheid in ("projectgroep", "trekker") for x in p.partners) >= 2
    or bool(p.engagement.vast_agendapunt),
    "afspraak_logo": lambda p: bool(p.engagement.afspraak_logo),
    "partners": lambda p: len(p.partners) >= MIN_PARTNERS,
    "kickoff": lambda p: p.kickoff.datum is not None,
    "jongeren_kanalen": lambda p: bool(p.jongeren.kanalen),
    "indicatoren_gekozen": lambda p: bool(p.omgevingsanalyse.indicatoren or p.omgevingsanalyse.eigen_cijfers),
    "aanbod_in_kaart": lambda p: bool(p.omgevingsanalyse.aanbod),
    "noden_bevraagd": lambda p: bool(p.omgevingsanalyse.noden or p.omgevingsanalyse.enquete),
    "analyse_samengevat": lambda p: bool(p.omgevingsanalyse.notities),
    "pijlers_gescoord": lambda p: {s.pijler for s in p.prioriteiten.scores if s.situatie and s.belang}
    == set(range(1, 9)),
    "prioriteiten_gekozen": lambda p: bool(p.prioriteiten.gekozen_pijlers),
    "smart_doelen": lambda p: bool(p.prioriteiten.doelstellingen)
    and not any(smart_missing(d) for d in p.prioriteiten.doelstellingen),
    "acties": lambda p: bool(p.acties),
    "acties_trekker": lambda p: bool(p.acties) and all(a.trekker for a in p.acties),
    "acties_budget": lambda p: bool(p.acties) and all(a.budget_eur is not None for a in p.acties),
    "mix_pijlers": lambda p: bool(p.acties)
    and set(p.prioriteiten.gekozen_pijlers) <= {x for a in p.acties for x in a.pijlers},
    "acties_gestart": lambda p: any(a.status in ("lopend", "afgerond") for a in p.acties),
    "uitvoering_opgevolgd": lambda p: any(a.statuslog for a in p.acties),
    "evaluatie_jaar": lambda p: bool(p.evaluaties),
    "bijsturing": lambda p: bool(p.evaluaties) and bool(max(p.evaluaties, key=lambda e: e.jaar).bijsturing),
    "doelen_verankerd": lambda p: bool(p.prioriteiten.doelstellingen)
    and all(_anchored(p, d) for d in p.prioriteiten.doelstellingen),
    "acties_verankerd": lambda p: bool(p.acties) and all(_anchored(p, a) for a in p.acties),
    "beleidsplan": lambda p: p.verankering.beleidsplan_goedgekeurd is not None,
}


@dataclass(frozen=True)
class StepProgress:
    nummer: int
    naam: str
    klaar: tuple[str, ...]  # checklist texts that are done
    open: tuple[str, ...]  # checklist texts still to do

    @property
    def fraction(self) -> float:
        total = len(self.klaar) + len(self.open)
        return len(self.klaar) / total if total else 0.0


def step_progress(plan: Plan) -> list[StepProgress]:
    result = []
    for step in reference.steps():
        done = [item.tekst for item in step.checklist if CHECKS[item.id](plan)]
        todo = [item.tekst for item in step.checklist if not CHECKS[item.id](plan)]
        result.append(StepProgress(step.nummer, step.naam, tuple(done), tuple(todo)))
    return result
