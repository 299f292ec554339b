"""Summary, and context and mission: what the plan is about and who carries it."""

from __future__ import annotations

from ... import reference
from ...analysis.checklist import project_group_formed, project_group_partners
from ...analysis.progress import step_progress
from ..document import Bullets, Facts, Note, Paragraph, Subheading, Table
from ... import formatting as fmt
from .common import Context, pillar_label, plan_source, source_label


def summary(ctx: Context) -> list:
    plan = ctx.plan
    goals = plan.prioriteiten.doelstellingen
    chosen = [pillar_label(p) for p in sorted(plan.prioriteiten.gekozen_pijlers)]
    budget = sum(a.budget_eur or 0 for a in plan.acties)
    sectors = {p.sector for p in plan.partners}
    steps_done = [s.nummer for s in step_progress(plan) if s.fraction == 1]
    blocks = []
    if ctx.simple:
        blocks.append(Paragraph(
            f"{ctx.gemeente} wil dat alle kinderen en jongeren zich goed voelen. Daarom maakt de "
            f"gemeente samen met partners een plan. Dit document toont wat we al weten, wat we "
            f"kiezen en wat we gaan doen."))
    else:
        blocks.append(Paragraph(
            f"Met dit beleidsplan bouwt {ctx.gemeente} binnen Warme Steden & Gemeenten aan een "
            f"geïntegreerd beleid voor het mentaal welbevinden en de veerkracht van kinderen en "
            f"jongeren van 0 tot 24 jaar, voor de periode van het {_cycle(plan)}. Het plan richt zich "
            f"op universele preventie: alle kinderen en jongeren, niet alleen wie het al moeilijk heeft."))
    if chosen:
        blocks.append(Paragraph(
            f"De projectgroep koos {fmt.count(len(chosen), 'prioritaire pijler', 'prioritaire pijlers')}: "
            f"{fmt.join(chosen)}. Daarbij horen {fmt.count(len(goals), 'doelstelling', 'doelstellingen')} "
            f"en {fmt.count(len(plan.acties), 'actie', 'acties')}."))
    else:
        blocks.append(Note("De prioriteiten zijn nog niet gekozen (stap 3)."))
    blocks.append(Facts([
        ("Partners", f"{len(plan.partners)} organisaties uit {len(sectors)} sectoren"),
        ("Doelstellingen", str(len(goals))),
        ("Acties", f"{len(plan.acties)}, samen {fmt.euro(budget)} over de hele looptijd"),
        ("Afgeronde stappen", _steps_done(steps_done)),
    ]))
    return blocks


def _steps_done(numbers: list[int]) -> str:
    total = len(reference.steps())
    if not numbers:
        return "nog geen"
    if len(numbers) == total:
        return f"alle {total} stappen"
    return f"{len(numbers)} van de {total} (stap {fmt.join([str(n) for n in numbers])})"


def _cycle(plan) -> str:
    return f"meerjarenplan {plan.cyclus}"


def context(ctx: Context) -> list:
    plan = ctx.plan
    eng = plan.engagement
    blocks = [Subheading("Warme Steden & Gemeenten")]
    if ctx.simple:
        blocks.append(Paragraph(
            "Eén op de vijf jongeren heeft psychische problemen, vier op de vijf voelen zich goed en "
            "kunnen anderen steunen (WHO). Een gemeente kan veel doen om kinderen en jongeren sterker "
            "te maken. Warme Steden & Gemeenten helpt daarbij met acht pijlers."))
    else:
        blocks.append(Paragraph(
            "Warme Steden & Gemeenten is een Vlaams programma van het Vlaams Instituut Gezond Leven, "
            "de regionale Gezondheidsmakers (voorheen Logo's) en Fonds Ga voor Geluk. Een gemeente "
            "werkt er in zeven stappen aan een lokaal beleid dat de veerkracht van alle kinderen en "
            "jongeren versterkt. De helft van de psychische problemen bij volwassenen begint in de "
            "jeugd; één op de vijf jongeren heeft psychische problemen, vier op de vijf voelen zich "
            "goed en kunnen anderen steunen (WHO). Het programma ordent wat een gemeente kan doen in "
            "acht pijlers voor veerkracht:"))
    blocks.append(Bullets([f"{p.nummer}. {p.titel}" for p in reference.pillars()]))
    blocks.append(Subheading(f"Engagement van {ctx.gemeente}"))
    facts = []
    if eng.collegebeslissing_datum:
        ref = f", {eng.collegebeslissing_referentie}" if eng.collegebeslissing_referentie else ""
        facts.append(("Beslissing van het college", fmt.day(eng.collegebeslissing_datum) + ref))
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
    blocks.append(Facts(facts) if facts else Note("Het engagement van het college staat nog niet in het plan (stap 1)."))
    if plan.projectgroep:
        blocks.append(Table(
            ["Naam", "Functie", "Organisatie"],
            [[p.naam, p.functie, p.organisatie] for p in plan.projectgroep],
            titel="De projectgroep"))
    partners = project_group_partners(plan)
    if partners:
        blocks.append(Paragraph(f"Partners in de projectgroep: {fmt.join(partners)}."))
    # The same rule as the checklist of step 1 (analysis/checklist.py), so page and document agree.
    if not project_group_formed(plan):
        blocks.append(Note("De projectgroep staat nog niet in het plan." if not (plan.projectgroep or partners)
                           else "De projectgroep telt nog te weinig leden: minstens twee mensen of partners."))
    return blocks


def process(ctx: Context) -> list:
    rows = []
    for step in step_progress(ctx.plan):
        total = len(step.klaar) + len(step.open)
        rows.append([f"{step.nummer}. {step.naam}", f"{len(step.klaar)} van {total}",
                     "; ".join(step.open) if step.open else "alles afgerond"])
    intro = ("Het traject volgt de zeven stappen van de Gezonde Gemeente-cyclus. Een gemeente begint "
             "waar ze staat en komt geregeld terug op eerdere stappen. De tabel toont per stap hoeveel "
             "punten van de checklist het plan al afvinkt en wat nog openstaat.")
    return [
        Paragraph(intro),
        Table(["Stap", "Afgevinkt", "Nog te doen"], rows, titel="Stand van zaken per stap",
              bron=f"{plan_source(ctx)}; checklist: {source_label('stappen')}", rechts=[1]),
    ]
