"""Step 7 page: where goals and actions are anchored, what is not anchored yet, and the approval."""

from __future__ import annotations

import ipywidgets as widgets

from .. import vocab
from ..analysis import anchoring as analysis
from ..edits import anchoring as edits
from ..model import Plan
from .. import formatting as fmt
from ..report.document import Bullets, Paragraph, Table
from .common import code_options, labelled, live_html, page_header, scroll_box
from .date_warning import date_warning
from .list_form import Input, ListForm
from .plan_view import view
from .session import PlanSession, bind


PLURALS = {"doelstelling": "doelstellingen", "actie": "acties"}


def header(session: PlanSession) -> widgets.Widget:
    return page_header(session, 7)


def overview(session: PlanSession) -> widgets.Widget:
    def render(plan: Plan) -> str:
        counts = analysis.counts(plan)
        summary = " · ".join(f"{done} van {fmt.count(total, kind, PLURALS[kind])} verankerd"
                             for kind, (done, total) in counts.items())
        rows = [[a.soort, a.titel, "; ".join(a.plaatsen) or "nog niet verankerd"] for a in analysis.anchors(plan)]
        return view("ws-verankering-stand", [Paragraph(summary)]) + scroll_box(
            view("ws-verankering-inhoud", [Table(["Soort", "Titel", "Verankerd in"], rows,
                                                 titel="Verankering van doelstellingen en acties")]),
            "Alle doelstellingen en acties, om door te scrollen")  # a name of its own: the table is a region too

    def missing(plan: Plan) -> str:
        found = analysis.not_anchored(plan)
        if not found:
            return view("ws-verankering-open", [Paragraph("Alle doelstellingen en acties hebben een plaats in het beleid.")])
        return view("ws-verankering-open", [Paragraph("Nog niet verankerd:"),
                                            Bullets([f"{a.soort}: {a.titel}" for a in found])])

    return widgets.VBox([live_html(session, render, "ws-verankering-tabel"),
                         live_html(session, missing, "ws-niet-verankerd")])


def _subjects(plan: Plan) -> tuple:
    """Goals and actions to anchor, the ones not anchored yet first."""
    found = sorted(analysis.anchors(plan), key=lambda a: a.verankerd)
    return tuple((f"{a.soort}: {a.titel}" + ("" if a.verankerd else " (nog niet verankerd)"), a.id) for a in found)


def add(session: PlanSession) -> ListForm:
    """Where a goal or action is anchored (a policy note, a budget line ...): add one, or choose one to
    change or remove it."""
    def label(item) -> str:
        titles = {a.id: a.titel for a in analysis.anchors(session.plan)}
        return (f"{titles.get(item.onderwerp, item.onderwerp)}: {vocab.ANCHOR_PLACES[item.plaats]}"
                + (f" {item.referentie}" if item.referentie else ""))

    inputs = [Input("onderwerp", "Doelstelling of actie", "choice", _subjects),
              Input("plaats", "Plaats", "choice", tuple(code_options(vocab.ANCHOR_PLACES))),
              Input("referentie", "Referentie", placeholder="bv. actieplan AP1.2 of budgetlijn 0985"),
              Input("notitie", "Notitie")]
    return ListForm(session, inputs=inputs, items=lambda plan: plan.verankering.items,
                    create=lambda plan, values: edits.add_anchor(plan, values["onderwerp"], values["plaats"],
                                                                    values["referentie"], values["notitie"]),
                    discard=edits.remove_anchor, label=label, css="ws-anker", what="Verankering",
                    noun="verankering", new="(nieuwe verankering)", required=("onderwerp", "plaats"), table=False,
                    empty_text="Er staat nog geen verankering in het plan.")


def _decision(session: PlanSession, body: str, label: str, date_css: str) -> list[widgets.Widget]:
    """Date and reference of the decision of the college or the council (a date is removed with its x)."""
    def decision(plan: Plan):
        return getattr(plan.vaststelling, body)

    date = bind(labelled(widgets.DatePicker(description=f"Goedgekeurd door {label} op"), date_css),
                session, lambda plan: decision(plan).datum, lambda plan, value: setattr(decision(plan), "datum", value))
    ref = bind(labelled(widgets.Text(description=f"Referentie ({label})", continuous_update=False,
                                     placeholder="bv. zitting van 12 mei 2026, punt 7"), f"ws-{body}-referentie"),
               session, lambda plan: decision(plan).referentie,
               lambda plan, value: setattr(decision(plan), "referentie", value.strip()))
    return [date, date_warning(session, date, f"Datum van de beslissing van {label}"), ref]


def approval(session: PlanSession) -> widgets.Widget:
    """The plan's adoption: draft or final, the decisions of college and council, what the council is asked."""
    status = bind(labelled(widgets.Dropdown(options=code_options(vocab.PLAN_STATUSES), description="Status van het plan"),
                           "ws-plan-status"),
                  session, lambda plan: plan.vaststelling.status,
                  lambda plan, value: setattr(plan.vaststelling, "status", value))
    proposal = bind(labelled(widgets.Textarea(description="Voorstel aan de gemeenteraad", continuous_update=False,
                                              placeholder="leeg: de standaardtekst van het beleidsplan"),
                             "ws-voorstel-raad"),
                    session, lambda plan: plan.vaststelling.voorstel_aan_de_raad,
                    lambda plan, value: setattr(plan.vaststelling, "voorstel_aan_de_raad", value.strip()))
    notes = bind(labelled(widgets.Textarea(description="Notities", continuous_update=False), "ws-verankering-notities"),
                 session, lambda plan: plan.verankering.notities,
                 lambda plan, value: setattr(plan.verankering, "notities", value))
    return widgets.VBox([status, *_decision(session, "college", "het college", "ws-college-datum"),
                         *_decision(session, "gemeenteraad", "de gemeenteraad", "ws-beleidsplan-datum"),
                         proposal, notes])
