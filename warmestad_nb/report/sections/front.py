"""Summary, vision and mission: what the plan is about, in the municipality's words and the programme's."""

from __future__ import annotations

from ... import reference
from ...analysis.progress import step_progress
from ..document import Bullets, Facts, Note, Paragraph, Subheading, Table
from ... import formatting as fmt
from ...analysis.budget import totals
from .budget import year_table
from .common import Context, pillar_label, plan_source, source_label
from .governance import open_points_box


def summary(ctx: Context) -> list:
    """One page for the council: vision, priorities, goals, budget per year and the decision asked."""
    plan = ctx.plan
    goals = plan.prioriteiten.doelstellingen
    chosen = [pillar_label(p) for p in sorted(plan.prioriteiten.gekozen_pijlers)]
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
    if plan.visie.visie:
        blocks.append(Paragraph("Onze visie: " + fmt.paragraphs(plan.visie.visie)[0]))
    if chosen:
        blocks.append(Paragraph(
            f"De projectgroep koos {fmt.count(len(chosen), 'prioritaire pijler', 'prioritaire pijlers')}: "
            f"{fmt.join(chosen)}. Daarbij horen {fmt.count(len(goals), 'doelstelling', 'doelstellingen')} "
            f"en {fmt.count(len(plan.acties), 'actie', 'acties')}."))
    else:
        blocks.append(Note("De prioriteiten zijn nog niet gekozen (stap 3)."))
    if goals:
        blocks.append(Table(["Doelstelling", "Acties"],
                            [[g.titel, str(sum(g.id in a.doelstellingen for a in plan.acties))] for g in goals],
                            titel="De doelstellingen", rechts=[1]))
    if plan.acties:
        blocks.append(year_table(ctx))
    blocks.append(Facts([
        ("Partners", f"{fmt.count(len(plan.partners), 'organisatie', 'organisaties')} uit "
                     f"{fmt.count(len(sectors), 'sector', 'sectoren')}"),
        ("Afgeronde stappen", _steps_done(steps_done)),
    ]))
    adopted = plan.vaststelling.gemeenteraad.datum is not None
    blocks.append(Subheading("Wat de gemeenteraad besliste" if adopted else "Wat de gemeenteraad beslist"))
    blocks.append(Paragraph(council_proposal(plan)))
    return blocks + open_points_box(ctx)


def council_proposal(plan) -> str:
    """What the council is asked to decide: the plan's own text, or the standard proposal."""
    if plan.vaststelling.voorstel_aan_de_raad:
        return " ".join(plan.vaststelling.voorstel_aan_de_raad.split())
    t = totals(plan)
    council = plan.vaststelling.gemeenteraad
    if council.datum:
        return (f"De gemeenteraad stelde dit beleidsplan vast op {fmt.day(council.datum)}, met de acties en hun "
                f"budget (samen {fmt.euro(t.totaal)} over het {_cycle(plan)}).")
    return (f"De gemeenteraad wordt gevraagd dit beleidsplan vast te stellen en de acties met hun budget "
            f"(samen {fmt.euro(t.totaal)} over het {_cycle(plan)}) op te nemen in het meerjarenplan.")


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
    blocks = []
    for title, text, missing in (("Onze visie", plan.visie.visie, "De visie van de gemeente staat nog niet in het plan."),
                                 ("Onze missie", plan.visie.missie, "De missie van de gemeente staat nog niet in het plan.")):
        blocks.append(Subheading(title))
        blocks += [Paragraph(p) for p in fmt.paragraphs(text)] or [Note(missing)]
    blocks.append(Subheading("Het kader: Warme Steden & Gemeenten"))
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
