"""matplotlib figures in one house style, legible at A4 text width.

Chart functions build a `Figure` directly (no pyplot state, so one plan's chart
can never leak into the next in a batch) inside `@chart`, which applies the style.
Topic modules (charts/partners.py, charts/environment.py, ...) hold the charts themselves.

Layout: the notebooks' charts use matplotlib's constrained layout. The charts of the documents
(report.py, region.py), drawn for every plan of a batch, place their axes themselves with
`fixed_grid`, margins measured from their own labels with `text_width_cm`: the layout engine
measured every text several times and took half of a chart's time.
"""

from __future__ import annotations

import functools
import io
from typing import Iterable

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path
from matplotlib.ticker import FuncFormatter

from ..formatting import number

A4_TEXT_WIDTH_CM = 16.0
CM_PER_POINT = 2.54 / 72
# Sizes in cm for charts that place their axes themselves (fixed_grid).
LINE = 0.38  # one line of 9 pt text
SMALL_LINE = 0.3  # one line of 7 pt text
TICK = 0.25  # a tick and the gap to its label
PAD = 0.2  # room to spare (a PNG's hinted text is a little wider than the SVG's, which is what is measured)
LABEL_GAP_PT = 3  # between a bar and its value (bar_label's padding; a leading space is lost in the PDF)
LABEL_GAP = LABEL_GAP_PT * CM_PER_POINT

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


class Charts(dict):
    """The charts of one kind of document by name (a Figure block names its chart): name -> function(data)."""

    def draw(self, name: str, data: dict) -> Figure:
        return self[name](data)


def new_figure(width_cm: float = A4_TEXT_WIDTH_CM, height_cm: float = 8.0, constrained: bool = True) -> Figure:
    """constrained=False: the chart places its axes itself with fixed_grid (for the documents, where
    the layout engine, which measures every text several times, took half of a chart's time)."""
    return Figure(figsize=(width_cm / 2.54, height_cm / 2.54), layout="constrained" if constrained else None)


def text_widths_cm(texts: Iterable[str], size: float, weight: str = "normal") -> list[float]:
    """The width of each text in the house font, in cm, measured from the font (nothing is drawn)."""
    return [_text_width_cm(t, size, weight) for t in texts]


@functools.lru_cache(maxsize=4096)
def _text_width_cm(text: str, size: float, weight: str) -> float:
    # Cached: most labels (pillars, steps, sectors) come back in every plan of a batch.
    prop = FontProperties(family=STYLE["font.family"], size=size, weight=weight)
    return text_to_path.get_text_width_height_descent(text.replace("\\$", "$"), prop, ismath=False)[0] * CM_PER_POINT


def text_width_cm(texts: Iterable[str], size: float, weight: str = "normal") -> float:
    """The width of the widest text (cm)."""
    return max(text_widths_cm(texts, size, weight), default=0.0)


def fixed_grid(fig: Figure, rows: int = 1, cols: int = 1, *, left: float, bottom: float, top: float = 0.25,
               right: float = 0.35, row_gap: float = 0.0, col_gap: float = 0.0, **subplot_kw) -> np.ndarray:
    """A rows x cols grid of axes with fixed margins and gaps in cm (a 2-D array, like squeeze=False)."""
    width, height = fig.get_size_inches() * 2.54
    axes_width = (width - left - right - (cols - 1) * col_gap) / cols
    axes_height = (height - top - bottom - (rows - 1) * row_gap) / rows
    grid = {"left": left / width, "right": 1 - right / width, "bottom": bottom / height, "top": 1 - top / height,
            "wspace": col_gap / axes_width, "hspace": row_gap / axes_height}
    return fig.subplots(rows, cols, squeeze=False, gridspec_kw=grid, **subplot_kw)


def decimal(value: float) -> str:
    """A chart label with a decimal comma and no trailing zeros: 0.70 -> '0,7', 12.0 -> '12'."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def decimal_ticks() -> FuncFormatter:
    """Tick labels with a decimal comma (and a thousands point): 0,2 0,4 ... 1.000."""
    return FuncFormatter(lambda v, _: number(v, 0) if float(v).is_integer() else decimal(v))


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
