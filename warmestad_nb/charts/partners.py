"""The partner network's reach as a heat map: pillars x age groups, blind spots marked."""

from __future__ import annotations

import textwrap
from datetime import date

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from .. import reference, vocab
from ..analysis.partners import reach_matrix
from ..formatting import day
from ..model import Plan
from . import HEATMAP, HIGHLIGHT, INK, chart, new_figure


def _caption(plan: Plan, today: date) -> str:
    example = " VOORBEELD: de partners in dit plan zijn verzonnen." if plan.voorbeeld else ""
    return (
        f"Bron: partnerlijst in het plan van {plan.gemeente.naam}, stand {day(today)}. "
        "Per vak: aantal partners dat die pijler voor die leeftijdsgroep bereikt; rood gearceerd: nog geen "
        f"enkele partner.{example}"
    )


@chart
def reach_heatmap(plan: Plan, today: date | None = None) -> Figure:
    """Heat map of how many partners reach each pillar for each age group; empty cells hatched in red."""
    matrix = reach_matrix(plan)
    pillars = {p.nummer: p.kort for p in reference.pillars()}
    fig = new_figure(height_cm=10.5)
    ax = fig.add_subplot()
    values = matrix.to_numpy()
    top = max(int(values.max()), 1)
    cmap = matplotlib.colormaps[HEATMAP]
    ax.imshow(values, cmap=cmap, vmin=0, vmax=top * 1.15, aspect="auto")
    for row, pillar in enumerate(matrix.index):
        for col, age in enumerate(matrix.columns):
            count = int(matrix.loc[pillar, age])
            if count == 0:
                ax.add_patch(Rectangle((col - 0.5, row - 0.5), 1, 1, facecolor="white", edgecolor=HIGHLIGHT,
                                       hatch="///", linewidth=0))
                ax.text(col, row, "0", ha="center", va="center", color=HIGHLIGHT, fontsize=10, fontweight="bold",
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})
            else:
                dark = count / (top * 1.15) > 0.55
                ax.text(col, row, str(count), ha="center", va="center", fontsize=10,
                        color="white" if dark else INK)
    ax.set_xticks(range(len(matrix.columns)), [vocab.AGE_GROUPS[a] for a in matrix.columns])
    ax.set_yticks(range(len(matrix.index)), [f"{p}. {pillars[p]}" for p in matrix.index])
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    # Thin white grid between the cells, so the hatched gaps stand apart.
    ax.set_xticks([x - 0.5 for x in range(1, len(matrix.columns))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(matrix.index))], minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    fig.suptitle("Bereik van de partners per pijler en leeftijdsgroep", x=0.01, ha="left",
                 fontsize=10, fontweight="bold")
    fig.supxlabel(textwrap.fill(_caption(plan, today or date.today()), 125), x=0.01, ha="left", fontsize=7,
                  color="#52606D")
    return fig
