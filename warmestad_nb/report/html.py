"""Blocks -> HTML fragments with Jinja autoescape: every text from a plan is escaped.

The fragments are what the notebook displays and what the nbconvert template puts in the page.
Charts are drawn here as SVG and embedded as <img> with alt text (a data URI keeps the chart's
own styles out of the page and gives screen readers the alt text).
"""

from __future__ import annotations

import base64
import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..charts import to_svg
from ..charts.report import draw
from .document import Cover, Figure, Section, Table

TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "templates" / "beleidsplan"


@functools.cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def chart_uri(figure: Figure, draw_chart=draw) -> str:
    svg = to_svg(draw_chart(figure.grafiek, figure.data))
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def column_widths(table: Table) -> list[float]:
    """Column widths in % from the text they hold.

    Tables get `table-layout: fixed` with these widths: WeasyPrint's automatic table layout measures
    every cell twice and was the largest single cost of a document. Each column gets at least its
    longest word (numbers: their whole text), the rest of the line goes to the columns with long text.
    """
    budget = 100 if table.breed else 85  # characters that fit on one line of the A4 text width (measured)
    minimum, wanted = [], []
    for i, header in enumerate(table.kolommen):
        cells = [row[i] for row in table.rijen]
        if i in table.rechts:
            longest = max([len(c) for c in cells] + [len(w) * 1.15 for w in header.split()])
        else:
            longest = max([len(w) for c in cells for w in c.split()] + [len(w) * 1.15 for w in header.split()])
        minimum.append(longest + 3)
        mean = sum(len(c) for c in cells) / len(cells) if cells else 0
        wanted.append(max(mean + 2, minimum[-1]))
    free = budget - sum(minimum)
    extra = sum(w - m for w, m in zip(wanted, minimum))
    if free > 0 and extra > 0:
        widths = [m + free * (w - m) / extra for w, m in zip(wanted, minimum)]
    else:
        widths = minimum
    total = sum(widths)
    return [round(100 * w / total, 1) for w in widths]


def render_section(section: Section, draw_chart=draw) -> str:
    """draw_chart(name, data): the chart registry (other documents, e.g. the regional overview, bring theirs)."""
    images = {i: chart_uri(b, draw_chart) for i, b in enumerate(section.blokken) if isinstance(b, Figure)}
    widths = {i: column_widths(b) for i, b in enumerate(section.blokken) if isinstance(b, Table)}
    return _environment().get_template("sectie.html.j2").render(s=section, images=images, widths=widths)


def render_cover(cover: Cover) -> str:
    return _environment().get_template("omslag.html.j2").render(c=cover)
