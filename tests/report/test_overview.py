"""The regional overview's content read as a municipal reader and a coach read it: budget bars on one
axis in every chart, plain Dutch without tool words, pillars by name. Built from the example plans
without a kernel (the sections and charts are plain Python)."""

from __future__ import annotations

import re

import pytest

from conftest import EXAMPLES
from warmestad_nb.charts.region import draw
from warmestad_nb.report.overview import build_sections, load_summaries
from warmestad_nb.report.document import Bullets, Figure, Note, Paragraph, Table


@pytest.fixture(scope="module")
def sections():
    summaries, problems = load_summaries(EXAMPLES)
    assert len({s.regio for s in summaries}) == 2  # Gent and the Kempen: one budget chart per region
    return build_sections(summaries, problems)


def _texts(sections) -> list[str]:
    texts = []
    for section in sections:
        for block in section.blokken:
            if isinstance(block, (Paragraph, Note)):
                texts.append(block.tekst)
            elif isinstance(block, Bullets):
                texts += block.items
            elif isinstance(block, Figure):
                texts += [block.titel, block.alt, block.bron]
            elif isinstance(block, Table):
                texts += [block.titel, block.bron, *block.kolommen, *(c for row in block.rijen for c in row)]
    return texts


def test_every_budget_chart_shares_one_axis(sections):
    """€ 10 per young person is as long a bar in Gent's chart as in the Kempen's."""
    charts = [b for s in sections for b in s.blokken if isinstance(b, Figure) and b.grafiek == "budget"]
    assert len(charts) == 2
    lengths, starts = [], []
    for block in charts:
        fig = draw(block.grafiek, block.data)
        ax = fig.axes[0]
        x0, x10 = ax.transData.transform([(0, 0), (10, 0)])[:, 0]
        lengths.append((x10 - x0) / fig.dpi)  # inches on paper
        starts.append(x0 / fig.dpi)
    assert lengths[0] == pytest.approx(lengths[1], rel=1e-6)
    assert starts[0] == pytest.approx(starts[1], rel=1e-6)  # the names column as wide in both


def test_no_tool_words_for_a_municipal_reader(sections):
    text = "\n".join(_texts(sections))
    for word in ("data/", ".yaml", "in deze map", "planbestand"):
        assert word not in text


def test_pillars_are_named_not_numbered(sections):
    pillars = next(s for s in sections if s.id == "pijlers")
    heads = [b.data["pijlers"] for b in pillars.blokken if isinstance(b, Figure) and b.grafiek == "pijlers"]
    assert heads and all(re.fullmatch(r"\d\. \w.+", h) for columns in heads for h in columns)
    table = next(b for s in sections for b in s.blokken if isinstance(b, Table) and "Prioritaire pijlers" in b.kolommen)
    column = table.kolommen.index("Prioritaire pijlers")
    assert all(re.fullmatch(r"(\d\. [^;\d]+)(; \d\. [^;\d]+)*|-", row[column]) for row in table.rijen)


def test_one_action_without_budget_is_singular(sections):
    notes = [b.tekst for s in sections for b in s.blokken if isinstance(b, Note) and "nog geen budget" in b.tekst]
    assert notes == ["1 actie heeft nog geen budget; die telt hier niet mee."]
