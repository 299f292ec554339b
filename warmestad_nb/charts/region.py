"""Charts of the regional overview: heat maps and bars, no maps.

Each chart takes plain data (lists and dicts, built by report/overview.py from analysis/region.py), so a
chart can be drawn again from the numbers in the document. Heat maps hold at most ROWS_PER_CHART
municipalities; longer lists are split over several charts (one A4 page each).
"""

from __future__ import annotations

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from . import (A4_TEXT_WIDTH_CM, Charts, HEATMAP, HIGHLIGHT, INK, LABEL_GAP, LABEL_GAP_PT, MUTED, PAD, PILLAR_COLORS,
               SMALL_LINE, TICK, chart, fixed_grid, new_figure, text_width_cm, text_widths_cm)

ROWS_PER_CHART = 40
ROW_CM = 0.42
LABEL_SIZE = 7  # names, column heads and ticks
CELL_SIZE = 6.5  # the numbers in the cells and next to the bars
TILT = 40  # degrees: the sector heads of the partner heat map


def _plain(text: str) -> str:
    """Text as text: a '$' would start matplotlib's math mode."""
    return text.replace("$", r"\$")


def _names_width(names: list[str]) -> float:
    """The left margin for a column of names (cm)."""
    return text_width_cm(names, LABEL_SIZE) + TICK + PAD


def _rows_figure(rows: list[str], top: float, bottom: float, right: float = PAD, names: list[str] | None = None):
    """A figure with one axes for a row per name (heat maps, bars): a fixed height per row, the names
    on the left (as wide as the widest of `names`, by default the rows), the other margins as given (cm)."""
    fig = new_figure(height_cm=top + bottom + ROW_CM * max(len(rows), 1), constrained=False)
    ax = fixed_grid(fig, left=_names_width(names or rows), bottom=bottom, top=top, right=right)[0, 0]
    return fig, ax


def _tilted_margins(heads: list[str]) -> tuple[float, float]:
    """Top and right margin (cm) for column heads written at an angle above a heat map."""
    tilt = np.radians(TILT)
    last = text_width_cm(heads[-1:], LABEL_SIZE)  # the last head reaches furthest to the right
    return text_width_cm(heads, LABEL_SIZE) * np.sin(tilt) + SMALL_LINE + 0.15, max(PAD, last * np.cos(tilt) + PAD)


def _tilt_heads(ax) -> None:
    ax.set_xticks(ax.get_xticks(), ax.get_xticklabels(), rotation=TILT, ha="left", rotation_mode="anchor")


def _heatmap(ax, values: np.ndarray, rows: list[str], columns: list[str], cmap, norm, labels) -> None:
    ax.pcolormesh(values, cmap=cmap, norm=norm, edgecolors="white", linewidth=0.8)
    ax.set_xlim(0, values.shape[1])
    ax.set_ylim(values.shape[0], 0)  # first municipality on top
    ax.set_yticks(np.arange(len(rows)) + 0.5, [_plain(r) for r in rows], fontsize=LABEL_SIZE)
    ax.set_xticks(np.arange(len(columns)) + 0.5, columns, fontsize=LABEL_SIZE)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    for (r, c), text in np.ndenumerate(labels):
        if text:
            red, green, blue, _ = cmap(norm(values[r, c]))
            dark = 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5  # relative luminance of the cell
            ax.text(c + 0.5, r + 0.5, text, ha="center", va="center", fontsize=CELL_SIZE,
                    color="white" if dark else INK)


def _levels(bounds: list[float], start: float, stop: float) -> tuple[ListedColormap, BoundaryNorm]:
    """A pale grey for the first bin (nothing yet), then steps of the house heat map colours."""
    base = colormaps[HEATMAP]
    cmap = ListedColormap(["#F4F6F8"] + [base(x) for x in np.linspace(start, stop, len(bounds) - 2)])
    return cmap, BoundaryNorm(bounds, cmap.N)


@chart
def progress_heatmap(data: dict) -> Figure:
    """Share of each step's checklist that is done, per municipality.

    data: {"gemeenten": [str], "stappen": [str], "waarden": [[fraction per step] per municipality]}
    """
    values = np.array(data["waarden"], dtype=float).reshape(len(data["gemeenten"]), len(data["stappen"]))
    labels = np.vectorize(lambda v: f"{100 * v:.0f}")(values)
    legend_height, under_legend = 0.25, 2 * (SMALL_LINE + TICK) + 0.1  # its ticks and its title
    fig, ax = _rows_figure(data["gemeenten"], top=SMALL_LINE + 0.15, bottom=under_legend + legend_height + 0.3)
    cmap, norm = _levels([0, 0.001, 0.25, 0.5, 0.75, 0.999, 1.0], 0.15, 0.85)
    _heatmap(ax, values, data["gemeenten"], data["stappen"], cmap, norm, labels)
    heat, fig_height = ax.get_position(), fig.get_size_inches()[1] * 2.54
    legend = fig.add_axes([heat.x0 + 0.15 * heat.width, under_legend / fig_height,  # under the middle
                           0.7 * heat.width, legend_height / fig_height])
    bar = fig.colorbar(ax.collections[0], cax=legend, orientation="horizontal")
    bar.set_ticks([0.0005, 0.125, 0.375, 0.625, 0.875, 0.9995],
                  labels=["0", "1-24", "25-49", "50-74", "75-99", "100"], fontsize=LABEL_SIZE)
    bar.set_label("deel van de checklist van de stap dat klaar is (in %)", fontsize=LABEL_SIZE)
    bar.outline.set_visible(False)
    return fig


@chart
def pillar_heatmap(data: dict) -> Figure:
    """Number of actions per pillar per municipality; the municipality's priority pillars framed.

    data: {"gemeenten": [str], "pijlers": [str], "acties": [[int]], "prioriteit": [[bool]]}
    """
    actions = np.array(data["acties"], dtype=float).reshape(len(data["gemeenten"]), len(data["pijlers"]))
    priority = np.array(data["prioriteit"], dtype=bool).reshape(actions.shape)
    labels = np.vectorize(lambda v: str(int(v)) if v else "")(actions)
    top, right = _tilted_margins(data["pijlers"])
    fig, ax = _rows_figure(data["gemeenten"], top=top, bottom=SMALL_LINE + 0.35, right=right)
    most = max(4, int(actions.max()) if actions.size else 0)
    cmap, norm = _levels([0, 0.5, 1.5, 2.5, 3.5, most + 0.5], 0.25, 0.85)
    _heatmap(ax, actions, data["gemeenten"], data["pijlers"], cmap, norm, labels)
    _tilt_heads(ax)
    for r, c in zip(*np.nonzero(priority)):
        ax.add_patch(Rectangle((c + 0.06, r + 0.08), 0.88, 0.84, fill=False, edgecolor=HIGHLIGHT, linewidth=1.4))
    ax.set_xlabel("kader: prioritaire pijler van de gemeente; leeg kader: prioriteit zonder actie",
                  fontsize=LABEL_SIZE, color=INK, labelpad=4)
    return fig


@chart
def sector_heatmap(data: dict) -> Figure:
    """Number of partners per sector per municipality; an empty cell is a sector without partners.

    data: {"gemeenten": [str], "sectoren": [str], "partners": [[int]]}
    """
    sectors = data["sectoren"]
    values = np.array(data["partners"], dtype=float).reshape(len(data["gemeenten"]), len(sectors))
    labels = np.vectorize(lambda v: str(int(v)) if v else "")(values)
    top, right = _tilted_margins(sectors)
    fig, ax = _rows_figure(data["gemeenten"], top=top, bottom=PAD, right=right)
    most = max(4, int(values.max()) if values.size else 0)
    cmap, norm = _levels([0, 0.5, 1.5, 2.5, most + 0.5], 0.3, 0.85)
    _heatmap(ax, values, data["gemeenten"], sectors, cmap, norm, labels)
    _tilt_heads(ax)
    return fig


@chart
def budget_bars(data: dict) -> Figure:
    """Action budget per inhabitant aged 0-24, per municipality, with a label per bar.

    data: {"gemeenten": [str], "per_jongere": [float|None], "labels": [str], "schaal": the same three
    keys for every municipality of the document (optional)}: charts drawn with one `schaal` share their
    axis, names column and all, so equal amounts get equally long bars in every chart.
    """
    names = data["gemeenten"]
    values = [v if v is not None else 0.0 for v in data["per_jongere"]]
    labels = [_plain(label) for label in data["labels"]]
    scale = data.get("schaal", {"gemeenten": [], "per_jongere": [], "labels": []})
    fig, ax = _rows_figure(names, top=0.4, bottom=2 * (SMALL_LINE + TICK), names=scale["gemeenten"] + names)
    # The axis reaches so far that every bar (of this chart and of the scale) keeps room for its label.
    plot_width = ax.get_position().width * A4_TEXT_WIDTH_CM
    all_values = values + [v if v is not None else 0.0 for v in scale["per_jongere"]]
    all_labels = labels + [_plain(label) for label in scale["labels"]]
    rooms = [plot_width - width - LABEL_GAP - PAD for width in text_widths_cm(all_labels, CELL_SIZE)]
    reach = max([v * plot_width / room for v, room in zip(all_values, rooms) if room > 0] + [1.0])
    ys = np.arange(len(names))
    bars = ax.barh(ys, values, color=MUTED, height=0.7)
    ax.set_yticks(ys, [_plain(n) for n in names], fontsize=LABEL_SIZE)
    ax.set_ylim(len(names) - 0.5, -0.5)
    ax.tick_params(axis="x", labelsize=LABEL_SIZE)
    ax.bar_label(bars, labels, padding=LABEL_GAP_PT, fontsize=CELL_SIZE, color=INK)
    ax.set_xlim(0, reach)
    ax.set_xlabel("budget voor acties per inwoner van 0-24 jaar (euro)", fontsize=LABEL_SIZE)
    return fig


@chart
def pillar_totals(data: dict) -> Figure:
    """Per pillar: how many municipalities chose it as a priority, and how many actions the region has.

    data: {"pijlers": [{"nummer": int, "label": str, "prioriteit": int, "acties": int}], "gemeenten": int}
    """
    rows = data["pijlers"]
    labels = [_plain(r["label"]) for r in rows]
    fig = new_figure(height_cm=7.5, constrained=False)
    left, right = fixed_grid(fig, 1, 2, left=_names_width(labels), bottom=SMALL_LINE + TICK + 0.1,
                             top=SMALL_LINE + 0.35, col_gap=0.8, sharey=True)[0]
    ys = np.arange(len(rows))
    colors = [PILLAR_COLORS[r["nummer"]] for r in rows]
    for ax, key, title in ((left, "prioriteit", "gemeenten met deze prioriteit"), (right, "acties", "acties in de regio")):
        values = [r[key] for r in rows]
        bars = ax.barh(ys, values, color=colors, height=0.7)
        ax.bar_label(bars, padding=LABEL_GAP_PT, fontsize=LABEL_SIZE, color=INK)
        ax.set_title(title, fontsize=8, loc="left")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.tick_params(axis="x", labelsize=LABEL_SIZE)
        ax.set_xlim(0, max(values + [1]) * 1.2)
    left.set_yticks(ys, labels, fontsize=LABEL_SIZE)
    left.set_ylim(len(rows) - 0.5, -0.5)
    left.set_xlim(0, max(data["gemeenten"], 1) * 1.15)
    return fig


@chart
def steps_done(data: dict) -> Figure:
    """Per step: municipalities that finished its checklist, are on their way, or are under half.

    data: {"stappen": [str], "klaar": [int], "onderweg": [int], "achter": [int]}
    """
    steps = [_plain(s) for s in data["stappen"]]
    fig = new_figure(height_cm=6.0, constrained=False)
    ax = fixed_grid(fig, left=_names_width(steps), bottom=3 * SMALL_LINE + 2 * TICK + 0.3, top=0.2)[0, 0]
    ys = np.arange(len(steps))
    left = np.zeros(len(steps))
    cmap = colormaps[HEATMAP]
    for key, label, color in (("klaar", "checklist klaar", cmap(0.85)), ("onderweg", "half of meer", cmap(0.5)),
                              ("achter", "minder dan half", "#E4E7EB")):
        values = np.array(data[key], dtype=float)
        ax.barh(ys, values, left=left, color=color, height=0.7, label=label)
        for y, v, start in zip(ys, values, left):
            if v:
                ax.text(start + v / 2, y, f"{int(v)}", ha="center", va="center", fontsize=LABEL_SIZE,
                        color="white" if key == "klaar" else INK)
        left += values
    ax.set_yticks(ys, steps, fontsize=LABEL_SIZE)
    ax.set_ylim(len(steps) - 0.5, -0.5)
    ax.set_xlabel("aantal gemeenten", fontsize=LABEL_SIZE)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="x", labelsize=LABEL_SIZE)
    fig.legend(loc="lower center", ncols=3, fontsize=LABEL_SIZE)
    return fig


CHARTS = Charts(voortgang=progress_heatmap, pijlers=pillar_heatmap, sectoren=sector_heatmap, budget=budget_bars,
                pijler_totalen=pillar_totals, stappen_klaar=steps_done)
draw = CHARTS.draw
