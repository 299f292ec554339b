"""Blocks -> HTML fragments with Jinja autoescape: every text from a plan is escaped.

The fragments are what the notebook displays and what the nbconvert template puts in the page.
Charts are drawn here as SVG and embedded as <img> with alt text (a data URI keeps the chart's
own styles out of the page and gives screen readers the alt text).
"""

from __future__ import annotations

import base64
import functools

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..charts import to_svg
from ..charts.report import draw
from . import TEMPLATE_DIR
from .document import Cover, Figure, Section, Table, column_widths


@functools.cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def chart_uri(figure: Figure, draw_chart=draw) -> str:
    svg = to_svg(draw_chart(figure.grafiek, figure.data))
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def render_section(section: Section, draw_chart=draw) -> str:
    """draw_chart(name, data): the chart registry (other documents, e.g. the regional overview, bring theirs)."""
    images = {i: chart_uri(b, draw_chart) for i, b in enumerate(section.blokken) if isinstance(b, Figure)}
    widths = {i: column_widths(b) for i, b in enumerate(section.blokken) if isinstance(b, Table)}
    return _environment().get_template("sectie.html.j2").render(s=section, images=images, widths=widths)


def render_cover(cover: Cover) -> str:
    return _environment().get_template("omslag.html.j2").render(c=cover)
