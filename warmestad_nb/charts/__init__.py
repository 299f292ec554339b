"""matplotlib figures in one house style, legible at A4 text width.

Chart functions build a `Figure` directly (no pyplot state, so one plan's chart
can never leak into the next in a batch) inside `@chart`, which applies the style.
Topic modules (charts/partners.py, charts/environment.py, ...) hold the charts themselves.
"""

from __future__ import annotations

import functools
import io

import matplotlib
from matplotlib.figure import Figure

A4_TEXT_WIDTH_CM = 16.0

# Colour-blind-safe palette (Okabe-Ito based), one colour per pillar.
PILLAR_COLORS = {
    1: "#0072B2",
    2: "#E69F00",
    3: "#009E73",
    4: "#CC79A7",
    5: "#56B4E9",
    6: "#D55E00",
    7: "#8C6D1F",
    8: "#5B5B9F",
}
HIGHLIGHT = "#C0392B"  # the municipality itself
MUTED = "#B8C2CC"  # the others
INK = "#1F2933"
HEATMAP = "YlGnBu"

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "axes.edgecolor": "#52606D",
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "xtick.color": INK,
    "ytick.color": INK,
    "legend.frameon": False,
    "svg.fonttype": "none",  # text stays text in SVG: searchable, small, sharp
    "svg.hashsalt": "warmestad",  # stable ids, so identical input gives identical SVG
}


def chart(func):
    """Build the figure inside the house style."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(STYLE):
            return func(*args, **kwargs)

    return wrapper


def new_figure(width_cm: float = A4_TEXT_WIDTH_CM, height_cm: float = 8.0) -> Figure:
    return Figure(figsize=(width_cm / 2.54, height_cm / 2.54), layout="constrained")


def to_svg(fig: Figure) -> str:
    """The figure as an SVG string (for documents and notebooks)."""
    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def to_png(fig: Figure, dpi: int = 150) -> bytes:
    buffer = io.BytesIO()
    with matplotlib.rc_context(STYLE):
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
