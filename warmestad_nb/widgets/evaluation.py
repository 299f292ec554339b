"""Step 6 page: per year the measurements against targets, what worked, what changes."""

from __future__ import annotations

import ipywidgets as widgets

from ..analysis import evaluation as analysis
from ..charts.evaluation import year_on_year_chart
from ..edits import evaluation as edits
from ..model import Meting, Plan
from ..report.document import Bullets, Table
from .common import (BUTTON, EntryRemover, ItemEditor, live_chart, live_html, named, page_header, parse_number,
                     show_number)
from .plan_view import view
from .session import PlanSession, bind

# The columns of a year's measurements, with their Dutch headings.
COLUMNS = {"indicator": "Indicator", "streefwaarde": "Streefwaarde", "waarde": "Waarde", "eenheid": "Eenheid",
           "toelichting": "Toelichting"}


def header(session: PlanSession) -> widgets.Widget:
    return page_header(session, 6)


def year(session: PlanSession) -> widgets.Widget:
    """Choose a year (or start the next one); fill in values, what worked and the adjustments."""
    editor = ItemEditor(session, lambda plan: plan.evaluaties, lambda e: e.jaar, lambda e: str(e.jaar),
                        "ws-eval-jaar", "Evaluatiejaar")
    start = widgets.Button(icon="plus", button_style="primary", layout=BUTTON)
    start.add_class("ws-eval-nieuw-jaar")
    rows = widgets.VBox()
    rows.add_class("ws-metingen")
    add_row = widgets.Button(description="Voeg een indicator toe", icon="plus", layout=BUTTON)
    add_row.add_class("ws-meting-toevoegen")
    texts = [
        editor.bind(widgets.Textarea(description="Wat werkte?", continuous_update=False), "ws-eval-wat-werkte",
                    "wat_werkte"),
        editor.bind(widgets.Textarea(description="Bijsturing", continuous_update=False), "ws-eval-bijsturing",
                    "bijsturing"),
    ]

    def label_start(plan: Plan) -> None:
        start.description = f"Begin de evaluatie van {analysis.next_year(plan)}"

    def meting(plan: Plan, index: int) -> Meting | None:
        ev = editor.item(plan)
        return ev.metingen[index] if ev and index < len(ev.metingen) else None

    def cell(index: int, name: str, number: bool, width: str) -> widgets.Text:
        box = named(widgets.Text(continuous_update=False, layout=widgets.Layout(width=width)),
                    f"{COLUMNS[name]} van indicator {index + 1}")
        box.add_class(f"ws-meting-{name}")

        def read(plan: Plan):
            m = meting(plan, index)
            value = getattr(m, name) if m else None
            return show_number(value) if number else (value or "")

        def write(plan: Plan, value) -> None:
            m = meting(plan, index)
            if m is not None:
                setattr(m, name, parse_number(value, COLUMNS[name]) if number else value)

        return bind(box, session, read, write)

    def build_rows(*_) -> None:
        ev = editor.item(session.plan)
        count = len(ev.metingen) if ev else 0
        if len(rows.children) - 1 == count:
            return
        head = widgets.HTML(f"<b>{' · '.join(COLUMNS.values())}</b>")
        rows.children = [head] + [widgets.HBox([
            cell(i, "indicator", False, "24em"), cell(i, "streefwaarde", True, "8em"),
            cell(i, "waarde", True, "8em"), cell(i, "eenheid", False, "10em"),
            cell(i, "toelichting", False, "20em")]) for i in range(count)]

    def on_start(_) -> None:
        session.change(lambda plan: edits.add_next_evaluation(plan))

    def on_add_row(_) -> None:
        target = editor.current
        if target is None:
            session.refuse("Begin eerst een evaluatiejaar.")
            return
        session.change(lambda plan: edits.add_measurement(plan, target, "Nieuwe indicator"))

    def measurements(plan: Plan) -> list[str]:
        ev = editor.item(plan)
        return [m.indicator for m in ev.metingen] if ev else []

    remover = EntryRemover(session, measurements,
                           lambda plan, index: edits.remove_measurement(plan, editor.current, index),
                           "Indicator", "ws-meting", "Verwijder deze indicator")

    # An ordinary save: "Ongedaan maken" brings the year back.
    drop_year = editor.remove_button("Verwijder dit evaluatiejaar", "ws-eval-jaar-verwijderen",
                                     edits.remove_evaluation)
    start.on_click(on_start)
    add_row.on_click(on_add_row)
    editor.on_choose(lambda _: (setattr(rows, "children", ()), build_rows(), remover.refresh()))
    session.on_change(lambda plan: (label_start(plan), build_rows()))
    label_start(session.plan)
    build_rows()
    return widgets.VBox([widgets.HBox([editor.picker, start]), rows, add_row, remover.box, *texts, drop_year])


def year_on_year(session: PlanSession) -> widgets.Widget:
    def measured(plan: Plan):
        series = analysis.year_on_year(plan)
        return series if any(v.bereikt is not None for s in series.values() for v in s) else None

    def overview(plan: Plan) -> str:
        series = analysis.year_on_year(plan)
        years = analysis.years(plan)
        if not series:
            return ""
        rows = []
        for name, values in series.items():
            by_year = {v.jaar: v for v in values}
            cells = []
            for y in years:
                v = by_year.get(y)
                if v is None or v.waarde is None:
                    cells.append("")
                else:
                    target = f" / {show_number(v.streefwaarde)}" if v.streefwaarde is not None else ""
                    cells.append(f"{show_number(v.waarde)}{target}")
            rows.append([name, *cells])
        return view("ws-jaar-op-jaar-tabel", [Table(["Indicator", *map(str, years)], rows,
                                                   titel="Waarde / streefwaarde per jaar", rechts=list(range(1, len(years) + 1)))])

    chart = live_chart(session, measured, year_on_year_chart, "ws-jaar-op-jaar", empty="Nog geen gemeten waarden met een streefwaarde.")
    return widgets.VBox([chart, live_html(session, overview, "ws-jaar-tabel")])


def carried(session: PlanSession) -> widgets.Widget:
    def render(plan: Plan) -> str:
        groups = analysis.continuing_actions(plan)
        return view("ws-volgend-jaar-inhoud", [Bullets([
            f"{name} ({len(titles)}): " + (", ".join(titles[:12]) + (" ..." if len(titles) > 12 else "") or "–")
            for name, titles in groups.items()])])

    return live_html(session, render, "ws-volgend-jaar")
