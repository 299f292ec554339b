"""Step 5 page: status per action with date and note, a timeline, and the budget."""

from __future__ import annotations

import ipywidgets as widgets

from .. import vocab
from ..analysis import implementation as analysis
from ..charts.implementation import budget_chart, timeline_chart
from ..edits import actions as edits
from ..errors import WarmeStadError
from ..model import Communicatie, Plan, StatusWijziging
from .. import formatting as fmt
from ..report.document import Note, Paragraph, Table
from .common import (ItemEditor, code_options, euro, live_chart, live_html, page_header, parse_number,
                     show_number, today)
from .list_form import Input, ListForm
from .plan_view import view
from .session import PlanSession

MAX_ROWS = 40  # more bars than this is unreadable on a projector; the table below has them all


def header(session: PlanSession) -> widgets.Widget:
    return page_header(session, 5)


def status(session: PlanSession) -> widgets.Widget:
    """Pick an action, record a status change with date and note, and keep its spending up to date."""
    counts = live_html(session, lambda plan: view("ws-status-aantallen", [Paragraph(" · ".join(
        f"{vocab.ACTION_STATUSES[s]}: {n}" for s, n in analysis.status_counts(plan).items()))]), "ws-status-telling")
    editor = ItemEditor(session, lambda plan: plan.acties, lambda a: a.id, lambda a: a.titel,
                        "ws-uitvoering-actie", "Actie")
    spent = editor.bind(widgets.Text(description="Uitgegeven (euro)", continuous_update=False),
                        "ws-uitgegeven", "uitgegeven_eur", get=lambda a: show_number(a.uitgegeven_eur),
                        put=lambda a, value: setattr(a, "uitgegeven_eur", parse_number(value, "Uitgegeven")))

    def log(plan: Plan) -> str:
        action = editor.item(plan)
        if action is None:
            return view("ws-statuslog-inhoud", [Note("Nog geen acties: werk ze uit in stap 4.")])
        rows = [[fmt.day(s.datum), vocab.ACTION_STATUSES[s.status], s.notitie] for s in action.statuslog]
        budget = f"Budget: {euro(action.budget_eur) or 'nog niet bepaald'}."
        return view("ws-statuslog-inhoud", [
            Paragraph(f"Huidige status: {vocab.ACTION_STATUSES[action.status]}. {budget}"),
            Table(["Datum", "Status", "Notitie"], rows, titel=f"Statuswijzigingen van {action.titel}") if rows
            else Note("Nog geen statuswijzigingen.")])

    history = live_html(session, log, "ws-statuslog")
    editor.on_choose(lambda _: setattr(history, "value", log(session.plan)))
    changes = status_changes(session, editor)
    return widgets.VBox([counts, editor.picker, history, changes.box, spent])


def status_changes(session: PlanSession, editor: ItemEditor) -> ListForm:
    """The chosen action's status changes: record one (the newest is the action's status), or choose one to
    correct its date, status or note, or remove it."""
    inputs = [Input("status", "Status", "choice", tuple(code_options(vocab.ACTION_STATUSES)), default="lopend"),
              Input("datum", "Datum", "date", default=today()),
              Input("notitie", "Notitie", placeholder="wat is er gebeurd?")]

    def chosen() -> str:
        if editor.current is None:
            raise WarmeStadError("Statuswijziging: kies eerst een actie.")
        return editor.current

    def create(plan: Plan, values: dict) -> None:
        edits.record_status(plan, chosen(), values["status"], values["datum"], values["notitie"])

    def change(plan: Plan, entry: StatusWijziging, name: str, value) -> int:
        # Recorded again: the date rule is checked, the log stays in date order and the status follows it.
        action_id, log = chosen(), editor.item(plan).statuslog
        values = entry.model_dump() | {name: value}
        edits.remove_status(plan, action_id, next(i for i, s in enumerate(log) if s is entry))
        edits.record_status(plan, action_id, values["status"], values["datum"], values["notitie"])
        return max(i for i, s in enumerate(editor.item(plan).statuslog) if s.model_dump() == values)

    form = ListForm(session, inputs=inputs, items=lambda plan: (editor.item(plan).statuslog if editor.item(plan)
                                                                 else None),
                    create=create, change=change, discard=lambda plan, index: edits.remove_status(plan, chosen(), index),
                    label=lambda s: f"{s.datum:%d-%m-%Y} {vocab.ACTION_STATUSES[s.status]}" + (f": {s.notitie}" if s.notitie else ""),
                    css="ws-statuswijziging", what="Statusverloop", noun="statuswijziging",
                    new="(nieuwe statuswijziging)", required=("status", "datum"), table=False,
                    empty_text="Nog geen statuswijzigingen.")
    form.follow(editor.current)  # the action chosen now; a save that chooses it again keeps the entry
    editor.on_choose(form.follow)
    return form


def timeline(session: PlanSession) -> widgets.Widget:

    def notes(plan: Plan) -> str:
        rows, missing = analysis.timeline(plan), analysis.undated(plan)
        out = []
        if len(rows) > MAX_ROWS:
            out.append(f"De grafiek toont de eerste {MAX_ROWS} van {len(rows)} acties (volgens startdatum).")
        if missing:
            out.append(f"{fmt.count(len(missing), 'actie heeft', 'acties hebben')} nog geen startdatum: "
                       + ", ".join(a.titel for a in missing[:5]) + (" ..." if len(missing) > 5 else "") + ".")
        return view("ws-tijdlijn-meldingen", [Note(t) for t in out])

    chart = live_chart(session, lambda plan: analysis.timeline(plan)[:MAX_ROWS], timeline_chart, "ws-tijdlijn", empty="Nog geen acties met een startdatum.")
    return widgets.VBox([chart, live_html(session, notes, "ws-tijdlijn-notities")])


def budget(session: PlanSession) -> widgets.Widget:
    def totals(plan: Plan) -> str:
        t = analysis.budget_total(plan)
        parts = [f"Gepland: {euro(t.gepland)}", f"uitgegeven: {euro(t.uitgegeven)} "
                 f"({fmt.percent(100 * t.aandeel_uitgegeven, 0)})"]
        if t.zonder_budget:
            parts.append(f"{fmt.count(t.zonder_budget, 'actie', 'acties')} zonder budget")
        if t.boven_budget:
            parts.append(f"{fmt.count(t.boven_budget, 'actie', 'acties')} boven budget")
        return view("ws-budget-stand", [Paragraph(" · ".join(parts))])

    def largest(plan: Plan):
        return sorted(analysis.budget_lines(plan), key=lambda line: -(line.gepland or 0))[:MAX_ROWS]

    return widgets.VBox([live_html(session, totals, "ws-budget-totaal"),
                         live_chart(session, largest, budget_chart, "ws-budget", empty="Nog geen acties.")])


COMMUNICATION_INPUTS = [Input("wat", "Wat"), Input("voor_wie", "Voor wie"), Input("wanneer", "Wanneer"),
                        Input("kanaal", "Kanaal")]


def communication(session: PlanSession) -> ListForm:
    """The communication plan: what is told, to whom, when and through which channel."""
    return ListForm(session, inputs=COMMUNICATION_INPUTS, items=lambda plan: plan.communicatie,
                    create=lambda plan, values: plan.communicatie.append(Communicatie(**values)),
                    label=lambda c: ", ".join(x for x in (c.wat, c.voor_wie) if x), css="ws-communicatie",
                    what="Communicatieplan", noun="boodschap", new="(nieuwe boodschap)", required=("wat",),
                    empty_text="Er staat nog niets in het communicatieplan.")
