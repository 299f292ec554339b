"""Priorities and SMART goals (step 3), the action plan (step 4-5) and the links to the
meerjarenplan, the SDGs and Vizier 2030."""

from __future__ import annotations

from ... import reference, vocab
from ...analysis.goals import smart_missing
from ..document import Facts, Figure, Note, Paragraph, Subheading, Table
from ... import formatting as fmt
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
    plan = ctx.plan
    if not plan.acties:
        return [Note("Er staan nog geen acties in het plan (stap 4).")]
    chosen = set(plan.prioriteiten.gekozen_pijlers)
    counts = {p.nummer: sum(p.nummer in a.pijlers for a in plan.acties) for p in reference.pillars()}
    total = sum(a.budget_eur or 0 for a in plan.acties)
    blocks = [
        Paragraph(f"Het actieplan telt {fmt.count(len(plan.acties), 'actie', 'acties')} met samen een budget van "
                  f"{fmt.euro(total)} over de hele looptijd. Elke actie staat hieronder bij haar eerste pijler; "
                  f"de kolom Pijlers toont alle pijlers waaraan ze bijdraagt."),
        Figure("acties_per_pijler", {"pijlers": [
            {"nummer": p.nummer, "label": pillar_label(p.nummer), "acties": counts[p.nummer],
             "prioriteit": p.nummer in chosen} for p in reference.pillars()]},
            titel="Aantal acties per pijler (in kleur: de prioritaire pijlers)",
            alt="Liggend staafdiagram met het aantal acties per pijler van 1 tot 8; de prioritaire pijlers "
                "zijn gekleurd, de andere grijs.",
            bron=f"{plan_source(ctx)}; pijlers: {source_label('pijlers')}"),
    ]
    for pillar in reference.pillars():
        group = [a for a in plan.acties if a.pijlers and a.pijlers[0] == pillar.nummer]
        if not group:
            continue
        blocks.append(Subheading(f"Pijler {pillar.nummer}: {pillar.kort}"))
        blocks.append(_action_table(plan, group, f"Acties met pijler {pillar.nummer} als eerste pijler"))
    loose = [a for a in plan.acties if not a.pijlers]
    if loose:
        blocks.append(Subheading("Acties zonder pijler"))
        blocks.append(_action_table(plan, loose, "Acties zonder pijler"))
    return blocks


def _action_table(plan, group, title: str) -> Table:
    rows = []
    for a in group:
        lead = plan.partner_name(a.trekker) or "nog geen trekker"
        rows.append([a.titel, pillar_list(a.pijlers), lead, fmt.period(a.start, a.einde), fmt.euro(a.budget_eur),
                     "; ".join(a.indicatoren) or "-", vocab.ACTION_STATUSES[a.status]])
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
