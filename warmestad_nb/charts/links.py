"""Charts of the plan's links: its contribution to the 17 SDGs."""

from __future__ import annotations

from matplotlib.figure import Figure

from ..analysis.sdg_links import sdg_overview
from ..model import Plan
from . import INK, MUTED, PILLAR_COLORS, chart, new_figure

BAR = PILLAR_COLORS[1]


@chart
def sdg_contribution(plan: Plan) -> Figure:
    """Horizontal bars: per SDG (all 17, Dutch names) the number of actions linked to one of its targets."""
    table = sdg_overview(plan)
    fig = new_figure(height_cm=11.0)
    ax = fig.add_subplot()
    labels = [f"{row.sdg}. {row.naam}" for row in table.itertuples()]
    counts = table["acties"].tolist()
    positions = list(range(len(labels)))[::-1]  # SDG 1 on top
    colors = [BAR if n else MUTED for n in counts]
    ax.barh(positions, counts, color=colors, height=0.7)
    ax.set_yticks(positions, labels)
    top = max(counts + [1])
    for y, n in zip(positions, counts):
        ax.text(n + top * 0.01, y, str(n), va="center", ha="left", fontsize=8, color=INK)
    ax.set_xlim(0, top * 1.12 + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(f"aantal acties (van de {len(plan.acties)})")
    example = " (voorbeeld)" if plan.voorbeeld else ""
    fig.suptitle(f"Bijdrage aan de SDG's - {plan.gemeente.naam}{example}", x=0.01, ha="left",
                 fontsize=10, fontweight="bold", color=INK)
    fig.supxlabel("Telt de acties met minstens één subdoel van de SDG; een actie kan bij meer SDG's horen.\n"
                  "Bron: de SDG-koppelingen in het plan.",
                  x=0.01, ha="left", fontsize=7, color=INK)
    return fig
