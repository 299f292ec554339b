"""Step 5 charts: a timeline of the actions and the budget planned against spent."""

from __future__ import annotations

from datetime import date, timedelta

import matplotlib.dates as mdates
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .. import vocab
from ..analysis.implementation import BudgetLine, TimelineRow
from ..formatting import euro
from . import HIGHLIGHT, INK, MUTED, chart, new_figure

STATUS_COLORS = {"gepland": "#B8C2CC", "lopend": "#0072B2", "afgerond": "#009E73", "stopgezet": "#D55E00"}


def _label(text: str, width: int = 42) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@chart
def timeline_chart(rows: list[TimelineRow], today: date | None = None, width_cm: float = 24.0) -> Figure:
    today = today or date.today()
    fig = new_figure(width_cm, 2.5 + 0.55 * max(len(rows), 1))
    ax = fig.add_subplot()
    for i, row in enumerate(rows):
        end = row.einde or max(row.start, today) + timedelta(days=30)
        ax.barh(i, (end - row.start).days, left=mdates.date2num(row.start), height=0.6,
                color=STATUS_COLORS[row.status], hatch=None if row.einde else "//", edgecolor="white")
    ax.set_yticks(range(len(rows)), [_label(r.titel) for r in rows])
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.axvline(mdates.date2num(today), color=HIGHLIGHT, lw=1.2)
    handles = [Patch(color=c, label=vocab.ACTION_STATUSES[s]) for s, c in STATUS_COLORS.items()]
    handles.append(Patch(facecolor="white", edgecolor=INK, hatch="//", label="nog geen einddatum"))
    fig.legend(handles=handles, loc="outside lower center", ncols=5, fontsize=8)
    ax.set_title("Tijdlijn van de acties (rode lijn = vandaag)", loc="left")
    return fig


@chart
def budget_chart(lines: list[BudgetLine], width_cm: float = 24.0) -> Figure:
    fig = new_figure(width_cm, 2.5 + 0.55 * max(len(lines), 1))
    ax = fig.add_subplot()
    ys = range(len(lines))
    ax.barh(ys, [line.gepland or 0 for line in lines], height=0.7, color=MUTED, label="gepland")
    ax.barh(ys, [line.uitgegeven or 0 for line in lines], height=0.35,
            color=[HIGHLIGHT if line.over_budget else "#0072B2" for line in lines], label="uitgegeven")
    for y, line in zip(ys, lines):
        if line.gepland is None:
            ax.text(0, y, " budget nog niet bepaald", va="center", fontsize=7, color="#52606D")
    ax.set_yticks(list(ys), [_label(line.titel) for line in lines])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(lambda x, _: euro(x))
    ax.legend(loc="lower right")
    ax.set_title("Budget per actie: gepland en uitgegeven (rood = meer uitgegeven dan gepland)", loc="left")
    return fig
