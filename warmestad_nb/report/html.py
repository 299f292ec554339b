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
from .document import EXAMPLE_NOTE, Block, Cover, Figure, Part, Table, column_widths
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


def draw_charts(section: Part, draw_chart=draw) -> Part:
    """Draw the section's figures once, as SVG, into their blocks (Figure.svg) for every format.

    draw_chart(name, data): the chart registry (other documents, e.g. the regional overview, bring theirs)."""
    for block in section.blokken:
        if isinstance(block, Figure):
            block.svg = to_svg(draw_chart(block.grafiek, block.data))
    return section


def chart_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _render(template: str, blocks: list[Block], **values) -> str:
    images = {i: chart_uri(b.svg) for i, b in enumerate(blocks) if isinstance(b, Figure)}
    widths = {i: column_widths(b) for i, b in enumerate(blocks) if isinstance(b, Table)}
    return _environment().get_template(template).render(blokken=blocks, images=images, widths=widths, **values)


def render_section(section: Part) -> str:
    """The section as HTML; its charts drawn already (draw_charts)."""
    return _render("sectie.html.j2", section.blokken, s=section)


def render_view(blocks: list[Block], css: str) -> str:
    """Blocks as a read-only view on a step page: the document's HTML in a <div class="ws-blokken css">,
    with the document's stylesheet limited to that div (the page around it keeps its own look).
    A Figure block brings its SVG already drawn."""
    return view_frame(_render("blokken.html.j2", blocks), css)


def view_frame(content: str, css: str) -> str:
    """HTML (already escaped) in the look of the document: in a <div class="ws-blokken css"> that brings
    the stylesheet along, so a view reads the same in the app, in JupyterLab and in a saved notebook."""
    return f'<div class="ws-blokken {css}"><style>{view_css()}</style>{content}</div>'


# Rules of the document's stylesheet that belong to a page, not to its blocks.
PAGE_ONLY = re.compile(r"^(html|body|main\b|nav\b|\.omslag|section\.hoofdstuk)")


@functools.cache
def view_css() -> str:
    """The document's stylesheet (templates/beleidsplan/static/beleidsplan.css) for the views: every rule
    scoped to .ws-blokken, its variables defined there, page rules (@page, html, body, cover, contents) left out.
    One stylesheet for the tables of the document and of the step pages."""
    css = re.sub(r"/\*.*?\*/", "", (TEMPLATE_DIR / "static" / "beleidsplan.css").read_text(encoding="utf-8"), flags=re.S)
    return _scoped(css, ".ws-blokken") + " .ws-blokken figure.grafiek { max-width: 52rem; }"


def _scoped(css: str, scope: str) -> str:
    rules = []
    for head, body in _rules(css):
        if head.startswith("@page"):
            continue
        if head.startswith("@media"):
            rules.append(f"{head} {{ {_scoped(body, scope)} }}")
            continue
        selectors = [s.strip() for s in head.split(",") if not PAGE_ONLY.match(s.strip())]
        if selectors:
            scoped = [scope if s == ":root" else f"{scope} {s}" for s in selectors]
            rules.append(f"{', '.join(scoped)} {{ {' '.join(body.split())} }}")
    return " ".join(rules)


def _rules(css: str) -> list[tuple[str, str]]:
    """The top-level rules of a stylesheet: (selector or at-rule, body), nested braces kept in the body."""
    rules, depth, start, head_end = [], 0, 0, 0
    for i, char in enumerate(css):
        if char == "{":
            if depth == 0:
                head_end = i
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append((css[start:head_end].strip(), css[head_end + 1:i]))
                start = i + 1
    return rules


def render_cover(cover: Cover) -> str:
    return _environment().get_template("omslag.html.j2").render(c=cover, voorbeeld_tekst=EXAMPLE_NOTE)
