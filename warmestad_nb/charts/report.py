"""Charts of the policy plan document.

Each chart takes plain JSON data (the document keeps it in the executed notebook) and is drawn once
per document, as SVG, which the HTML, the PDF and the DOCX (as PNG) all show.
"""

from __future__ import annotations

import matplotlib.patches
from matplotlib.figure import Figure

from . import (HIGHLIGHT, Charts, INK, LABEL_GAP, LABEL_GAP_PT, LINE, MUTED, PAD, PILLAR_COLORS, TICK, chart, decimal_ticks,
               fixed_grid, new_figure, text_width_cm)

COMPARISON_COLORS = (HIGHLIGHT, "#7B8794", MUTED)
VALUE_SIZE = 8  # the value printed next to a bar


@chart
def youth_bands(data: dict) -> Figure:
    """Share of each five-year band 0-24 in the population: municipality, province, Flanders.

    data: {"banden": ["0-4", ...], "reeksen": [{"naam": str, "aandelen": [pct, ...]}, ...]}
    """
    bands, series = data["banden"], data["reeksen"]
    fig = new_figure(height_cm=6.5, constrained=False)
    ax = fixed_grid(fig, left=LINE + 0.15 + text_width_cm(["00"], 9) + TICK + PAD,
                    bottom=2 * LINE + TICK + 0.5)[0, 0]
    width = 0.8 / len(series)
    for i, (serie, color) in enumerate(zip(series, COMPARISON_COLORS)):
        xs = [b + (i - (len(series) - 1) / 2) * width for b in range(len(bands))]
        ax.bar(xs, serie["aandelen"], width=width, color=color, label=serie["naam"])
    ax.set_xticks(range(len(bands)), [f"{b} jaar" for b in bands])
    ax.set_ylabel("% van de bevolking")
    ax.yaxis.set_major_formatter(decimal_ticks())
    fig.legend(loc="lower center", ncols=len(series))
    return fig


@chart
def indicators(data: dict) -> Figure:
    """One small panel per indicator: the municipality against the medians of province and Flanders.

    Every bar carries its value, so the panels need no value axis (nor the time to draw one).
    data: {"panelen": [{"titel": str, "eenheid": str, "labels": [3 str], "waarden": [3 float|None],
                        "teksten": [3 str]}]}  (teksten: the values as the document's table writes them)
    """
    panels = data["panelen"]
    title_room, bars, gap = LINE + 0.3, 1.15, 0.25
    fig = new_figure(height_cm=len(panels) * (title_room + bars + gap), constrained=False)
    labels = [label for panel in panels for label in panel["labels"]]
    axes = fixed_grid(fig, len(panels), 1, left=text_width_cm(labels, 9) + TICK + PAD, top=title_room,
                      bottom=gap, row_gap=gap + title_room)[:, 0]
    for ax, panel in zip(axes, panels):
        labels = panel["labels"][::-1]
        values = [v if v is not None else 0 for v in panel["waarden"]][::-1]
        bars = ax.barh(labels, values, color=COMPARISON_COLORS[::-1][-len(labels):], height=0.7)
        ax.bar_label(bars, panel["teksten"][::-1], padding=LABEL_GAP_PT, fontsize=VALUE_SIZE, color=INK)
        ax.set_title(panel["titel"], loc="left", fontsize=9)
        ax.set_xlim(0, max(values) * 1.25 or 1)
        ax.set_xticks([])
        ax.spines["bottom"].set_visible(False)
    return fig


@chart
def actions_per_pillar(data: dict) -> Figure:
    """Number of actions per pillar; the priority pillars in their colour, the others muted.

    Every bar carries its number, so there is no value axis; a line under the bars says what counts.
    data: {"pijlers": [{"nummer": int, "label": str, "acties": int, "prioriteit": bool}]}
    """
    rows = data["pijlers"][::-1]
    most = max((r["acties"] for r in rows), default=0)
    fig = new_figure(height_cm=6.0, constrained=False)
    ax = fixed_grid(fig, left=text_width_cm([r["label"] for r in rows], 9) + TICK + PAD,
                    bottom=LINE + 0.3, right=text_width_cm([str(most)], VALUE_SIZE) + LABEL_GAP + PAD)[0, 0]
    colors = [PILLAR_COLORS[r["nummer"]] if r["prioriteit"] else MUTED for r in rows]
    bars = ax.barh([r["label"] for r in rows], [r["acties"] for r in rows], color=colors, height=0.7)
    ax.bar_label(bars, padding=LABEL_GAP_PT, fontsize=VALUE_SIZE, color=INK)
    ax.set_xlim(0, max(most, 1))
    ax.set_xticks([])
    ax.set_xlabel("aantal acties (een actie telt mee bij elk van haar pijlers)", labelpad=6)
    return fig


STATUS_COLORS = {"gepland": "#7B8794", "lopend": "#2E86AB", "afgerond": "#3B7A57"}


@chart
def timeline(data: dict) -> Figure:
    """The actions over the years of the cycle, one bar from start to end, grouped by objective.

    data: {"jaren": [int], "rijen": [{"label": str, "start": float, "einde": float, "status": str}]}
    start and einde are fractional years (2026.5 is 1 July 2026); status a code of the action.
    """
    years, rows = data["jaren"], data["rijen"][::-1]
    row_height = 0.5
    fig = new_figure(height_cm=len(rows) * row_height + 2 * LINE + TICK + 0.6, constrained=False)
    ax = fixed_grid(fig, left=text_width_cm([r["label"] for r in rows], 8) + TICK + PAD,
                    bottom=2 * LINE + TICK + 0.4)[0, 0]
    for y, row in enumerate(rows):
        ax.barh(y, row["einde"] - row["start"], left=row["start"], height=0.6,
                color=STATUS_COLORS.get(row["status"], MUTED))
    ax.set_yticks(range(len(rows)), [r["label"] for r in rows], fontsize=8)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_xlim(years[0], years[-1] + 1)
    ax.set_xticks([y + 0.5 for y in years], [str(y) for y in years])
    ax.tick_params(axis="x", length=0)
    for year in years[1:]:
        ax.axvline(year, color="#D9DEE3", linewidth=0.6, zorder=0)
    handles = [matplotlib.patches.Patch(color=color, label=label) for label, color in
               (("gepland", STATUS_COLORS["gepland"]), ("lopend", STATUS_COLORS["lopend"]),
                ("afgerond", STATUS_COLORS["afgerond"]))]
    fig.legend(handles=handles, loc="lower center", ncols=3)
    return fig


CHARTS = Charts(jeugd_leeftijd=youth_bands, indicatoren=indicators, acties_per_pijler=actions_per_pillar,
                tijdlijn=timeline)
draw = CHARTS.draw
