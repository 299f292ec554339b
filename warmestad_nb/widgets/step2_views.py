"""HTML views of the environment analysis (step 2): text, tables and charts for one plan.

Each view is a function plan -> HTML string, so a widget can show it live and the same HTML is
stored as the cell's output for headless runs. Every user-provided string is escaped.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ..analysis import environment, indicators, needs, offer, summaries
from ..charts import environment as charts, to_svg
from ..formatting import MISSING, number, percent, source, value
from ..model import Plan
from .common import esc


# Minimal table style, carried with each view so it also reads well in Voila and in a static copy.
STYLE = ("<style>.ws-tabel{border-collapse:collapse;margin:.5em 0}"
         ".ws-tabel th,.ws-tabel td{padding:2px 8px;border-bottom:1px solid #d9dee3;text-align:left;"
         "vertical-align:top}.ws-getallen td{text-align:right}.ws-getallen td:first-child{text-align:left}"
         ".ws-bronnen small{color:#52606d}</style>")


def paragraphs(text: str) -> str:
    """Summary text (paragraphs, '- ' lists) as HTML."""
    out = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        items = [line[2:] for line in lines if line.startswith("- ")]
        intro = [line for line in lines if not line.startswith("- ")]
        if intro:
            out.append(f"<p>{esc(' '.join(intro))}</p>")
        if items:
            out.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
    return "".join(out)


def figure(fig: Figure, alt: str) -> str:
    svg = to_svg(fig)
    svg = svg[svg.index("<svg"):]
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{esc(alt)}" style="max-width:100%;height:auto" ', 1)
    return f'<figure class="ws-grafiek">{svg}</figure>'


def table(frame: pd.DataFrame, css: str, index: bool = True) -> str:
    return frame.to_html(classes=f"ws-tabel {css}", border=0, escape=True, index=index, na_rep=MISSING)


def notes(lines: list[str]) -> str:
    return '<div class="ws-bronnen">' + "".join(f"<p><small>{esc(n)}</small></p>" for n in lines) + "</div>"


def section(css: str, body: str) -> str:
    return f'<div class="{css}">{STYLE}{body}</div>'


# ------------------------------------------------------------------------------------ views


def header_view(plan: Plan) -> str:
    g = plan.gemeente
    parts = [f"<h2>{esc(g.naam)} (NIS {esc(g.nis)})</h2>",
             f"<p>Provincie {esc(g.provincie)} · {esc(g.logo)} · Gezondheidsmakers {esc(g.gezondheidsmakers)} · "
             f"eerstelijnszone {esc(g.eerstelijnszone)}</p>"]
    if plan.voorbeeld:
        parts.append('<p class="ws-voorbeeld"><strong>Voorbeeldplan.</strong> De cijfers uit Statbel en de '
                     "Gemeente-Stadsmonitor zijn echt; de eigen cijfers, het aanbod en de bevraging in dit plan "
                     "zijn verzonnen voorbeelden.</p>")
    return section("ws-stap2-kop", "".join(parts))


def population_view(plan: Plan) -> str:
    nis, name = plan.gemeente.nis, plan.gemeente.naam
    y = environment.youth_population(nis)
    bands = y.bands
    shown = pd.DataFrame({
        "Leeftijd": list(bands.index),
        "Jongens": [number(v) for v in bands["jongens"]],
        "Meisjes": [number(v) for v in bands["meisjes"]],
        "Totaal": [number(v) for v in bands["totaal"]],
        f"% van de bevolking in {name}": [percent(v) for v in bands["aandeel"]],
        "% in Vlaanderen": [percent(v) for v in bands["vlaanderen_aandeel"]],
    })
    shown.loc[len(shown)] = ["0-24 jaar", number(bands["jongens"].sum()), number(bands["meisjes"].sum()),
                             number(y.jeugd), percent(y.aandeel), percent(y.vlaanderen.aandeel)]
    areas = pd.DataFrame({
        "Gebied": [name, "Vlaanderen"] + [a.naam for a in y.gebieden],
        "Kinderen en jongeren 0-24": [number(y.jeugd), number(y.vlaanderen.jeugd)]
        + [number(a.jeugd) for a in y.gebieden],
        "Inwoners": [number(y.totaal), number(y.vlaanderen.totaal)] + [number(a.totaal) for a in y.gebieden],
        "Aandeel 0-24": [percent(y.aandeel), percent(y.vlaanderen.aandeel)] + [percent(a.aandeel) for a in y.gebieden],
    })
    src = source(y.bron)
    chart = charts.pyramid_chart(environment.pyramid(nis), name, src)
    return section("ws-bevolking", "".join([
        paragraphs(summaries.population_text(plan)),
        table(shown, "ws-bevolking-tabel ws-getallen", index=False),
        table(areas, "ws-bevolking-gebieden ws-getallen", index=False),
        figure(chart, f"Leeftijdspiramide 0-24 jaar van {name} tegenover Vlaanderen"),
        notes([src, "Aandelen: aantal in de leeftijdsgroep gedeeld door alle inwoners van de gemeente "
                    "(of van Vlaanderen, de provincie of de regio)."]),
    ]))


def indicators_view(plan: Plan) -> str:
    items = indicators.comparisons(plan.gemeente.nis)
    overview = indicators.summary_table(items, short=True).T
    overview.index.name = None
    footnotes = indicators.footnotes(items)
    parts = [table(overview, "ws-indicatoren-tabel ws-getallen"), notes(footnotes)]
    for c in items:
        parts.append(f"<h3>{esc(c.naam)}</h3><p>{esc(summaries.indicator_sentence(c))} {esc(c.method())}</p>")
        own_notes = [n for n in c.notes if n not in footnotes]  # the rest is said once, above
        if own_notes:
            parts.append(notes(own_notes))
        parts.append(figure(charts.indicator_chart(c), f"{c.naam}: {plan.gemeente.naam} tussen alle gemeenten"))
    parts.append(f"<h3>{esc(summaries.FLEMISH_TITLE)}</h3><p>{esc(summaries.FLEMISH_INTRO)}</p>")
    parts.append(table(pd.DataFrame(summaries.flemish_figure_rows(), columns=summaries.FLEMISH_HEADS),
                       "ws-vlaamse-cijfers", index=False))
    parts.append(notes(summaries.flemish_figure_addresses()))
    unknown = [i for i in plan.omgevingsanalyse.indicatoren if i not in indicators.chosen_ids([])]
    if unknown:
        parts.insert(0, f'<p class="ws-waarschuwing">Onbekende indicator(en) in het plan, overgeslagen: '
                        f"{esc(', '.join(unknown))}.</p>")
    return section("ws-indicatoren", "".join(parts))


def own_figures_view(plan: Plan) -> str:
    figures = plan.omgevingsanalyse.eigen_cijfers
    if not figures:
        return section("ws-eigen-cijfers", "<p>Nog geen eigen cijfers.</p>")
    frame = pd.DataFrame([{
        "Indicator": f.indicator,
        "Jaar": f.jaar,
        plan.gemeente.naam: value(f.waarde, f.eenheid),
        "Vlaanderen": value(f.vlaanderen, f.eenheid) if f.vlaanderen is not None else "",
        "Bron": f.bron,
    } for f in figures])
    return section("ws-eigen-cijfers", table(frame, "ws-eigen-cijfers-tabel", index=False))


def offer_view(plan: Plan) -> str:
    items = plan.omgevingsanalyse.aanbod
    if not items:
        return section("ws-aanbod", f"<p>{esc(summaries.offer_text(plan))}</p>")
    label = "Bron: inventaris van het bestaand aanbod in het plan"
    label += " (voorbeeld)." if plan.voorbeeld else "."
    chart = charts.offer_chart(offer.by_age(items), offer.by_strategy(items), label)
    matrix = offer.health_matrix(items)
    matrix.index = [offer.vocab.STRATEGIES[s] for s in matrix.index]
    matrix.columns = [offer.vocab.LEVELS[c] for c in matrix.columns]
    return section("ws-aanbod", "".join([
        paragraphs(summaries.offer_text(plan)),
        figure(chart, "Aantal initiatieven per pijler, leeftijdsgroep en strategie"),
        "<h3>Gezondheidsmatrix: strategie x niveau</h3>",
        table(matrix, "ws-gezondheidsmatrix ws-getallen"),
        table(offer.offer_table(items), "ws-aanbod-tabel", index=False),
    ]))


def needs_view(plan: Plan) -> str:
    analysis = plan.omgevingsanalyse
    parts = [paragraphs(summaries.needs_text(plan))]
    if analysis.enquete:
        results = needs.survey_results(analysis.enquete)
        src = f"Bron: {analysis.enquete_bron or 'niet opgegeven'}"
        parts.append(figure(charts.survey_chart(results, src), "Resultaten van de bevraging per vraag"))
    return section("ws-noden", "".join(parts))


def summary_view(plan: Plan) -> str:
    titles = {"bevolking": "Bevolking 0-24 jaar", "indicatoren": "Indicatoren", "eigen_cijfers": "Eigen cijfers",
              "aanbod": "Bestaand aanbod", "noden": "Noden"}
    parts = []
    for key, text in summaries.all_texts(plan).items():
        parts.append(f"<h3>{titles[key]}</h3>{paragraphs(text)}")
    return section("ws-samenvatting", "".join(parts))
