"""The read-only views of the step pages, said as the policy plan's blocks (report/document.py) and
rendered by the document's HTML renderer (report/html.render_view): one look, one escaping, one
stylesheet for the tables of the pages and of the document.

A view function is plan -> HTML string; `common.live_html` shows it and renders it again after each
change. Where the document shows the same table, a view takes the block from report/sections.
"""

from __future__ import annotations

import re

import pandas as pd
from matplotlib.figure import Figure as ChartFigure

from ..charts import to_svg
from ..report.document import Block, Bullets, Figure, Paragraph, Table
from ..report.html import render_view

# A cell that holds only a figure (a number, an amount, a percentage): its column is right-aligned.
_NUMERIC = re.compile(r"^[-+]?[€\s]*[\d.,]+\s*%?$")


def view(css: str, blocks: list[Block]) -> str:
    """The blocks as one read-only view; `css` names it for tests and scripts."""
    return render_view(blocks, css)


def frame(df: pd.DataFrame, titel: str, bron: str = "", index: bool = False, breed: bool = False) -> Table:
    """A DataFrame as a table block (an empty cell for a missing value); columns of figures right-aligned.

    `titel` is also the name a screen reader gives the table, so it differs per table on a page."""
    if index:
        df = df.reset_index()
    heads = [str(c) for c in df.columns]
    rows = [["" if pd.isna(v) else str(v) for v in row] for row in df.itertuples(index=False)]
    right = [i for i in range(len(heads))
             if rows and any(r[i] for r in rows) and all(not r[i] or _NUMERIC.match(r[i]) for r in rows)]
    return Table(heads, rows, titel=titel, bron=bron, rechts=right, breed=breed)


def text(summary: str) -> list[Block]:
    """Summary text (paragraphs; lines starting with '- ' are a list) as blocks."""
    blocks: list[Block] = []
    for part in summary.split("\n\n"):
        lines = part.split("\n")
        intro = [line for line in lines if not line.startswith("- ")]
        items = [line[2:] for line in lines if line.startswith("- ")]
        if intro:
            blocks.append(Paragraph(" ".join(intro)))
        if items:
            blocks.append(Bullets(items))
    return blocks


def chart(fig: ChartFigure, titel: str, alt: str, bron: str) -> Figure:
    """A chart of the step pages (charts/) as a figure block, drawn now."""
    return Figure("", {}, titel=titel, alt=alt, bron=bron, svg=to_svg(fig))


def mark(done: bool, missing: str = "ontbreekt") -> str:
    """The state of a checklist item, in words (the sign is for a quick look)."""
    return "✔ in orde" if done else f"✘ {missing}"
