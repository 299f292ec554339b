"""Environment analysis, existing offer and gaps, needs (step 2).

Population figures straight from the reference data; the indicator comparison and its wording
come from step 2's analysis (analysis/indicators.py, analysis/summaries.py), so the document and
the step-2 notebook always agree.
"""

from __future__ import annotations

from ... import reference, vocab
from ...analysis import indicators, summaries
from ..document import Bullets, Figure, Note, Paragraph, Subheading, Table
from ... import formatting as fmt
from .common import Context, ages, pillar_label, pillar_list, source_label

BAND_LABELS = [b.replace("_", "-") for b in reference.YOUTH_BANDS]


def _youth(row: dict[str, int]) -> list[int]:
    return [row[f"m_{b}"] + row[f"f_{b}"] for b in reference.YOUTH_BANDS]


def population_facts(nis: str) -> dict:
    """0-24 population of a municipality with its province and Flanders, from Statbel 2026."""
    population = reference.population_2026()
    province = reference.municipality(nis).provincie
    in_province = [n for n in population if reference.municipality(n).provincie == province]

    def totals(codes: list[str]) -> tuple[list[int], int]:
        bands = [sum(_youth(population[n])[i] for n in codes) for i in range(len(BAND_LABELS))]
        return bands, sum(population[n]["total"] for n in codes)

    own = (_youth(population[nis]), population[nis]["total"])
    return {"gemeente": own, "provincie": totals(in_province), "vlaanderen": totals(list(population)),
            "provincienaam": province}


def _decimals(unit: str) -> int:
    """Decimals of a comparison value, the same in the table and in the chart."""
    return 1 if unit == "%" else 2


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "geen waarde in de bron"
    return fmt.percent(value, _decimals(unit)) if unit == "%" else fmt.number(value, _decimals(unit))


def _bar_text(value: float | None, unit: str) -> str:
    """The value next to a bar of the indicator chart (its title has the unit): rounded as in the table."""
    return "geen waarde" if value is None else fmt.number(value, _decimals(unit))


def environment(ctx: Context) -> list:
    plan = ctx.plan
    g = plan.gemeente
    pop = population_facts(g.nis)
    (own_bands, own_total), (prov_bands, prov_total), (fl_bands, fl_total) = (
        pop["gemeente"], pop["provincie"], pop["vlaanderen"])
    youth = sum(own_bands)
    pop_source = source_label("bevolking")
    blocks = [
        Subheading("Kinderen en jongeren in cijfers"),
        Paragraph(f"Op 1 januari 2026 telt {g.naam} {fmt.number(own_total)} inwoners, van wie "
                  f"{fmt.number(youth)} kinderen en jongeren van 0 tot 24 jaar "
                  f"({fmt.percent(100 * youth / own_total)}). In de provincie {pop['provincienaam']} is dat "
                  f"{fmt.percent(100 * sum(prov_bands) / prov_total)}, in heel Vlaanderen "
                  f"{fmt.percent(100 * sum(fl_bands) / fl_total)}."),
        Table(["Leeftijd", g.naam, "aandeel", pop["provincienaam"], "Vlaanderen"],
              [[f"{label} jaar", fmt.number(n), fmt.percent(100 * n / own_total),
                fmt.percent(100 * p / prov_total), fmt.percent(100 * f / fl_total)]
               for label, n, p, f in zip(BAND_LABELS, own_bands, prov_bands, fl_bands)]
              + [["0-24 jaar", fmt.number(youth), fmt.percent(100 * youth / own_total),
                  fmt.percent(100 * sum(prov_bands) / prov_total), fmt.percent(100 * sum(fl_bands) / fl_total)]],
              titel="Bevolking van 0 tot 24 jaar op 1 januari 2026", bron=pop_source, rechts=[1, 2, 3, 4]),
        Figure("jeugd_leeftijd", {
            "banden": BAND_LABELS,
            "reeksen": [
                {"naam": g.naam, "aandelen": [100 * n / own_total for n in own_bands]},
                {"naam": f"provincie {pop['provincienaam']}", "aandelen": [100 * n / prov_total for n in prov_bands]},
                {"naam": "Vlaanderen", "aandelen": [100 * n / fl_total for n in fl_bands]},
            ]},
            titel=f"Aandeel van elke leeftijdsgroep in de bevolking, {g.naam} vergeleken (1 januari 2026)",
            alt=(f"Staafdiagram: per leeftijdsgroep van vijf jaar tussen 0 en 24 jaar het aandeel in de "
                 f"bevolking van {g.naam}, de provincie {pop['provincienaam']} en Vlaanderen."),
            bron=pop_source),
    ]
    blocks += _indicators(ctx)
    blocks += flemish_figures()
    blocks += _own_figures(ctx)
    blocks.append(Subheading("Samenvatting van de analyse"))
    notes = fmt.paragraphs(plan.omgevingsanalyse.notities)
    blocks += [Paragraph(p) for p in notes] or [Note("De samenvatting van de analyse staat nog niet in het plan.")]
    return blocks


def flemish_figures() -> list:
    """Flemish figures on mental well-being, each with its source and address (also on the step 2 page)."""
    return [Subheading(summaries.FLEMISH_TITLE), Paragraph(summaries.FLEMISH_INTRO),
            Table(summaries.FLEMISH_HEADS, summaries.flemish_figure_rows(), titel=summaries.FLEMISH_TITLE,
                  bron=source_label("vlaamse_cijfers")),
            Paragraph("Waar elk cijfer te lezen is:"), Bullets(summaries.flemish_figure_addresses())]


def _indicators(ctx: Context) -> list:
    """Step 2's comparison: population-weighted Flemish and provincial values, rank, notable flags."""
    blocks = [Subheading("Indicatoren uit de Gemeente-Stadsmonitor")]
    ids = indicators.chosen_ids(ctx.plan.omgevingsanalyse.indicatoren)
    if not ids:
        return blocks + [Note("Er zijn nog geen indicatoren gekozen voor de omgevingsanalyse.")]
    items = indicators.comparisons(ctx.plan.gemeente.nis, ids)
    province = items[0].gebieden[1].naam
    codes = {d.id: d.code for d in reference.indicator_defs()}
    rows, panels = [], []
    for c in items:
        unit = c.measure.eenheid
        code = f" ({codes[c.measure.id]})" if c.measure.id in codes else ""
        flemish, prov = c.gebieden[0], c.gebieden[1]
        rows.append([f"{c.naam}{code}", _value(c.waarde, unit), _value(prov.waarde, unit),
                     _value(flemish.waarde, unit), c.measure.jaar_kort, indicators.rank_text(c), c.signaal])
        values = [c.waarde, prov.waarde, flemish.waarde]
        panels.append({"titel": f"{c.naam} ({unit})", "eenheid": unit,
                       "labels": [ctx.gemeente, province, "Vlaanderen"],
                       "waarden": values, "teksten": [_bar_text(v, unit) for v in values]})
    source = f"{reference.source('stadsmonitor').uitgever}, Gemeente-Stadsmonitor, {items[0].measure.periode}"
    # Each value once in the body: in the table, drawn in the chart; how it is computed in the annex.
    return blocks + [
        Paragraph("De tabel zet elke indicator naast het gewogen gemiddelde van de provincie en Vlaanderen; de "
                  "grafiek toont dezelfde waarden. Hoe ze berekend zijn, staat in de bijlage."),
        Table(["Indicator", ctx.gemeente, province, "Vlaanderen", "Referentiejaar", "Rang (1 = hoogste)", "Signaal"], rows,
              titel="Indicatoren vergeleken", bron=source, rechts=[1, 2, 3]),
        Figure("indicatoren", {"panelen": panels},
               titel=f"{ctx.gemeente} vergeleken met de provincie en Vlaanderen (gewogen gemiddelden)",
               alt=f"Staafdiagrammen: per indicator de waarde van {ctx.gemeente} naast het gewogen gemiddelde "
                   f"van {province} en van Vlaanderen.",
               bron=source),
    ]


def indicator_method(ctx: Context) -> list[str]:
    """How the chosen indicators are computed and compared (for the annex)."""
    ids = indicators.chosen_ids(ctx.plan.omgevingsanalyse.indicatoren)
    return indicators.footnotes(indicators.comparisons(ctx.plan.gemeente.nis, ids)) if ids else []


def _own_figures(ctx: Context) -> list:
    own = ctx.plan.omgevingsanalyse.eigen_cijfers
    if not own:
        return []
    return [
        Subheading("Eigen cijfers van de gemeente en de partners"),
        Table(["Indicator", "Jaar", "Waarde", "Bron"],
              [[c.indicator, str(c.jaar), f"{fmt.number(c.waarde, 0 if c.waarde == int(c.waarde) else 1)} {c.eenheid}".strip(),
                c.bron] for c in own],
              titel="Eigen cijfers", rechts=[1, 2]),
    ]


def offer(ctx: Context) -> list:
    items = ctx.plan.omgevingsanalyse.aanbod
    if not items:
        return [Note("Het bestaande aanbod is nog niet in kaart gebracht (stap 2).")]
    blocks = [
        Paragraph(f"De projectgroep bracht {fmt.count(len(items), 'bestaand aanbod', 'vormen van bestaand aanbod')} "
                  f"in kaart, met de pijlers en leeftijden die het bereikt."),
        Table(["Aanbod", "Aanbieder", "Pijlers", "Leeftijd", "Strategie"],
              [[a.naam, a.aanbieder or "-", pillar_list(a.pijlers), ages(a.leeftijdsgroepen),
                vocab.STRATEGIES.get(a.strategie, "-") if a.strategie else "-"] for a in items],
              titel="Bestaand aanbod"),
    ]
    pillars = {p for a in items for p in a.pijlers}
    age_groups = {g for a in items for g in a.leeftijdsgroepen}
    gaps = [f"geen aanbod voor pijler {pillar_label(p)}" for p in range(1, 9) if p not in pillars]
    gaps += [f"geen aanbod voor {vocab.AGE_GROUPS[g]}" for g in vocab.AGE_GROUPS if g not in age_groups]
    blocks.append(Subheading("Hiaten"))
    blocks.append(Bullets(gaps) if gaps else Paragraph(
        "Elke pijler en elke leeftijdsgroep heeft minstens één vorm van aanbod; de hiaten zitten dus in "
        "de diepte en het bereik, zoals de samenvatting van de analyse beschrijft."))
    blocks.append(health_matrix(items))
    return blocks


def health_matrix(items) -> Table:
    """The gezondheidsmatrix: how much offer sits in each strategy (row) and level (column) (also on the
    step 2 page)."""
    rows = []
    for s_code, s_label in vocab.STRATEGIES.items():
        cells = [sum(1 for a in items if a.strategie == s_code and a.niveau == l_code) for l_code in vocab.LEVELS]
        rows.append([s_label] + [str(c) if c else "-" for c in cells])
    return Table(["Strategie"] + list(vocab.LEVELS.values()), rows,
                 titel="Gezondheidsmatrix: aantal vormen van aanbod per strategie en niveau",
                 rechts=[1, 2, 3, 4])


def needs(ctx: Context) -> list:
    a = ctx.plan.omgevingsanalyse
    blocks = []
    if a.noden:
        blocks.append(Bullets([fmt.aside(n.omschrijving, n.bron) for n in a.noden]))
    else:
        blocks.append(Note("De noden van kinderen, jongeren en ouders zijn nog niet bevraagd (stap 2)."))
    if a.enquete:
        questions: dict[str, list] = {}
        for answer in a.enquete:
            questions.setdefault(answer.vraag, []).append(answer)
        rows = []
        for question, answers in questions.items():
            total = sum(x.aantal for x in answers) or 1
            for i, x in enumerate(answers):
                rows.append([question if i == 0 else "", x.antwoord, str(x.aantal), fmt.percent(100 * x.aantal / total, 0)])
        blocks.append(Table(["Vraag", "Antwoord", "Aantal", "Aandeel"], rows, titel="Resultaten van de bevraging",
                            bron=a.enquete_bron or "Eigen bevraging", rechts=[2, 3]))
    return blocks
