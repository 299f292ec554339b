"""Short Dutch texts per section of the environment analysis, written from the figures.

One function per section, each taking the plan and returning plain text (paragraphs separated
by a blank line, lists as lines starting with "- "). The notebook shows them and the policy plan
document reuses them, so both always say the same.
"""

from __future__ import annotations

from .. import reference
from ..formatting import MISSING, join, number, percent, value
from ..model import Plan
from . import environment, indicators, needs, offer
from .indicators import HIGHER, LOWER, NOT_NOTABLE


FLEMISH_TITLE = "Mentaal welbevinden van kinderen en jongeren in Vlaanderen"
FLEMISH_INTRO = ("Per gemeente bestaan er geen cijfers over het mentaal welbevinden van kinderen en jongeren. "
                 "Deze Vlaamse cijfers schetsen de context; een eigen bevraging kan ze voor de gemeente aanvullen.")
FLEMISH_HEADS = ["Vlaanderen", "Wat", "Leeftijd", "Jaar", "Bron"]


def flemish_figure_rows() -> list[list[str]]:
    """One row per Flemish context figure: the figure, what it says, ages, year and source."""
    return [[f.cijfer, f.omschrijving, f.leeftijd, str(f.jaar), f.bron] for f in reference.flemish_figures()]


def flemish_figure_addresses() -> list[str]:
    """Where each figure is stated, one line per figure (long addresses do not fit a table column)."""
    return [f"{f.cijfer} {f.omschrijving} ({f.jaar}): {f.bron_adres}" for f in reference.flemish_figures()]


def population_text(plan: Plan) -> str:
    """'In Gent wonen ... kinderen en jongeren (x% van de bevolking; Vlaanderen 26,9%) ...'"""
    y = environment.youth_population(plan.gemeente.nis)
    name = plan.gemeente.naam
    province = y.gebieden[0]
    year = y.bron.jaar
    bands = y.bands
    gap = (bands["aandeel"] - bands["vlaanderen_aandeel"]).abs().idxmax()
    band = bands.loc[gap]
    more = "meer" if band["aandeel"] > band["vlaanderen_aandeel"] else "minder"
    text = [
        f"In {name} wonen op 1 januari {year} {number(y.jeugd)} kinderen en jongeren van 0 tot 24 jaar "
        f"({percent(y.aandeel)} van de {number(y.totaal)} inwoners; Vlaanderen {percent(y.vlaanderen.aandeel)}, "
        f"{province.naam} {percent(province.aandeel)}). Met dat aandeel staat {name} op plaats {y.rang} van de "
        f"{y.gemeenten} Vlaamse gemeenten (1 = het hoogste aandeel).",
        f"Het grootste verschil met Vlaanderen is er in de leeftijdsgroep {gap}: {number(band['totaal'])} inwoners of "
        f"{percent(band['aandeel'])} van de bevolking, {more} dan in Vlaanderen "
        f"({percent(band['vlaanderen_aandeel'])}).",
    ]
    own = {f.indicator: f for f in plan.omgevingsanalyse.eigen_cijfers}
    labels = [label for label, *_ in environment.PROGRAMME_BANDS]
    found = [own.get(f"Inwoners van {label} jaar") for label in labels]
    if all(found):
        parts = [f"{number(f.waarde)} van {label} jaar" for label, f in zip(labels, found)]
        text.append(f"In de leeftijdsgroepen van het programma (toestand op 1 januari {found[0].jaar}): "
                    f"{join(parts)} (bron: {found[0].bron}).")
    text.append(f"Bron: {y.bron.uitgever}, bevolking op 1 januari {year}.")
    return "\n\n".join(text)


def indicator_sentence(c: indicators.Comparison) -> str:
    unit = c.measure.eenheid
    flemish, province = c.gebieden[0], c.gebieden[1]
    if c.waarde is None:
        return (f"{c.naam}: {MISSING} voor {c.gemeente.naam} (Vlaanderen {value(flemish.waarde, unit)}; "
                f"{c.measure.jaar_kort}); deze gemeente telt niet mee in de rangschikking.")
    sentence = (f"{c.naam}: {value(c.waarde, unit)} (Vlaanderen {value(flemish.waarde, unit)}, "
                f"{province.naam} {value(province.waarde, unit)}; rang {indicators.rank_text(c)}, "
                f"1 = de hoogste waarde; {c.measure.jaar_kort}).")
    median = value(c.kwartielen[1], unit) if c.kwartielen else None
    if c.signaal == HIGHER:
        sentence += f" Dat is opvallend hoger dan in vergelijkbare gemeenten (mediaan {median})."
    elif c.signaal == LOWER:
        sentence += f" Dat is opvallend lager dan in vergelijkbare gemeenten (mediaan {median})."
    elif c.signaal == NOT_NOTABLE:
        sentence += f" Dat ligt in de lijn van vergelijkbare gemeenten (mediaan {median})."
    return sentence


def indicators_text(plan: Plan) -> str:
    """One sentence per chosen indicator, then how the comparison values were made and the source."""
    items = indicators.comparisons(plan.gemeente.nis, indicators.chosen_ids(plan.omgevingsanalyse.indicatoren))
    if not items:
        return "Er zijn nog geen indicatoren gekozen."
    lines = [f"- {indicator_sentence(c)}" for c in items]
    weights = [f"{c.naam.split(' (')[0].lower()} met het aantal {c.measure.gewicht.kort}"
               for c in items if c.measure.gewicht]
    method = (f"De waarden voor Vlaanderen, de provincie en de regio's zijn gewogen gemiddelden van de gemeenten "
              f"met een gegeven: {join(weights)}. 'Opvallend' betekent boven het 75ste of onder het 25ste "
              f"percentiel van de {indicators.COMPARISON_SIZE} gemeenten uit dezelfde provincie met het dichtst "
              "bijliggende inwonertal.")
    src = reference.source("stadsmonitor")
    return "\n".join(lines) + f"\n\n{method}\n\nBron: {src.uitgever}; {src.jaar}."


def own_figures_text(plan: Plan) -> str:
    figures = plan.omgevingsanalyse.eigen_cijfers
    if not figures:
        return "Er zijn nog geen eigen cijfers toegevoegd."
    by_source: dict[str, list] = {}
    for f in figures:
        by_source.setdefault(f.bron, []).append(f)
    paragraphs = []
    for source, items in by_source.items():
        parts = []
        for f in items:
            flemish = f"; Vlaanderen {value(f.vlaanderen, f.eenheid)}" if f.vlaanderen is not None else ""
            parts.append(f"- {f.indicator} ({f.jaar}): {value(f.waarde, f.eenheid)}{flemish}")
        paragraphs.append("\n".join(parts) + f"\n\nBron: {source}.")
    return "\n\n".join(paragraphs)


def offer_text(plan: Plan) -> str:
    items = plan.omgevingsanalyse.aanbod
    if not items:
        return "Het bestaand aanbod is nog niet in kaart gebracht."
    gaps = offer.gaps(items)
    count = "1 initiatief" if len(items) == 1 else f"{len(items)} initiatieven"
    text = [f"De inventaris van het bestaand aanbod telt {count}."]
    if gaps.pijlers:
        text.append(f"Voor {join(offer.pillar_label(p) for p in gaps.pijlers)} is er nog geen aanbod.")
    else:
        text.append("Elke pijler heeft minstens één initiatief.")
    if gaps.leeftijdsgroepen:
        text.append(f"Geen enkel initiatief richt zich op {join(a + ' jaar' for a in gaps.leeftijdsgroepen)}.")
    total = len(offer.PILLARS) * len(offer.by_age(items).columns)
    text.append(f"Van de {total} combinaties van pijler en leeftijdsgroep hebben er {len(gaps.cellen)} nog geen "
                "aanbod.")
    if gaps.strategieen:
        labels = [offer.vocab.STRATEGIES[s] for s in gaps.strategieen]
        text.append(f"Geen initiatief gebruikt de strategie {join(labels, 'of')} uit de gezondheidsmatrix.")
    return " ".join(text)


def needs_text(plan: Plan) -> str:
    analysis = plan.omgevingsanalyse
    paragraphs = []
    if analysis.enquete:
        lines = [f"Uit de bevraging ({analysis.enquete_bron or 'bron niet opgegeven'}):"]
        for h in needs.highlights(analysis.enquete):
            lines.append(f"- {h.vraag} Het meest gegeven antwoord: '{h.antwoord}' ({percent(h.procent, 0)}, "
                         f"{number(h.aantal)} van {number(h.antwoorden)}).")
        paragraphs.append("\n".join(lines))
    if analysis.noden:
        lines = ["Noden uit gesprekken en focusgroepen:"]
        lines += [f"- {n.omschrijving}" + (f" ({n.bron})" if n.bron else "") for n in analysis.noden]
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs) or "De noden van kinderen, jongeren en ouders zijn nog niet bevraagd."


SECTIONS = {
    "bevolking": population_text,
    "indicatoren": indicators_text,
    "eigen_cijfers": own_figures_text,
    "aanbod": offer_text,
    "noden": needs_text,
}


def all_texts(plan: Plan) -> dict[str, str]:
    return {name: section(plan) for name, section in SECTIONS.items()}
