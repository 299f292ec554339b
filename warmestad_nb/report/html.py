"""Blocks -> HTML fragments with Jinja autoescape: every text from a plan is escaped.

The fragments are what the notebook displays and what the nbconvert template puts in the page.
Charts are drawn here, once, as SVG into their blocks (the PDF and Word reuse them) and embedded as
<img> with alt text (a data URI keeps the chart's own styles out of the page and gives screen
readers the alt text).
"""

from __future__ import annotations

import base64
import functools
import re

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ..charts import to_svg
from ..charts.report import draw
from . import TEMPLATE_DIR
from .document import EXAMPLE_NOTE, Cover, Figure, Section, Table, column_widths
from ..formatting import FIGURE

def keep_figures_whole(text: str) -> Markup:
    """The text escaped, each figure with a space or hyphen in it wrapped in <span class="vast">
    (white-space: nowrap): on a phone a table scrolls sideways instead of writing "€ 300." and "000"
    or "6 mei" and "2026" on two lines."""
    parts, last = [], 0
    for match in FIGURE.finditer(str(text)):
        parts += [escape(text[last:match.start()]), Markup('<span class="vast">%s</span>') % match.group()]
        last = match.end()
    parts.append(escape(str(text)[last:]))
    return Markup("").join(parts)


@functools.cache
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["vast"] = keep_figures_whole
    return env


def draw_charts(section: Section, draw_chart=draw) -> Section:
    """Draw the section's figures once, as SVG, into their blocks (Figure.svg) for every format.

    draw_chart(name, data): the chart registry (other documents, e.g. the regional overview, bring theirs)."""
    for block in section.blokken:
        if isinstance(block, Figure):
            block.svg = to_svg(draw_chart(block.grafiek, block.data))
    return section


def chart_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def render_section(section: Section) -> str:
    """The section as HTML; its charts drawn already (draw_charts)."""
    images = {i: chart_uri(b.svg) for i, b in enumerate(section.blokken) if isinstance(b, Figure)}
    widths = {i: column_widths(b) for i, b in enumerate(section.blokken) if isinstance(b, Table)}
    return _environment().get_template("sectie.html.j2").render(s=section, images=images, widths=widths)


def render_cover(cover: Cover) -> str:
    return _environment().get_template("omslag.html.j2").render(c=cover, voorbeeld_tekst=EXAMPLE_NOTE)
