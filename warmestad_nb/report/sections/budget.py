"""The budget per year of the cycle (action x year, with funding source and meerjarenplan code) and
the reconciliation with the meerjarenplan items the actions link to."""

from __future__ import annotations

from ... import formatting as fmt, vocab
from ...analysis import budget
from ..document import Note, Paragraph, Subheading, Table
from .common import Context, plan_source


def ordered_by_goal(plan) -> list:
    """The actions in the order of the goal they serve first (actions without a goal last)."""
    order = {g.id: i for i, g in enumerate(plan.prioriteiten.doelstellingen)}
    return sorted(plan.acties, key=lambda a: min((order.get(g, len(order)) for g in a.doelstellingen),
                                                 default=len(order) + 1))


def _amount(value) -> str:
    """An amount in a year column: a dash for a year without money."""
    return fmt.euro(value) if value else "-"


def _sources(action) -> str:
    return ", ".join(vocab.FUNDING_SOURCES[s] for s in budget.funding(action)) or "-"


def year_table(ctx: Context) -> Table:
    """Per year of the cycle: the budget of the counted actions (the summary shows it too)."""
    t = budget.totals(ctx.plan)
    heads = ["Jaar", *map(str, t.jaren)] + (["Niet verdeeld"] if t.niet_verdeeld else []) + ["Totaal"]
    values = [*map(fmt.euro, t.per_jaar)] + ([fmt.euro(t.niet_verdeeld)] if t.niet_verdeeld else [])
    return Table(heads, [["Budget", *values, fmt.euro(t.totaal)]], titel="Budget van de acties per jaar",
                 bron=plan_source(ctx), rechts=list(range(1, len(heads))), breed=True)


def budget_chapter(ctx: Context) -> list:
    plan = ctx.plan
    if not plan.acties:
        return [Note("Er staan nog geen acties met een budget in het plan (stap 4).")]
    years = budget.cycle_years(plan.cyclus)
    t = budget.totals(plan)
    stopped = [a for a in plan.acties if a.status == "stopgezet"]
    blocks = [Paragraph(
        f"De acties kosten samen {fmt.euro(t.totaal)} over het {_cycle(plan)}. De tabel verdeelt het budget "
        "van elke actie over de jaren, met de bron van het geld en de code in het meerjarenplan.")]
    rows = []
    for action in ordered_by_goal(plan):
        if action.status == "stopgezet":
            continue
        split = budget.per_year(action, years) if action.budget else [None] * len(years)
        rows.append([action.titel, ", ".join(action.mjp_codes) or "-", _sources(action),
                     *map(_amount, split), fmt.euro(budget.action_total(action))])
    rows.append(["Totaal", "", "", *[fmt.euro(v) for v in t.per_jaar], fmt.euro(t.totaal)])
    blocks.append(Table(["Actie", "Code", "Financiering", *map(str, years), "Totaal"], rows,
                        titel="Budget per actie en per jaar", bron=plan_source(ctx),
                        rechts=list(range(3, 4 + len(years))), breed=True))
    if t.niet_verdeeld:
        blocks.append(Paragraph(f"Van het totaal is {fmt.euro(t.niet_verdeeld)} nog niet over de jaren verdeeld."))
    if stopped:
        blocks.append(Paragraph("Niet meegeteld, want stopgezet: " + fmt.join(
            f"{a.titel} ({fmt.euro(budget.action_total(a))})" for a in stopped) + "."))
    blocks += _by_source(ctx, years)
    blocks += reconciliation(ctx)
    return blocks


def _by_source(ctx: Context, years: list[int]) -> list:
    lines = [line for a in budget.counted(ctx.plan) for line in a.budget]
    used = [s for s in vocab.FUNDING_SOURCES if any(line.financiering == s for line in lines)]
    if not used:
        return []
    rows = [[vocab.FUNDING_SOURCES[s], *[_amount(sum(x.bedrag_eur for x in lines if x.financiering == s and x.jaar == y))
                                         for y in years],
             fmt.euro(sum(x.bedrag_eur for x in lines if x.financiering == s))] for s in used]
    return [Table(["Financiering", *map(str, years), "Totaal"], rows, titel="Waar het geld vandaan komt",
                  bron=plan_source(ctx), rechts=list(range(1, 2 + len(years))), breed=True)]


def _difference(row: budget.Reconciliation) -> str:
    if row.verschil is None:
        return "geen budget in het meerjarenplan"
    if not row.wijkt_af:
        return "gelijk"
    # A sign in front, so the column reads as numbers (and is never broken inside an amount).
    return ("+ " if row.verschil > 0 else "- ") + fmt.euro(abs(row.verschil))


def reconciliation(ctx: Context) -> list:
    plan = ctx.plan
    blocks = [Subheading("Afstemming met het meerjarenplan")]
    rows = budget.reconciliation(plan)
    if not rows:
        return blocks + [Note("Geen enkele actie is al gekoppeld aan een item van het meerjarenplan.")]
    differing = [r for r in rows if r.wijkt_af]
    blocks.append(Paragraph(
        f"Per item van het meerjarenplan staat het budget van de gekoppelde acties naast het budget in het "
        f"meerjarenplan. {fmt.count(len(differing), 'item wijkt', 'items wijken')} af; bij elk verschil hoort "
        "een reden, die de gemeente invult. Een actie die aan twee items gekoppeld is, telt bij allebei mee."))
    blocks.append(Table(
        ["Code", "Item in het meerjarenplan", "Meerjarenplan", "Acties", "Verschil", "Reden"],
        [[r.item.code, r.item.titel, fmt.euro(r.item.budget_eur), fmt.euro(r.acties_totaal), _difference(r),
          (" ".join(r.item.reden_verschil.split()) or "nog in te vullen door de gemeente") if r.wijkt_af else "-"]
         for r in rows],
        titel=f"Budget van de acties tegenover het meerjarenplan {plan.meerjarenplan.cyclus}",
        bron=f"Meerjarenplan {plan.meerjarenplan.cyclus} van {ctx.gemeente}; {plan_source(ctx)}",
        rechts=[2, 3, 4], breed=True))
    return blocks


def _cycle(plan) -> str:
    return f"meerjarenplan {plan.cyclus}"
