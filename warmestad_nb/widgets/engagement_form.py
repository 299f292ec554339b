"""The commitment of the municipality (step 1): college decision, coordinator, aldermen, budget, Logo agreement."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..edits.commitment import set_coordinator_field, set_working_budget
from ..field_labels import label as field_label
from ..model import Plan
from . import step1_html
from .common import Section, field, html_box, show_number
from .date_warning import date_warning
from .session import PlanSession, bind


DATES = {"engagement-collegedatum": "collegebeslissing_datum", "engagement-logodatum": "afspraak_logo_datum"}


def _text(label: str, placeholder: str = "") -> widgets.Text:
    return widgets.Text(description=label, placeholder=placeholder, continuous_update=False)


def _area(label: str, placeholder: str = "") -> widgets.Textarea:
    return widgets.Textarea(description=label, placeholder=placeholder, continuous_update=False, rows=3)


def _read_coordinator(name: str):
    return lambda plan: getattr(plan.coordinator, name) if plan.coordinator else ""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _engagement(css: str, widget: widgets.ValueWidget, name: str) -> tuple[str, widgets.ValueWidget, Any, Any]:
    """A field of plan.engagement as it is in the plan; a text is saved without spaces around it."""
    def write(plan: Plan, value: Any) -> None:
        setattr(plan.engagement, name, value.strip() if isinstance(value, str) else value)

    return css, widget, lambda plan: getattr(plan.engagement, name), write


class EngagementForm(Section):
    def __init__(self, session: PlanSession):
        super().__init__()
        self.session = session
        specs: list[tuple[str, widgets.ValueWidget, Any, Any]] = [
            _engagement("ws-engagement-collegedatum", widgets.DatePicker(description="Collegebeslissing op"),
                        "collegebeslissing_datum"),
            _engagement("ws-engagement-collegereferentie",
                        _text("Link of referentie", "bv. collegezitting 9/2, punt 12"), "collegebeslissing_referentie"),
            ("ws-engagement-schepenen", _area("Betrokken schepenen", "één naam per regel"),
             lambda p: "\n".join(p.engagement.schepenen),
             lambda p, v: setattr(p.engagement, "schepenen", _lines(v))),
            ("ws-engagement-budget", _text("Werkingsbudget (euro)", "bv. 5000"),
             lambda p: show_number(p.engagement.budget_eur), set_working_budget),
            _engagement("ws-engagement-logo", _area("Afspraak met de regio", "afspraak met Logo / Gezondheidsmakers"),
                        "afspraak_logo"),
            _engagement("ws-engagement-logodatum", widgets.DatePicker(description="Afspraak gemaakt op"),
                        "afspraak_logo_datum"),
            _engagement("ws-engagement-agendapunt", _text("Vast agendapunt van", "bv. werkgroep Gezonde Gemeente"),
                        "vast_agendapunt"),
        ]
        for name, label in (("naam", "Coördinator"), ("functie", "Functie"), ("organisatie", "Organisatie / dienst"),
                            ("email", "E-mail"), ("telefoon", "Telefoon")):
            specs.append((f"ws-coordinator-{name}", _text(label), _read_coordinator(name),
                          lambda p, v, name=name: set_coordinator_field(p, name, v)))
        self.inputs: dict[str, widgets.ValueWidget] = {}
        for css, widget, read, write in specs:
            self.inputs[css.removeprefix("ws-")] = bind(field(widget, css), session, read, write)
        self.checklist = html_box("ws-engagement-checklist")
        session.on_change(self._refresh)
        self._refresh(session.plan)
        names = list(self.inputs)
        decision = []
        for name in names:
            if name.startswith("engagement"):
                decision.append(self.inputs[name])
                if name in DATES:
                    decision.append(date_warning(session, self.inputs[name], field_label(DATES[name])))
        self.box = widgets.VBox([
            widgets.HTML("<b>Beslissing en middelen</b>"),
            *decision,
            widgets.HTML("<b>Coördinator (trekker)</b>"),
            *[self.inputs[n] for n in names if n.startswith("coordinator")],
            self.checklist,
        ])
        self.box.add_class("ws-engagement")

    def _refresh(self, plan: Plan) -> None:
        self.checklist.value = step1_html.checklist(plan)

    def snapshot(self) -> str:
        return step1_html.checklist(self.session.plan)
