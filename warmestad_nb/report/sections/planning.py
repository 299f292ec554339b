"""Priorities and SMART goals (step 3), the action plan (step 4-5) and the links to the
meerjarenplan, the SDGs and Vizier 2030."""

from __future__ import annotations

from datetime import date

from ... import reference, vocab
from ...analysis import budget
from ...analysis.goals import smart_missing
from ..document import Facts, Figure, Note, Paragraph, Subheading, Table
from ... import formatting as fmt
from .budget import ordered_by_goal
from .common import Context, pillar_label, pillar_list, plan_source, source_label, subject_titles


def priorities(ctx: Context) -> list:
    pr = ctx.plan.prioriteiten
    blocks = []
    if pr.scores:
        chosen = set(pr.gekozen_pijlers)
        blocks.append(Table(
            ["Pijler", "Situatie", "Belang", "Haalbaarheid", "Toelichting"],
            [[pillar_label(s.pijler) + (" (prioriteit)" if s.pijler in chosen else ""),
              _score(s.situatie), _score(s.belang), _score(s.haalbaarheid), " ".join(s.toelichting.split()) or "-"]
             for s in sorted(pr.scores, key=lambda s: s.pijler)],
            titel="Scores per pijler (1 = zwak of weinig, 5 = sterk of veel)", rechts=[1, 2, 3]))
    else:
        blocks.append(Note("De pijlers zijn nog niet gescoord (stap 3)."))
    if pr.gekozen_pijlers:
        blocks.append(Paragraph("Gekozen prioriteiten: " + fmt.join([pillar_label(p) for p in sorted(pr.gekozen_pijlers)]) + "."))
    blocks.append(Subheading("SMART-doelstellingen"))
    if not pr.doelstellingen:
        return blocks + [Note("Er staan nog geen doelstellingen in het plan (stap 3).")]
    for goal in pr.doelstellingen:
        facts = [("Doelstelling", goal.titel), ("Pijlers", pillar_list(goal.pijlers)), ("Doelgroep", goal.doelgroep or "-"),
                 ("Indicator", " ".join(goal.indicator.split()) or "-"), ("Streefwaarde", goal.streefwaarde or "-"),
                 ("Tegen", fmt.day(goal.deadline)), ("Eigenaar", goal.eigenaar or "-")]
        missing = smart_missing(goal)
        if missing:
            facts.append(("Nog niet SMART", "ontbreekt: " + fmt.join(missing)))
        blocks.append(Facts(facts))
    return blocks


def _score(value: int | None) -> str:
    return "-" if value is None else str(value)


def actions(ctx: Context) -> list:
    """Objective -> actions: each goal with the actions that serve it, and the actions over the years."""
    plan = ctx.plan
    if not plan.acties:
        return [Note("Er staan nog geen acties in het plan (stap 4).")]
    chosen = set(plan.prioriteiten.gekozen_pijlers)
    counts = {p.nummer: sum(p.nummer in a.pijlers for a in plan.acties) for p in reference.pillars()}
    total = budget.totals(plan).totaal
    blocks = [
        Paragraph(f"Het actieplan telt {fmt.count(len(plan.acties), 'actie', 'acties')} met samen een budget van "
                  f"{fmt.euro(total)} over de hele looptijd (zonder stopgezette acties). Elke actie staat hieronder "
                  "bij de doelstelling die ze dient; een actie die meer doelstellingen dient, staat bij elk ervan."),
    ]
    blocks += _timeline(ctx)
    for goal in plan.prioriteiten.doelstellingen:
        group = [a for a in plan.acties if goal.id in a.doelstellingen]
        blocks.append(Subheading(f"Doelstelling: {goal.titel}"))
        blocks.append(_action_table(plan, group, f"Acties voor '{goal.titel}'") if group
                      else Note("Voor deze doelstelling staat nog geen actie in het plan."))
    loose = [a for a in plan.acties if not a.doelstellingen]
    if loose:
        blocks.append(Subheading("Acties zonder doelstelling"))
        blocks.append(_action_table(plan, loose, "Acties die nog geen doelstelling dienen"))
    blocks.append(Figure("acties_per_pijler", {"pijlers": [
        {"nummer": p.nummer, "label": pillar_label(p.nummer), "acties": counts[p.nummer],
         "prioriteit": p.nummer in chosen} for p in reference.pillars()]},
        titel="Aantal acties per pijler (in kleur: de prioritaire pijlers)",
        alt="Liggend staafdiagram met het aantal acties per pijler van 1 tot 8; de prioritaire pijlers "
            "zijn gekleurd, de andere grijs.",
        bron=f"{plan_source(ctx)}; pijlers: {source_label('pijlers')}"))
    return blocks


def _fraction(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


def _timeline(ctx: Context) -> list:
    plan = ctx.plan
    years = budget.cycle_years(plan.cyclus)
    first, last = years[0], years[-1] + 1
    rows = []
    for a in ordered_by_goal(plan):
        if a.status == "stopgezet" or a.start is None:
            continue
        start = max(_fraction(a.start), first)
        end = min(_fraction(a.einde), last) if a.einde else last
        if end > start:
            label = a.titel if len(a.titel) <= 48 else a.titel[:46].rstrip() + "..."
            rows.append({"label": label, "start": start, "einde": end, "status": a.status})
    if not rows:
        return []
    return [Figure("tijdlijn", {"jaren": years, "rijen": rows},
                   titel=f"De acties in de tijd, {plan.cyclus} (geordend per doelstelling)",
                   alt=f"Tijdlijn: per actie een balk van de start tot het einde, over de jaren {plan.cyclus}; "
                       "de kleur zegt of de actie gepland, lopend of afgerond is. Een actie zonder einddatum loopt "
                       "door tot het einde van het meerjarenplan.",
                   bron=plan_source(ctx))]


def _action_table(plan, group, title: str) -> Table:
    rows = []
    for a in group:
        lead = plan.partner_name(a.trekker) or "nog geen trekker"
        rows.append([a.titel, pillar_list(a.pijlers), lead, fmt.period(a.start, a.einde),
                     fmt.euro(budget.action_total(a)), "; ".join(a.indicatoren) or "-", vocab.ACTION_STATUSES[a.status]])
    return Table(["Actie", "Pijlers", "Trekker", "Timing", "Budget", "Indicatoren", "Status"], rows,
                 titel=title, rechts=[4], breed=True)


def links(ctx: Context) -> list:
    plan = ctx.plan
    titles = subject_titles(plan)
    items = [plan.prioriteiten.doelstellingen, plan.acties]
    subjects = [x for group in items for x in group]
    blocks = [Subheading("Meerjarenplan")]
    mjp = plan.meerjarenplan
    if mjp and mjp.items:
        fields = reference.lookup("beleidsvelden")
        rows = []
        for item in mjp.items:
            linked = [titles[s.id] for s in subjects if item.code in s.mjp_codes]
            field = f"{item.beleidsveld} {fields[item.beleidsveld].naam}" if item.beleidsveld else "-"
            rows.append([item.code + (" (prioritair)" if item.prioritair else ""), item.titel,
                         vocab.MJP_LEVELS[item.niveau], field, fmt.euro(item.budget_eur), "; ".join(linked) or "-"])
        blocks.append(Table(["Code", "Titel", "Niveau", "Beleidsveld", "Budget", "Gekoppeld aan"], rows,
                            titel=f"Plaats in het meerjarenplan {mjp.cyclus}", rechts=[4], breed=True,
                            bron=f"Meerjarenplan {mjp.cyclus} van {ctx.gemeente}; beleidsvelden: {source_label('beleidsvelden')}"))
    else:
        blocks.append(Note("Het meerjarenplan van de gemeente staat nog niet in het plan."))
    blocks.append(Subheading("Duurzame ontwikkelingsdoelen (SDG's)"))
    targets = reference.lookup("sdg_targets")
    goals = reference.lookup("sdgs")
    used = sorted({t for s in subjects for t in s.sdg_targets}, key=lambda c: [x.code for x in reference.sdg_targets()].index(c))
    if used:
        blocks.append(Table(
            ["Subdoel", "Omschrijving", "Gekoppeld aan"],
            [[f"SDG {code} ({goals[targets[code].sdg].naam})", targets[code].tekst,
              "; ".join(titles[s.id] for s in subjects if code in s.sdg_targets)] for code in used],
            titel="Bijdrage aan de SDG-subdoelen", bron=source_label("sdg_targets")))
    else:
        blocks.append(Note("Er zijn nog geen SDG-subdoelen gekoppeld."))
    blocks.append(Subheading("Vizier 2030"))
    vizier = reference.lookup("vizier2030")
    used_v = [v.id for v in reference.vizier_goals() if any(v.id in s.vizier_doelen for s in subjects)]
    if used_v:
        blocks.append(Table(
            ["Thema", "Doelstelling (officiële formulering)", "Gekoppeld aan"],
            [[vizier[v].thema, vizier[v].titel, "; ".join(titles[s.id] for s in subjects if v in s.vizier_doelen)]
             for v in used_v],
            titel="Bijdrage aan Vizier 2030", bron=source_label("vizier2030")))
    else:
        blocks.append(Note("Er zijn nog geen doelstellingen van Vizier 2030 gekoppeld."))
    return blocks
