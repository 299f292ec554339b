"""Partner network, kick-off and how children and young people were informed (step 1)."""

from __future__ import annotations

from ... import reference, vocab
from ..document import Facts, Note, Paragraph, Subheading, Table
from ... import formatting as fmt
from .common import Context, ages, plan_source, source_label


def partners(ctx: Context) -> list:
    plan = ctx.plan
    if not plan.partners:
        return [Note("Er staan nog geen partners in het plan (stap 1).")]
    by_sector = {s.id: [] for s in reference.sectors()}
    for partner in plan.partners:
        by_sector[partner.sector].append(partner)
    rows = [[s.naam, str(len(by_sector[s.id])), "; ".join(p.organisatie for p in by_sector[s.id])]
            for s in reference.sectors() if by_sector[s.id]]
    missing = [s.naam.lower() for s in reference.sectors() if not by_sector[s.id]]
    core = [p.organisatie for p in plan.partners if p.betrokkenheid in ("trekker", "projectgroep")]
    blocks = [
        Paragraph(f"{len(plan.partners)} organisaties dragen het plan mee; "
                  f"{len(core)} ervan zitten in de projectgroep of trekken een deel van het werk."),
        Table(["Sector", "Aantal", "Partners"], rows, titel="Partners per sector", rechts=[1],
              bron=f"{plan_source(ctx)}; sectorindeling: {source_label('sectoren')}"),
    ]
    if missing:
        blocks.append(Paragraph(f"Nog geen partners uit: {fmt.join(missing)}. "
                                f"{'Die sector is' if len(missing) == 1 else 'Die sectoren zijn'} een "
                                f"aandachtspunt bij de volgende ronde om partners aan te spreken."))
    blocks.append(Table(
        ["Partner", "Betrokkenheid", "Rol"],
        [[p.organisatie, vocab.ENGAGEMENT_LEVELS[p.betrokkenheid], " ".join(p.rol.split()) or "-"]
         for p in sorted(plan.partners, key=lambda p: list(vocab.ENGAGEMENT_LEVELS)[::-1].index(p.betrokkenheid))],
        titel="Rol van de partners"))
    blocks += _kickoff(ctx) + _youth(ctx)
    return blocks


def _kickoff(ctx: Context) -> list:
    k = ctx.plan.kickoff
    blocks = [Subheading("Het startmoment (kick-off)")]
    if k.datum is None:
        return blocks + [Note("Het startmoment heeft nog niet plaatsgevonden of staat nog niet in het plan.")]
    facts = [("Datum", fmt.day(k.datum))]
    if k.locatie:
        facts.append(("Plaats", k.locatie))
    if k.uitgenodigd:
        facts.append(("Aanwezig", f"{len(k.aanwezig)} van de {len(k.uitgenodigd)} uitgenodigde partners"))
    if k.aanmeldingen:
        facts.append(("Nieuwe aanmeldingen", "; ".join(
            fmt.aside(a.naam, a.organisatie) for a in k.aanmeldingen)))
    blocks.append(Facts(facts))
    if k.programma:
        blocks.append(Table(["Onderdeel", "Duur", "Wie"],
                            [[p.titel, f"{p.duur_min} min", p.wie or "-"] for p in k.programma],
                            titel="Programma", rechts=[1]))
    blocks += [Paragraph(p) for p in fmt.paragraphs(k.verslag)]
    return blocks


def _youth(ctx: Context) -> list:
    y = ctx.plan.jongeren
    blocks = [Subheading("Kinderen en jongeren informeren")]
    if not y.kanalen:
        return blocks + [Note("Er staan nog geen kanalen in het plan om kinderen en jongeren te informeren.")]
    blocks.append(channel_table(ctx))
    blocks += [Paragraph(p) for p in fmt.paragraphs(y.notities)]
    return blocks + _youth_voice(ctx)


def channel_table(ctx: Context) -> Table:
    """The channels that inform children and young people (also on the step 1 page)."""
    return Table(
        ["Kanaal", "Leeftijd", "Boodschap", "Wanneer"],
        [[vocab.YOUTH_CHANNELS[c.kanaal], ages(c.leeftijdsgroepen), c.boodschap or "-",
          (fmt.day(c.datum) if c.datum else "-") + ("" if c.uitgevoerd else " (gepland)")] for c in ctx.plan.jongeren.kanalen],
        titel="Kanalen")


def _youth_voice(ctx: Context) -> list:
    heard = ctx.plan.jongeren.inspraak
    blocks = [Subheading("Wat kinderen en jongeren zeiden")]
    if not heard:
        return blocks + [Note("Het plan zegt nog niet welke kinderen of jongeren gehoord zijn en wat ze zeiden.")]
    for moment in heard:
        facts = [("Wie", moment.wie)]
        if moment.hoe or moment.datum:
            facts.append(("Hoe", ", ".join(x for x in (moment.hoe, fmt.day(moment.datum) if moment.datum else "") if x)))
        if moment.leeftijdsgroepen:
            facts.append(("Leeftijd", ages(moment.leeftijdsgroepen)))
        if moment.wat_ze_zeiden:
            facts.append(("Wat ze zeiden", " ".join(moment.wat_ze_zeiden.split())))
        if moment.wat_het_plan_ermee_doet:
            facts.append(("Wat het plan ermee doet", " ".join(moment.wat_het_plan_ermee_doet.split())))
        blocks.append(Facts(facts))
    return blocks


def communication(ctx: Context) -> list:
    plan = ctx.plan
    if not plan.communicatie:
        return [Note("Het communicatieplan staat nog niet in het plan.")]
    return [
        Paragraph("Het communicatieplan zegt wat de gemeente en de partners vertellen, aan wie, wanneer en langs "
                  "welk kanaal."),
        Table(["Wat", "Voor wie", "Wanneer", "Kanaal"],
              [[c.wat, c.voor_wie or "-", c.wanneer or "-", c.kanaal or "-"] for c in plan.communicatie],
              titel="Communicatieplan"),
    ]
