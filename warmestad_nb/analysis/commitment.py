"""The commitment behind the project (step 1) as a checklist: what is there and what is still missing."""

from __future__ import annotations

from dataclasses import dataclass

from .. import vocab
from ..formatting import day, euro
from ..model import Plan
from .checklist import college_decision_missing, met, project_group_partners


@dataclass(frozen=True)
class CheckItem:
    id: str
    label: str
    done: bool
    detail: str  # what is there, or what is still missing


def _college(plan: Plan) -> CheckItem:
    e = plan.engagement
    missing = college_decision_missing(plan)
    if not missing:
        detail = f"{day(e.collegebeslissing_datum)}, {e.collegebeslissing_referentie}"
    else:
        detail = "Nog in te vullen: " + " en ".join(missing) + "."
    return CheckItem("collegebeslissing", "Beslissing van het college", met(plan, "collegebeslissing"), detail)


def _coordinator(plan: Plan) -> CheckItem:
    c = plan.coordinator
    if c is None:
        return CheckItem("coordinator", "Coördinator (trekker)", False, "Nog niemand aangeduid.")
    done = met(plan, "coordinator")
    detail = ", ".join(x for x in (c.naam, c.functie, c.organisatie) if x)
    if not done:
        detail += ". Nog in te vullen: een e-mailadres of telefoonnummer."
    return CheckItem("coordinator", "Coördinator (trekker)", done, detail)


def _aldermen(plan: Plan) -> CheckItem:
    names = plan.engagement.schepenen
    detail = ", ".join(names) if names else "Nog geen schepen vermeld die het project mee draagt."
    return CheckItem("schepenen", "Betrokken schepen(en)", bool(names), detail)


def _budget(plan: Plan) -> CheckItem:
    budget = plan.engagement.budget_eur
    if budget is None:
        return CheckItem("budget", "Werkingsbudget", False, "Nog geen budget vastgelegd.")
    return CheckItem("budget", "Werkingsbudget", True, euro(budget))


def _logo(plan: Plan) -> CheckItem:
    e = plan.engagement
    if not e.afspraak_logo:
        return CheckItem("afspraak_logo", "Afspraak met Logo / Gezondheidsmakers", met(plan, "afspraak_logo"),
                         "Nog geen afspraak met de regio genoteerd.")
    detail = e.afspraak_logo
    if e.afspraak_logo_datum:
        detail = f"{day(e.afspraak_logo_datum)}: {detail}"
    return CheckItem("afspraak_logo", "Afspraak met Logo / Gezondheidsmakers", met(plan, "afspraak_logo"), detail)


def _project_group(plan: Plan) -> CheckItem:
    people = [p.naam for p in plan.projectgroep]
    partners = project_group_partners(plan)
    done = met(plan, "projectgroep")
    if people or partners:
        detail = ", ".join(people + [f"{name} (partner)" for name in partners if name not in people])
    else:
        detail = (f"Nog niemand. Zet partners op '{vocab.ENGAGEMENT_LEVELS['projectgroep']}' of "
                  f"'{vocab.ENGAGEMENT_LEVELS['trekker']}'.")
    if plan.engagement.vast_agendapunt:
        agenda = f"Vast agendapunt van {plan.engagement.vast_agendapunt}"
        detail = f"{agenda}; {detail}" if people or partners else agenda
    elif not done and (people or partners):
        detail += ". Nog te weinig: minstens twee mensen of partners."
    return CheckItem("projectgroep", "Projectgroep", done, detail)


def commitment_checklist(plan: Plan) -> list[CheckItem]:
    """The commitment items of step 1, in the order a working group goes through them."""
    return [_college(plan), _coordinator(plan), _aldermen(plan), _budget(plan), _logo(plan), _project_group(plan)]


def still_missing(plan: Plan) -> list[str]:
    """Dutch lines naming what the commitment still lacks (empty when complete)."""
    return [f"{item.label}: {item.detail}" for item in commitment_checklist(plan) if not item.done]
