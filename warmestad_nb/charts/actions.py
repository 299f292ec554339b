"""The balance of the action mix (step 4): actions per pillar, age group and strategy."""

from __future__ import annotations

from matplotlib.figure import Figure

from .. import reference, vocab
from ..analysis.actions import Balance
from . import HIGHLIGHT, MUTED, PILLAR_COLORS, chart, new_figure


@chart
def balance_chart(balance: Balance, priorities: list[int], width_cm: float = 24.0) -> Figure:
    fig = new_figure(width_cm, 7.5)
    axes = fig.subplots(1, 3, width_ratios=[1.4, 1, 1])
    short = {p.nummer: p.kort for p in reference.pillars()}
    ax = axes[0]
    pillars = list(balance.pijlers)
    ax.barh([f"{p}. {short[p]}" for p in pillars], [balance.pijlers[p] for p in pillars],
            color=[PILLAR_COLORS[p] for p in pillars],
            edgecolor=[HIGHLIGHT if p in priorities else "none" for p in pillars], linewidth=2)
    ax.invert_yaxis()
    ax.set_title("Pijlers (rood omrand = prioriteit)", loc="left")
    for ax, values, labels, title in (
        (axes[1], balance.leeftijden, vocab.AGE_GROUPS, "Leeftijdsgroepen"),
        (axes[2], balance.strategieen, vocab.STRATEGIES, "Strategieën"),
    ):
        counts = list(values.values())
        ax.barh([labels[k] for k in values], counts,
                color=["#52606D" if c else MUTED for c in counts])
        ax.invert_yaxis()
        ax.set_title(title, loc="left")
    for ax in axes:
        ax.set_xlabel("aantal acties")
        ax.xaxis.get_major_locator().set_params(integer=True)
    return fig
