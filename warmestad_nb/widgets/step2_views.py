"""The views of the environment analysis (step 2) as the policy plan's blocks, rendered like the document.

Each view is a function plan -> HTML string (plan_view.view), so a widget can show it live and the same
HTML is stored as the cell's output for headless runs. The Flemish figures and the gezondheidsmatrix
are the document's own blocks (report/sections/situation.py).
"""

from __future__ import annotations

import pandas as pd

from ..analysis import environment, indicators, needs, offer, summaries
from ..charts import environment as charts
from ..formatting import number, percent, value
from ..model import Plan
from ..report.document import Bullets, Note, Paragraph, Subheading
from ..report.sections.situation import flemish_figures, health_matrix
from .common import example_note
from .plan_view import chart, frame, text, view


def _source(src, year=None) -> str:
    return f"{src.uitgever}, {src.titel}; {year or src.jaar}"


def header_view(plan: Plan) -> str:
    g = plan.gemeente
    blocks = [Paragraph(f"{g.naam} (NIS {g.nis}) · provincie {g.provincie} · {g.logo} · Gezondheidsmakers "
                        f"{g.gezondheidsmakers} · eerstelijnszone {g.eerstelijnszone}")]
    return view("ws-stap2-kop", blocks) + example_note(plan)


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
    src = _source(y.bron)
    return view("ws-bevolking", [
        *text(summaries.population_text(plan)),
        frame(shown, titel=f"Kinderen en jongeren van 0 tot 24 jaar in {name}, per leeftijd", bron=src),
        frame(areas, titel=f"Kinderen en jongeren van 0 tot 24 jaar: {name} naast grotere gebieden", bron=src),
        chart(charts.pyramid_chart(environment.pyramid(nis), name, f"Bron: {src}."),
              titel=f"Leeftijdspiramide 0-24 jaar van {name} tegenover Vlaanderen",
              alt=f"Leeftijdspiramide 0-24 jaar van {name} tegenover Vlaanderen: per leeftijd de jongens links en de "
                  "meisjes rechts, als aandeel van alle inwoners; de omlijnde balken zijn Vlaanderen.", bron=src),
        Paragraph("Aandelen: aantal in de leeftijdsgroep gedeeld door alle inwoners van de gemeente "
                  "(of van Vlaanderen, de provincie of de regio)."),
    ])


def indicators_view(plan: Plan) -> str:
    items = indicators.comparisons(plan.gemeente.nis)
    overview = indicators.summary_table(items, short=True).T
    overview.index.name = "Gebied of gegeven"
    footnotes = indicators.footnotes(items)
    blocks = []
    unknown = [i for i in plan.omgevingsanalyse.indicatoren if i not in indicators.chosen_ids([])]
    if unknown:
        blocks.append(Note(f"Onbekende indicator(en) in het plan, overgeslagen: {', '.join(unknown)}."))
    blocks += [frame(overview, titel="Indicatoren vergeleken met Vlaanderen, de provincie en vergelijkbare gemeenten",
                     index=True), Bullets(footnotes)]
    for c in items:
        blocks.append(Subheading(c.naam))
        blocks.append(Paragraph(f"{summaries.indicator_sentence(c)} {c.method()}"))
        own_notes = [n for n in c.notes if n not in footnotes]  # the rest is said once, above
        if own_notes:
            blocks.append(Bullets(own_notes))
        blocks.append(chart(charts.indicator_chart(c), titel=f"{c.naam}: {plan.gemeente.naam} tussen alle gemeenten",
                            alt=f"{c.naam}: alle gemeenten van hoog naar laag, met {plan.gemeente.naam} en de "
                                "vergelijkbare gemeenten gemarkeerd.",
                            bron=_source(c.measure.bron, c.measure.periode)))
    blocks += flemish_figures()
    return view("ws-indicatoren", blocks)


def own_figures_view(plan: Plan) -> str:
    figures = plan.omgevingsanalyse.eigen_cijfers
    if not figures:
        return view("ws-eigen-cijfers", [Note("Nog geen eigen cijfers.")])
    table = pd.DataFrame([{
        "Indicator": f.indicator,
        "Jaar": f.jaar,
        plan.gemeente.naam: value(f.waarde, f.eenheid),
        "Vlaanderen": value(f.vlaanderen, f.eenheid) if f.vlaanderen is not None else "",
        "Bron": f.bron,
    } for f in figures])
    return view("ws-eigen-cijfers", [frame(table, titel="Eigen cijfers")])


def offer_view(plan: Plan) -> str:
    items = plan.omgevingsanalyse.aanbod
    if not items:
        return view("ws-aanbod", [Paragraph(summaries.offer_text(plan))])
    label = "inventaris van het bestaand aanbod in het plan" + (" (voorbeeld)" if plan.voorbeeld else "")
    return view("ws-aanbod", [
        *text(summaries.offer_text(plan)),
        chart(charts.offer_chart(offer.by_age(items), offer.by_strategy(items), f"Bron: {label}."),
              titel="Aantal initiatieven per pijler, leeftijdsgroep en strategie",
              alt="Aantal initiatieven per pijler (rijen) en per leeftijdsgroep en strategie (kolommen); een vak "
                  "zonder initiatief is rood.", bron=label),
        health_matrix(items),
        frame(offer.offer_table(items), titel="Bestaand aanbod", breed=True),
    ])


def needs_view(plan: Plan) -> str:
    analysis = plan.omgevingsanalyse
    blocks = text(summaries.needs_text(plan))
    if analysis.enquete:
        results = needs.survey_results(analysis.enquete)
        src = analysis.enquete_bron or "niet opgegeven"
        blocks.append(chart(charts.survey_chart(results, f"Bron: {src}"), titel="Resultaten van de bevraging per vraag",
                            alt="Per vraag van de bevraging de antwoorden met hun aantal en hun aandeel.", bron=src))
    return view("ws-noden", blocks)


def summary_view(plan: Plan) -> str:
    titles = {"bevolking": "Bevolking 0-24 jaar", "indicatoren": "Indicatoren", "eigen_cijfers": "Eigen cijfers",
              "aanbod": "Bestaand aanbod", "noden": "Noden"}
    blocks = []
    for key, summary in summaries.all_texts(plan).items():
        blocks += [Subheading(titles[key]), *text(summary)]
    return view("ws-samenvatting", blocks)
