"""Domain facts as the user sees them: practices with their kind and source, dated figures."""

from __future__ import annotations

import re
from html import unescape

import pytest

from conftest import EXAMPLES
from warmestad_nb import reference, vocab
from warmestad_nb.report.document import Bullets, Facts, Subheading, Table
from warmestad_nb.report.sections import closing
from warmestad_nb.report.sections.common import Context
from warmestad_nb.store import read_plan


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_annex_names_kind_and_source_of_each_practice_in_the_plan(path):
    plan = read_plan(path)
    used = list(dict.fromkeys(a.catalogus_id for a in plan.acties if a.catalogus_id))
    blocks = closing.annex(Context(plan))
    heads = [i for i, b in enumerate(blocks) if isinstance(b, Subheading)
             and b.tekst == "Praktijken uit de inspiratiebox in dit plan"]
    assert len(heads) == (1 if used else 0)
    if used:
        lines = blocks[heads[0] + 1].items
        assert len(lines) == len(used)
        for pid, line in zip(used, lines):
            practice = reference.practice(pid)
            assert line == (f"{practice.titel} ({vocab.PRACTICE_KINDS[practice.soort]}), "
                            f"beschreven in {practice.bron_adres}")


def test_the_fiche_in_the_app_shows_kind_evaluation_and_source():
    from warmestad_nb.widgets.actions import _fiche

    html = _fiche(reference.practice("fit-in-je-hoofd"))
    assert "informatie of zelfhulp" in html and "gezondleven.be/projecten/fit-in-je-hoofd" in html
    assert "geëvalueerd" in html
    assert "niet nagegaan" in _fiche(reference.practice("awel"))


def test_vizier_goals_in_their_official_wording_with_their_source():
    goals = reference.lookup("vizier2030")
    assert goals["v-armoede"].titel.startswith(
        "In 2030 blijft het aandeel gezinnen dat leeft in armoede en geconfronteerd wordt met sociale uitsluiting "
        "bij de laagste in vergelijking met de best presterende landen in Europa")
    inequality = goals["v-sociale-ongelijkheid-gezondheid"]
    assert "sociale ongelijkheid in gezondheid en welzijn" in inequality.titel
    assert inequality.bron_adres.endswith("sdg-10-dring-ongelijkheid-in-en-tussen-landen-terug")
    assert all(g.bron_adres.startswith("https://www.vlaanderen.be/") for g in reference.vizier_goals())
    assert "eigen samenvatting" not in reference.source("vizier2030").opmerking


def test_beleidsvelden_are_shown_as_the_workbooks_summary_and_sport_keeps_its_code():
    assert "eigen samenvatting" in reference.source("beleidsvelden").uitgever
    fields = reference.lookup("beleidsvelden")
    # 0740 is one field of the sport range, not the range: every sport code is known by its own number.
    assert {f"074{n}" for n in range(10)} <= set(fields)
    from warmestad_nb.imports.meerjarenplan import parse_field
    assert parse_field("0742 Sportinfrastructuur") == ("0742", None)
    definitions = dict(next(b for b in closing.annex(Context(read_plan(EXAMPLES[0])))
                            if isinstance(b, Facts)).rijen)
    assert "nationale" not in definitions["Beleidsveld"] and "eigen samenvatting" in definitions["Beleidsveld"]


# ------------------------------------------------------------------ reference years beside every value

YEAR_NOTE = re.compile(r"referentiejaar onbekend|referentiejaar \d{4}|1 januari \d{4}", re.I)
INDICATOR_NAMES = [d.naam for d in reference.indicator_defs()]
# How the plans' own texts name them (the examples' notes quote the values too).
INDICATOR_WORDS = re.compile(r"kansarmoede-index|onderwijskansarmoede|werkzoekendengraad", re.I)


def _elements_with_indicator_values(html: str) -> list[str]:
    """The table rows, list items and paragraphs that show a value of a Gemeente-Stadsmonitor indicator."""
    found = []
    for tag in ("tr", "li", "p"):
        for element in re.findall(rf"<{tag}\b.*?</{tag}>", html, flags=re.S):
            if tag == "tr" and "<td" not in element:
                continue  # a header row names the indicators, it shows no value
            text = unescape(re.sub(r"<[^>]+>", " ", element))
            if INDICATOR_WORDS.search(text) and re.search(r"\d", text.split(":", 1)[-1]):
                found.append(" ".join(text.split()))
    return found


def test_step_2_and_step_3_show_the_reference_year_beside_every_indicator_value():
    from warmestad_nb.widgets.priorities import environment_table
    from warmestad_nb.widgets.step2_views import indicators_view

    for path in EXAMPLES:
        plan = read_plan(path)
        view = indicators_view(plan)
        table = re.search(r"<table.*?</table>", view, flags=re.S).group(0)
        assert "Referentiejaar" in table and table.count("referentiejaar onbekend") == len(INDICATOR_NAMES)
        for html in (view, environment_table(plan)):
            elements = _elements_with_indicator_values(html)
            assert elements, path.stem
            for text in elements:
                assert YEAR_NOTE.search(text), text


@pytest.mark.slow
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_in_the_policy_plan_every_indicator_value_has_its_year_beside_it(path):
    from warmestad_nb.report.html import render_section
    from warmestad_nb.report.outline import CHAPTERS, numbering
    from warmestad_nb.report.sections import build_section

    ctx = Context(read_plan(path))
    numbers = numbering(list(CHAPTERS))
    html = "".join(render_section(build_section(ctx, c, numbers[c.id])) for c in CHAPTERS)
    elements = _elements_with_indicator_values(html)
    assert len(elements) >= len(ctx.plan.omgevingsanalyse.indicatoren)
    for text in elements:
        assert YEAR_NOTE.search(text), text


# ------------------------------------------------------------------ local items in the example plans

# Organisations named in the examples without "(voorbeeld)", with where they were checked.
CHECKED = {
    "CAW De Kempen en partners": "https://www.caw.be/wat-beweegt-er/nieuws/officiele-opening-welzijnscampus-dr-constant-janssen-in-turnhout/",
    "OCMW Turnhout": "https://www.ocmwturnhout.be/dakloos",
    "Huis van het Kind Turnhout": "https://www.vlaanderen.be/stedenbeleid/nieuwsberichten/realisatie-occasionele-kinderopvang-in-pioniersgebouw-te-turnhout",
    "Gezondheidsmakers Kempen": "data/gemeenten_vlaanderen_2025.csv",
    "Gezondheidsmakers Kempen (vroeger Logo Kempen)": "data/gemeenten_vlaanderen_2025.csv",
    "Gezondheidsmakers Regio Gent (Logo Gezond+)": "https://logogezondplus.vl.vlaamse-logos.be/content/over-logo-gezond",
    "OverKop-huis Gent": "https://www.demorgen.be/plus/vijf-steden-krijgen-een-overkop-huis-b-1496965201620/",
    "Samenlevingsopbouw Gent": "https://fdocuments.nl/document/bc-21557-10-2014-samenlevingsopbouw-vzw-jos-geysels-voorzitter-van-de-deceniumdoelen.html",
    "Stad Gent - Dienst Welzijn en Gelijke Kansen": "https://gezonde.stad.gent/gezondheidsbeleid/gezondheidsraad/werkgroepen/netwerk-gezondheidspromotie",
    "Eerstelijnszone Gent - zorgraad": "https://www.eerstelijnszone.be/missie-en-visie-ELZ-Gent",
    "Fonds Ga voor Geluk": "https://www.vrt.be/vrtnws/nl/2021/03/17/warme-william-campagne-gestart-in-school-in-beveren/",
    "CAW Oost-Vlaanderen en partners": "http://www.cawoostvlaanderen.be/organisatie",
}
# Not checked one by one: the services of the municipality itself, its OCMW, and the youth offer of the
# regional CAW (the JAC), which every municipality or CAW has under some name.
GENERIC = re.compile(r"^(Stad|Gemeente) (Gent|Turnhout|Herselt)\b|^OCMW Herselt$|^Stadsbibliotheek Gent$|"
                     r"^Stedelijke kinderopvang Gent$|^Huis van het Kind Gent$|JAC (Gent|Turnhout)$|"
                     r"^Jeugdverenigingen en jeugddienst$|^Scholen \(eigen initiatief\)$")


def _named_organisations(plan) -> set[str]:
    names = {p.organisatie for p in plan.partners}
    names |= {a.aanbieder for a in plan.omgevingsanalyse.aanbod if a.aanbieder}
    if plan.kickoff:
        names |= {s.organisatie for s in plan.kickoff.aanmeldingen if s.organisatie}
        if plan.kickoff.locatie:
            names.add(plan.kickoff.locatie)
    return names


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_named_local_item_is_checked_or_marked_as_an_example(path):
    for name in _named_organisations(read_plan(path)):
        assert "(voorbeeld)" in name or name in CHECKED or GENERIC.search(name), name


def test_the_turnhout_example_has_no_overkop_house_in_the_pilot_years():
    text = (EXAMPLES[1]).read_text(encoding="utf-8")
    assert EXAMPLES[1].stem == "13040-turnhout"
    assert "OverKop-huis Turnhout" not in text
    plan = read_plan(EXAMPLES[1])
    for action in plan.acties:
        if "overkop" in f"{action.titel} {action.omschrijving}".lower():
            assert "(voorbeeld)" in action.titel and "model van de OverKop-huizen" in action.omschrijving
    assert not [p for p in plan.partners if "overkop" in p.organisatie.lower()]


# ------------------------------------------------------------------ Flemish context figures


def test_every_flemish_figure_has_its_source_year_and_address():
    figures = reference.flemish_figures()
    assert len(figures) >= 3
    for f in figures:
        assert f.bron and 2010 <= f.jaar <= 2026 and f.bron_adres.startswith(("https://", "http://")), f.id
    assert "Vlaanderen" in reference.source("vlaamse_cijfers").opmerking


def test_step_2_and_the_policy_plan_show_the_flemish_figures_labelled_as_flemish():
    from warmestad_nb.analysis import summaries
    from warmestad_nb.report.sections import situation
    from warmestad_nb.widgets.step2_views import indicators_view

    plan = read_plan(EXAMPLES[0])
    view = unescape(indicators_view(plan))
    blocks = situation.environment(Context(plan))
    table = next(b for b in blocks if isinstance(b, Table) and b.titel == summaries.FLEMISH_TITLE)
    assert table.kolommen[0] == "Vlaanderen" and "Vlaanderen" in summaries.FLEMISH_TITLE
    for f in reference.flemish_figures():
        assert [f.cijfer, f.omschrijving, f.leeftijd, str(f.jaar), f.bron] in table.rijen
        assert any(f.bron_adres in line and str(f.jaar) in line for line in next(
            b for b in blocks[blocks.index(table):] if isinstance(b, Bullets)).items)
        assert f.cijfer in view and str(f.jaar) in view and f.bron_adres in view
    assert "geen cijfers" in summaries.FLEMISH_INTRO
