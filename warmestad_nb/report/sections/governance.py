"""Who carries and decides (governance, the municipality's engagement), the adoption block, and the
open points of a draft."""

from __future__ import annotations

from ... import formatting as fmt, vocab
from ...analysis.checklist import project_group_formed, project_group_partners
from ...analysis.open_points import open_points
from ..document import Facts, Note, Paragraph, Subheading, Table
from .common import Context


def governance(ctx: Context) -> list:
    plan = ctx.plan
    blocks = [Subheading(f"Engagement van {ctx.gemeente}")]
    blocks.append(_engagement(plan))
    partners = project_group_partners(plan)
    if partners:
        blocks.append(Paragraph(f"Partners in de projectgroep: {fmt.join(partners)}."))
    # The same rule as the checklist of step 1 (analysis/checklist.py), so page and document agree.
    if not project_group_formed(plan):
        blocks.append(Note("De projectgroep telt nog te weinig leden: minstens twee mensen of partners."
                           if plan.projectgroep or partners else "De projectgroep staat nog niet in het plan."))
    bodies = plan.bestuur.organen
    if not bodies:
        # A group formed by partners or a fixed agenda item still lacks its description here; one
        # that is not formed was named just above.
        return blocks + ([Note("Wie in de stuurgroep of projectgroep zit en wat elk overleg beslist, "
                               "staat nog niet in het plan.")] if project_group_formed(plan) else [])
    deciding = [b for b in bodies if b.beslist_over]
    if deciding:
        blocks.append(Table(["Overleg", "Beslist over"], [[b.naam, " ".join(b.beslist_over.split())] for b in deciding],
                            titel="Wie beslist wat"))
    for body in bodies:
        blocks.append(Subheading(body.naam))
        facts = [("Soort overleg", vocab.BODY_KINDS[body.soort])]
        if body.taak:
            facts.append(("Taak", " ".join(body.taak.split())))
        if body.vergadert:
            facts.append(("Komt samen", body.vergadert))
        blocks.append(Facts(facts))
        if body.leden:
            blocks.append(Table(["Naam", "Rol", "Functie", "Organisatie"],
                                [[m.naam, m.rol or "lid", m.functie or "-", m.organisatie or "-"] for m in body.leden],
                                titel=f"Leden van {body.naam}"))
        else:
            blocks.append(Note(f"De leden van {body.naam.lower()} staan nog niet in het plan."))
    return blocks


def _engagement(plan):
    eng = plan.engagement
    facts = []
    if eng.collegebeslissing_datum:
        ref = f", {eng.collegebeslissing_referentie}" if eng.collegebeslissing_referentie else ""
        facts.append(("Beslissing van het college om in te stappen", fmt.day(eng.collegebeslissing_datum) + ref))
    if eng.schepenen:
        facts.append(("Bevoegde schepenen", "; ".join(eng.schepenen)))
    if eng.budget_eur is not None:
        facts.append(("Werkingsbudget per jaar", fmt.euro(eng.budget_eur)))
    if eng.afspraak_logo:
        when = f" ({fmt.day(eng.afspraak_logo_datum)})" if eng.afspraak_logo_datum else ""
        facts.append(("Afspraak met de Gezondheidsmakers", " ".join(eng.afspraak_logo.split()) + when))
    if eng.vast_agendapunt:
        facts.append(("Vast agendapunt van", " ".join(eng.vast_agendapunt.split())))
    if plan.coordinator:
        c = plan.coordinator
        facts.append(("Coördinator", ", ".join(x for x in (c.naam, c.functie, c.organisatie) if x)))
    return Facts(facts) if facts else Note("Het engagement van het college staat nog niet in het plan (stap 1).")


def _decision(decision, body: str) -> str:
    if decision.datum is None:
        return f"nog niet voorgelegd aan {body}"
    return fmt.day(decision.datum) + (f", {decision.referentie}" if decision.referentie else "")


def adoption(ctx: Context) -> list:
    v = ctx.plan.vaststelling
    council = v.gemeenteraad
    blocks = [Facts([("Status van het plan", vocab.PLAN_STATUSES[v.status]),
                     ("Collegebeslissing", _decision(v.college, "het college")),
                     ("Beslissing van de gemeenteraad", _decision(council, "de gemeenteraad"))])]
    if council.datum:
        blocks.append(Paragraph(f"Aldus vastgesteld door de gemeenteraad van {ctx.gemeente} in zitting van "
                                f"{fmt.day(council.datum)}."))
    else:
        submitted = (f"Het college legde dit plan op {fmt.day(v.college.datum)} voor aan de gemeenteraad van "
                     f"{ctx.gemeente} ter vaststelling." if v.college.datum else
                     f"Na de goedkeuring door het college gaat dit plan naar de gemeenteraad van {ctx.gemeente} "
                     "ter vaststelling.")
        blocks.append(Paragraph(submitted + " Na de zitting komen hier de datum en de referentie van de beslissing."))
    blocks.append(Facts([("De algemeen directeur", "naam en handtekening"),
                         ("De voorzitter van de gemeenteraad", "naam en handtekening")]))
    return blocks


def open_points_box(ctx: Context) -> list:
    """In a draft: every open point in one box (a final version with open points is refused earlier)."""
    points = open_points(ctx.plan)
    if ctx.final or not points:
        return []
    return [Table(["Wat nog ontbreekt"], [[p] for p in points],
                  titel=f"Open punten ({fmt.count(len(points), 'punt', 'punten')} voor dit ontwerp definitief kan worden)")]
