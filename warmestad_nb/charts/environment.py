"""Charts of the environment analysis (step 2): age pyramid, indicators, existing offer, survey.

Each chart takes the figures an analysis function made, and carries its source and year in the
figure itself, so a chart copied into another document keeps them.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from .. import reference, vocab
from ..analysis.indicators import Comparison
from ..formatting import number, percent, value as format_value
from . import HIGHLIGHT, INK, MUTED, chart, new_figure

GROUP = "#6B8EAE"  # the comparable municipalities
GAP = "#F6D5D1"  # a cell without any offer
BOYS, GIRLS = "#0072B2", "#E69F00"
SOURCE_SIZE = 7


def add_source(fig: Figure, text: str, width: int = 100) -> None:
    """The source line under the chart (inside the figure, so it travels with it)."""
    fig.supxlabel("\n".join(textwrap.wrap(text, width)), fontsize=SOURCE_SIZE, color="#52606D",
                  x=0.01, ha="left")


def _tick(v: float) -> str:
    return number(abs(v), 0 if float(v).is_integer() else 1)


def _percent_axis():
    return FuncFormatter(lambda v, _: _tick(v) + "%")


@chart
def pyramid_chart(data: pd.DataFrame, name: str, source: str) -> Figure:
    """Age pyramid 0-24: bars for the municipality, outlines for Flanders (shares of the whole population)."""
    fig = new_figure(height_cm=8.5)
    ax = fig.add_subplot()
    bands = list(dict.fromkeys(data["leeftijd"]))
    y = np.arange(len(bands))
    for sex, sign, colour in (("jongens", -1, BOYS), ("meisjes", 1, GIRLS)):
        part = data[data["geslacht"] == sex].set_index("leeftijd").loc[bands]
        ax.barh(y, sign * part["gemeente"], height=0.7, color=colour, label=f"{name}: {sex}")
        ax.barh(y, sign * part["vlaanderen"], height=0.7, fill=False, edgecolor=INK, linewidth=1.1,
                label="Vlaanderen" if sex == "meisjes" else None)
        for yi, v, flemish in zip(y, part["gemeente"], part["vlaanderen"]):
            ax.text(sign * (max(v, flemish) + 0.08), yi, number(v, 1) + "%", va="center",
                    ha="right" if sign < 0 else "left", fontsize=8, color=INK)
    limit = max(data["gemeente"].max(), data["vlaanderen"].max()) * 1.3
    ax.set_xlim(-limit, limit)
    ax.set_yticks(y, bands)
    ax.axvline(0, color=INK, linewidth=0.8)
    ax.xaxis.set_major_formatter(_percent_axis())
    ax.set_xlabel("aandeel in de hele bevolking (jongens links, meisjes rechts)")
    ax.set_title(f"Leeftijdspiramide 0-24 jaar: {name} en Vlaanderen")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, fontsize=8)
    add_source(fig, source)
    return fig


@chart
def indicator_chart(c: Comparison) -> Figure:
    """All municipalities from highest to lowest value; the municipality and its comparison group stand out."""
    m = c.measure
    values = m.waarden.dropna().sort_values(ascending=False, kind="stable")
    fig = new_figure(height_cm=7.5)
    ax = fig.add_subplot()
    x = np.arange(len(values))
    # One filled silhouette for all municipalities (285 separate bars are slow and heavy in SVG),
    # with lines for the comparable municipalities and the municipality itself on top.
    ax.fill_between(x, values.to_numpy(), step="mid", color=MUTED, linewidth=0)
    for nis, colour, width in ((n, GROUP, 1.6) for n in c.groep):
        if nis in values.index:
            ax.vlines(list(values.index).index(nis), 0, values[nis], color=colour, linewidth=width)
    if c.gemeente.nis in values.index:
        ax.vlines(list(values.index).index(c.gemeente.nis), 0, c.waarde, color=HIGHLIGHT, linewidth=2.4)
    unit = m.eenheid
    flemish = c.gebieden[0].waarde
    province = c.gebieden[1]
    lines = [(v, style, label) for v, style, label in
             ((flemish, "--", "Vlaanderen"), (province.waarde, ":", province.naam)) if v is not None]
    highest = max(v for v, _, _ in lines) if lines else None
    for level, style, label in lines:
        ax.axhline(level, color=INK, linestyle=style, linewidth=1)
        # The higher line's label above it, the lower one's below: they never overlap.
        ax.text(len(values) * 0.99, level, f" {label}: {format_value(level, unit)} ", ha="right",
                va="bottom" if level == highest else "top", fontsize=8, color=INK,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 0.5})
    if c.waarde is not None:
        position = list(values.index).index(c.gemeente.nis)
        ax.annotate(f"{c.gemeente.naam}: {format_value(c.waarde, unit)}\n(rang {c.rang} van {c.met_waarde})",
                    xy=(position, c.waarde), xytext=(0.35, 0.8), textcoords="axes fraction",
                    fontsize=9, fontweight="bold", color=HIGHLIGHT,
                    arrowprops={"arrowstyle": "->", "color": HIGHLIGHT, "linewidth": 1})
    else:
        ax.text(0.35, 0.8, f"{c.gemeente.naam}: geen gegeven", transform=ax.transAxes, fontsize=9,
                fontweight="bold", color=HIGHLIGHT)
    ax.set_xlim(-1, len(values))
    ax.set_xticks([])
    ax.set_ylim(0, values.max() * 1.12)
    ax.set_xlabel(f"de {len(values)} gemeenten met een gegeven, van hoogste naar laagste waarde\n"
                  f"blauw: de {len(c.groep)} vergelijkbare gemeenten (zelfde provincie, gelijkaardig inwonertal)")
    if unit == "%":
        ax.yaxis.set_major_formatter(_percent_axis())
    else:
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _tick(v)))
    ax.set_title(m.naam, loc="left")
    missing = c.gebieden[0].zonder_waarde
    note = (f" Geen gegeven (niet getoond): {len(missing)} gemeente{'' if len(missing) == 1 else 'n'}."
            if missing else "")
    add_source(fig, f"Bron: {m.bron.uitgever}, {m.bron.titel}; {m.periode}.{note}")
    return fig


def _heatmap(ax, matrix: pd.DataFrame, xlabels: list[str], ylabels: list[str] | None, tilt: int = 0) -> None:
    counts = matrix.to_numpy()
    top = max(int(counts.max()), 1)
    palette = ListedColormap(["#DCEBF5", "#A9CCE3", "#5499C7", "#1F618D"])
    shown = np.ma.masked_where(counts == 0, counts)
    ax.imshow(np.zeros_like(counts), cmap=ListedColormap([GAP]), aspect="auto")
    ax.imshow(shown, cmap=palette, vmin=1, vmax=max(top, 4), aspect="auto")
    for (i, j), n in np.ndenumerate(counts):
        ax.text(j, i, str(n), ha="center", va="center", fontsize=9,
                color=HIGHLIGHT if n == 0 else ("white" if n >= max(3, top * 0.6) else INK),
                fontweight="bold" if n == 0 else "normal")
    ax.set_xticks(range(len(xlabels)), xlabels, rotation=tilt, ha="left" if tilt else "center",
                  rotation_mode="anchor")
    ax.xaxis.tick_top()
    ax.set_yticks(range(counts.shape[0]), ylabels if ylabels else [])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


@chart
def offer_chart(by_age: pd.DataFrame, by_strategy: pd.DataFrame, source: str) -> Figure:
    """Gap matrix: initiatives per pillar x age group and per pillar x strategy; zero cells in red."""
    fig = new_figure(height_cm=9.0)
    grid = fig.add_gridspec(1, 2, width_ratios=[len(by_age.columns), len(by_strategy.columns)])
    left = fig.add_subplot(grid[0])
    right = fig.add_subplot(grid[1])
    pillars = {p.nummer: f"{p.nummer}. {p.kort}" for p in reference.pillars()}
    _heatmap(left, by_age, [vocab.AGE_GROUPS[a].replace(" jaar", "") for a in by_age.columns],
             [pillars[p] for p in by_age.index])
    # One short word per column; the full names are in the notebook's explanation.
    strategies = {"educatie": "educatie", "omgeving": "omgeving", "regels": "regels", "zorg": "zorg"}
    _heatmap(right, by_strategy, [strategies.get(s, s) for s in by_strategy.columns], None, tilt=35)
    left.set_xlabel("per leeftijdsgroep\n(jaar)")
    right.set_xlabel("per strategie\n(gezondheidsmatrix)")
    fig.suptitle("Bestaand aanbod: aantal initiatieven per pijler (rood: nog niets)", fontsize=10,
                 fontweight="bold")
    add_source(fig, source)
    return fig


@chart
def survey_chart(results: pd.DataFrame, source: str, max_questions: int = 6) -> Figure:
    """One panel per question: the answers with their count and share of the respondents."""
    questions = list(dict.fromkeys(results["vraag"]))[:max_questions]
    answers = [results[results["vraag"] == q] for q in questions]
    heights = [len(a) + 1.6 for a in answers]
    fig = new_figure(height_cm=min(24.0, 1.2 + 0.55 * sum(heights)))
    axes = fig.subplots(len(questions), 1, gridspec_kw={"height_ratios": heights}, squeeze=False)[:, 0]
    for ax, question, part in zip(axes, questions, answers):
        y = np.arange(len(part))[::-1]
        ax.barh(y, part["procent"], color=GROUP, height=0.65)
        for yi, (n, pct) in zip(y, zip(part["aantal"], part["procent"])):
            ax.text(pct + 1, yi, f"{percent(pct, 0)} ({number(n)})", va="center", fontsize=8, color=INK)
        ax.set_yticks(y, ["\n".join(textwrap.wrap(a, 34)) for a in part["antwoord"]], fontsize=8)
        ax.set_xlim(0, 118)
        ax.set_xticks([])
        ax.spines["bottom"].set_visible(False)
        total = int(part["aantal"].sum())
        ax.set_title("\n".join(textwrap.wrap(f"{question} ({number(total)} antwoorden)", 58)), loc="left",
                     fontsize=9)
    add_source(fig, source)
    return fig
