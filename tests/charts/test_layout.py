"""The document and overview charts place their axes themselves (fixed margins measured from the
labels): every text must stay inside the figure, also with the longest names Flanders has.

Drawn from the real example plans (the policy plan's charts) and from the overview of those plans,
then once more with the names swapped for long real ones.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.text import Text
from PIL import Image

from conftest import EXAMPLES
from warmestad_nb.charts import region, report, to_png
from warmestad_nb.report.overview import build_sections, load_summaries
from warmestad_nb.report.document import Figure as FigureBlock
from warmestad_nb.report.notebook import Beleidsplan
from warmestad_nb.report.sections import build_section

pytestmark = pytest.mark.slow  # executes notebooks or renders documents

LONG_NAME = "Beveren-Kruibeke-Zwijndrecht"  # a 2025 merger, among the longest names
LONG_PROVINCE = "provincie West-Vlaanderen"


def _cut_at_the_edge(fig) -> list[str]:
    """The edges of the figure where something is drawn (a text that runs off is cut there), in the
    PNG of the Word document: its hinted text is a little wider than the SVG's of the HTML and PDF."""
    image = np.asarray(Image.open(io.BytesIO(to_png(fig, dpi=150))).convert("L"))
    edges = {"links": image[:, :2], "rechts": image[:, -2:], "boven": image[:2, :], "onder": image[-2:, :]}
    return [name for name, pixels in edges.items() if (pixels < 250).any()]


def _document_figures() -> list[FigureBlock]:
    blocks = []
    for example in EXAMPLES:
        doc = Beleidsplan(str(example), datum="2026-11-01")
        for chapter in doc.chapters:
            section = build_section(doc.ctx, chapter, doc.numbers[chapter.id])
            blocks += [b for b in section.blokken if isinstance(b, FigureBlock)]
    return blocks


def _overview_figures() -> list[FigureBlock]:
    summaries, problems = load_summaries(EXAMPLES)
    return [b for s in build_sections(summaries, problems) for b in s.blokken if isinstance(b, FigureBlock)]


def _long_names(name: str, data: dict) -> dict:
    """The same chart data with the longest names in place of the real ones."""
    if name == "indicatoren":
        return {"panelen": [{**p, "labels": [LONG_NAME, LONG_PROVINCE, "Vlaanderen"]} for p in data["panelen"]]}
    if name == "jeugd_leeftijd":
        names = [LONG_NAME, LONG_PROVINCE, "Vlaanderen"]
        return {**data, "reeksen": [{**s, "naam": n} for s, n in zip(data["reeksen"], names)]}
    if "gemeenten" in data and isinstance(data["gemeenten"], list):
        return {**data, "gemeenten": [LONG_NAME] + data["gemeenten"][1:]}
    return data


@pytest.fixture(scope="module")
def figures() -> list[tuple[str, object, FigureBlock]]:
    charts = [("beleidsplan", report.draw, b) for b in _document_figures()]
    charts += [("overzicht", region.draw, b) for b in _overview_figures()]
    return charts


def test_every_chart_of_the_documents_is_checked(figures):
    names = {(document, block.grafiek) for document, _, block in figures}
    assert {n for d, n in names if d == "beleidsplan"} == set(report.CHARTS)
    assert {n for d, n in names if d == "overzicht"} == set(region.CHARTS)


def test_no_text_of_a_chart_leaves_the_figure(figures):
    problems = {}
    for document, draw, block in figures:
        outside = _cut_at_the_edge(draw(block.grafiek, block.data))
        if outside:
            problems[f"{document}: {block.grafiek}"] = outside
    assert not problems


def test_long_names_widen_the_margin_instead_of_running_off(figures):
    problems = {}
    for document, draw, block in figures:
        fig = draw(block.grafiek, _long_names(block.grafiek, block.data))
        outside = _cut_at_the_edge(fig)
        if outside:
            problems[f"{document}: {block.grafiek}"] = outside
        shown = {t.get_text() for t in fig.findobj(Text)}
        if block.grafiek in ("indicatoren", "jeugd_leeftijd", "voortgang", "pijlers", "sectoren", "budget"):
            assert LONG_NAME in shown, block.grafiek  # the swap reached the chart
    assert not problems


def _only_first_row(data: dict) -> dict:
    """The same chart data for the first municipality alone (a region with one plan)."""
    rows = len(data["gemeenten"])
    return {key: value[:1] if isinstance(value, list) and len(value) == rows else value for key, value in data.items()}


def test_a_row_keeps_its_height_however_few_municipalities(figures):
    """A region with one plan gets rows as high as a region with many, not one stretched row."""
    heights = {}
    for document, draw, block in figures:
        names = block.data.get("gemeenten")
        if document != "overzicht" or not isinstance(names, list) or len(names) < 2:
            continue
        for data in (block.data, _only_first_row(block.data)):
            fig = draw(block.grafiek, data)
            ax = fig.axes[0]
            rows = len(data["gemeenten"])
            heights.setdefault(block.grafiek, []).append(ax.get_position().height * fig.get_size_inches()[1] * 2.54 / rows)
            assert not _cut_at_the_edge(fig), (block.grafiek, rows)
    assert {"voortgang", "pijlers", "sectoren", "budget"} <= set(heights)
    for name, (many, one) in heights.items():
        assert one == pytest.approx(many, rel=0.01), name
