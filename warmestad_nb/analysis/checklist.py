"""The checklist rules: for each checklist id of data/stappen.yaml, whether a plan meets it.

The single source of these answers: the start page and the document (through `progress`), the step
pages (through `commitment`) and the regional overview all ask `met` here, so they cannot disagree.
"""

from __future__ import annotations

from typing import Callable

from ..model import Plan
from .goals import smart_missing

MIN_PARTNERS = 5


def _anchored(plan: Plan, item) -> bool:
    return bool(item.mjp_codes) or any(v.onderwerp == item.id for v in plan.verankering.items)


def college_decision_missing(plan: Plan) -> list[str]:
    """What a college decision still lacks: a coach needs its date and a reference to find it back."""
    e = plan.engagement
    return [what for what, value in (("de datum", e.collegebeslissing_datum),
                                     ("een link of referentie", e.collegebeslissing_referentie)) if not value]


def coordinator_reachable(plan: Plan) -> bool:
    """A coordinator counts once named with a way to reach them (e-mail or phone)."""
    c = plan.coordinator
    return c is not None and bool(c.naam) and bool(c.email or c.telefoon)


def project_group_partners(plan: Plan) -> list[str]:
    """The partners that sit in the project group: engagement level 'lid van de projectgroep' or 'trekker'."""
    return [p.organisatie for p in plan.partners if p.betrokkenheid in ("projectgroep", "trekker")]


def project_group_formed(plan: Plan) -> bool:
    # Its members by name, or partners in it; a fixed agenda item of an existing body counts as a
    # project group too, as the programme advises. The step page and the document both ask this.
    return (len(plan.projectgroep) >= 2 or len(project_group_partners(plan)) >= 2
            or bool(plan.engagement.vast_agendapunt))


def every_goal_has_an_action(plan: Plan) -> bool:
    # The checklist asks for an action per goal, not just any action.
    goals = {goal_id for a in plan.acties for goal_id in a.doelstellingen}
    return bool(plan.acties) and all(d.id in goals for d in plan.prioriteiten.doelstellingen)


# One rule per checklist id in data/stappen.yaml.
RULES: dict[str, Callable[[Plan], bool]] = {
    "collegebeslissing": lambda p: not college_decision_missing(p),
    "coordinator": coordinator_reachable,
    "projectgroep": project_group_formed,
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
    "acties": every_goal_has_an_action,
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
    "beleidsplan": lambda p: p.vaststelling.gemeenteraad.datum is not None,
}


def met(plan: Plan, checklist_id: str) -> bool:
    """Whether the plan meets the checklist item with this id."""
    return RULES[checklist_id](plan)
