"""Step 6: indicator values as a share of their target, year after year."""

from __future__ import annotations

from matplotlib.figure import Figure

from ..analysis.evaluation import YearValue
from . import HIGHLIGHT, PILLAR_COLORS, chart, new_figure


@chart
def year_on_year_chart(series: dict[str, list[YearValue]], width_cm: float = 24.0) -> Figure:
    fig = new_figure(width_cm, 9.0)
    ax = fig.add_subplot()
    colors = list(PILLAR_COLORS.values())
    years = sorted({v.jaar for values in series.values() for v in values})
    for i, (name, values) in enumerate(series.items()):
        points = [(v.jaar, v.bereikt * 100) for v in values if v.bereikt is not None]
        if points:
            xs, ys = zip(*points)
            ax.plot(xs, ys, marker="o", color=colors[i % len(colors)], label=name[:60])
    ax.axhline(100, color=HIGHLIGHT, lw=1, ls="--")
    ax.text(years[0] if years else 0, 101, "streefwaarde gehaald", color=HIGHLIGHT, fontsize=8, va="bottom")
    ax.set_xticks(years)
    ax.set_ylabel("waarde in % van de streefwaarde")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    ax.set_title("Indicatoren jaar na jaar", loc="left")
    return fig
