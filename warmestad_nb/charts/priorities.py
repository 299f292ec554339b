"""The prioritisation matrix of step 3: need against feasibility, one dot per pillar."""

from __future__ import annotations

from matplotlib.figure import Figure

from ..analysis.priorities import MIDDLE, PillarPosition
from . import INK, MUTED, PILLAR_COLORS, chart, new_figure

QUADRANTS = (  # (x, y, text) in data coordinates, one label per quadrant
    (4.9, 4.9, "nu aanpakken", "right", "top"),
    (1.1, 4.9, "lange termijn voorbereiden", "left", "top"),
    (4.9, 1.1, "snelle winst", "right", "bottom"),
    (1.1, 1.1, "later bekijken", "left", "bottom"),
)


@chart
def priority_matrix(points: list[PillarPosition], width_cm: float = 16.0) -> Figure:
    fig = new_figure(width_cm, width_cm * 0.75)
    ax = fig.add_subplot()
    ax.set_xlim(0.8, 5.2)
    ax.set_ylim(0.8, 5.2)
    ax.axvline(MIDDLE, color=MUTED, lw=1)
    ax.axhline(MIDDLE, color=MUTED, lw=1)
    for x, y, text, ha, va in QUADRANTS:
        ax.text(x, y, text, ha=ha, va=va, color="#52606D", fontsize=8, style="italic")
    scored = [p for p in points if p.nood is not None and p.haalbaarheid is not None]
    # Pillars with the same scores would hide each other: spread them a little.
    seen: dict[tuple, int] = {}
    for p in scored:
        key = (p.haalbaarheid, p.nood)
        shift = 0.13 * seen.get(key, 0)
        seen[key] = seen.get(key, 0) + 1
        x, y = p.haalbaarheid + shift, p.nood
        ax.scatter([x], [y], s=260, color=PILLAR_COLORS[p.pijler], zorder=3,
                   edgecolors=INK if p.gekozen else "white", linewidths=2.5 if p.gekozen else 1)
        ax.text(x, y, str(p.pijler), ha="center", va="center", color="white", fontsize=8,
                fontweight="bold", zorder=4)
    ax.set_xlabel("haalbaarheid (1 = moeilijk, 5 = goed haalbaar)")
    ax.set_ylabel("nood (belang en zwakke situatie)")
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    missing = [str(p.pijler) for p in points if p not in scored]
    ax.set_title("Prioriteitenmatrix (zwart omrand = gekozen)", loc="left")
    if missing:
        fig.text(0.01, 0.0, f"Nog niet gescoord: pijler {', '.join(missing)}", fontsize=7, color="#52606D")
    return fig
