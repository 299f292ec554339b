"""Informing children and young people from the start: channels per age group, with a check on gaps."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from .. import vocab
from ..errors import WarmeStadError
from ..exports.flyer import write_flyer
from ..model import Inspraak, Kanaal, Plan
from ..edits.youth import add_channel
from . import step1_html
from .common import (MULTIPLE, Section, button, download_link, export_folder, field, hint, html_box, note,
                     on_add_click, status_text)
from .date_warning import date_warning
from .list_form import Input, ListForm
from .session import PlanSession


def _label(index: int, kanaal: Kanaal) -> str:
    ages = ", ".join(a for a in vocab.AGE_GROUPS if a in kanaal.leeftijdsgroepen)
    done = "uitgevoerd" if kanaal.uitgevoerd else "gepland"
    return f"{index + 1}. {vocab.YOUTH_CHANNELS[kanaal.kanaal]} ({ages}), {done}"


class YouthForm(Section):
    def __init__(self, session: PlanSession):
        super().__init__()
        self.session = session
        self.inputs = {
            "kanaal": field(widgets.Dropdown(description="Kanaal",
                                             options=[(v, c) for c, v in vocab.YOUTH_CHANNELS.items()]),
                            "ws-jongeren-kanaal"),
            "leeftijdsgroepen": field(widgets.SelectMultiple(description="Leeftijdsgroepen", rows=5,
                                                             options=[(v, c) for c, v in vocab.AGE_GROUPS.items()]),
                                      "ws-jongeren-leeftijden"),
            "boodschap": field(widgets.Text(description="Wat communiceert u?"), "ws-jongeren-boodschap", "48em"),
            "datum": field(widgets.DatePicker(description="Wanneer"), "ws-jongeren-datum"),
            "uitgevoerd": field(widgets.Checkbox(description="Al uitgevoerd", indent=True), "ws-jongeren-uitgevoerd"),
        }
        self.add_button = button("Kanaal toevoegen", "ws-jongeren-toevoegen", "primary")
        on_add_click(self.add_button, self.add)
        self.chooser = field(widgets.Dropdown(description="Kanaal in het plan"), "ws-jongeren-kies", "48em")
        self.remove_button = button("Verwijderen", "ws-jongeren-verwijderen", "danger")
        self.remove_button.on_click(lambda _: self._edit_chosen(lambda plan, i: plan.jongeren.kanalen.pop(i)))
        self.message = html_box("ws-jongeren-melding")
        # The chosen channel's own fields, saved at once (the form above is for a new channel).
        self.chosen = {
            "kanaal": field(widgets.Dropdown(description="Kanaal", options=[(v, c) for c, v in vocab.YOUTH_CHANNELS.items()]),
                            "ws-jongeren-kanaal-soort"),
            "leeftijdsgroepen": field(widgets.SelectMultiple(description="Leeftijdsgroepen", rows=5,
                                                             options=[(v, c) for c, v in vocab.AGE_GROUPS.items()]),
                                      "ws-jongeren-kanaal-leeftijden"),
            "boodschap": field(widgets.Text(description="Wat communiceert u?", continuous_update=False),
                               "ws-jongeren-kanaal-boodschap", "48em"),
            "datum": field(widgets.DatePicker(description="Wanneer"), "ws-jongeren-kanaal-datum"),
            "uitgevoerd": field(widgets.Checkbox(description="Uitgevoerd", indent=True), "ws-jongeren-kanaal-uitgevoerd"),
        }
        for name, widget in self.chosen.items():
            self.bind(widget, session, lambda p, name=name: self._chosen_value(p, name),
                      lambda p, v, name=name: self._set_chosen(p, name, v))
        self.chooser.observe(lambda _: self._show_chosen(), names="value")
        self.notes = self.bind(field(widgets.Textarea(description="Notities", rows=3, continuous_update=False),
                                     "ws-jongeren-notities", "48em"), session,
                               lambda p: p.jongeren.notities, lambda p, v: setattr(p.jongeren, "notities", v.strip()))
        self.check = html_box("ws-jongeren-check")
        # The flyer informs children, young people, schools and partners at once (A4, printable).
        self.flyer_button = button("Flyer maken (A4)", "ws-jongeren-flyer")
        self.flyer_button.on_click(lambda _: self.flyer())
        self.flyer_link = html_box("ws-jongeren-flyer-link")
        session.on_change(self._refresh)
        self._refresh(session.plan)
        self.box = widgets.VBox([
            self.check,
            widgets.HTML("<b>Kanaal toevoegen</b>"), *list(self.inputs.values())[:2], hint(MULTIPLE),
            self.inputs["boodschap"], self.inputs["datum"],
            date_warning(session, self.inputs["datum"], "Wanneer"), self.inputs["uitgevoerd"], self.add_button,
            widgets.HTML("<b>Kanalen in het plan</b>"), widgets.HBox([self.chooser, self.remove_button]),
            *[self.chosen[n] for n in ("kanaal", "leeftijdsgroepen", "boodschap", "datum")],
            date_warning(session, self.chosen["datum"], "Wanneer"), self.chosen["uitgevoerd"], self.message, self.notes,
            widgets.HTML("<b>Flyer voor jongeren, scholen en partners</b>"), self.flyer_button, self.flyer_link,
        ])
        self.box.add_class("ws-jongeren")

    def add(self) -> bool:
        values = {name: w.value for name, w in self.inputs.items()}
        values["leeftijdsgroepen"] = [a for a in vocab.AGE_GROUPS if a in values["leeftijdsgroepen"]]
        values["boodschap"] = values["boodschap"].strip()
        if not self.session.change(lambda plan: add_channel(plan, **values)):
            self.message.value = note("ws-fout", status_text(self.session))
            return False
        self.message.value = note("ws-ok", "Kanaal toegevoegd.")
        self._clear_form()
        return True

    def _clear_form(self) -> None:
        # Everything but the channel kind goes back to empty: a ticked "Al uitgevoerd" must not
        # carry over to the next channel.
        with self.quiet():
            self.inputs["leeftijdsgroepen"].value = ()
            self.inputs["boodschap"].value = ""
            self.inputs["datum"].value = None
            self.inputs["uitgevoerd"].value = False

    def _chosen_value(self, plan: Plan, name: str):
        index = self.chooser.value
        if index is None or index >= len(plan.jongeren.kanalen):
            return {"leeftijdsgroepen": (), "boodschap": "", "uitgevoerd": False}.get(name)
        value = getattr(plan.jongeren.kanalen[index], name)
        return tuple(value) if name == "leeftijdsgroepen" else value

    def _set_chosen(self, plan: Plan, name: str, value) -> None:
        index = self.chooser.value
        if index is None:
            return
        if name == "leeftijdsgroepen":
            value = [a for a in vocab.AGE_GROUPS if a in value]
            if not value:
                raise WarmeStadError("Een kanaal bereikt minstens één leeftijdsgroep; verwijder het kanaal als "
                                     "het weg moet.")
        setattr(plan.jongeren.kanalen[index], name, value.strip() if isinstance(value, str) else value)

    def _show_chosen(self) -> None:
        with self.quiet():
            for name, widget in self.chosen.items():
                widget.value = self._chosen_value(self.session.plan, name)
                widget.disabled = self.chooser.value is None

    def _edit_chosen(self, edit) -> bool:
        index = self.chooser.value
        if index is None:
            return False
        ok = self.session.change(lambda plan: edit(plan, index))
        self.message.value = "" if ok else note("ws-fout", status_text(self.session))
        return ok

    def _refresh(self, plan: Plan) -> None:
        options = [(_label(i, k), i) for i, k in enumerate(plan.jongeren.kanalen)]
        current = self.chooser.value if self.chooser.value is not None and self.chooser.value < len(options) else None
        self.set_options(self.chooser, options, current if current is not None else (0 if options else None))
        self._show_chosen()
        self.check.value = step1_html.youth(plan)

    def snapshot(self) -> str:
        return step1_html.youth(self.session.plan)

    def flyer(self) -> Path:
        """Write the flyer next to the plan (uitvoer/) and offer it for download."""
        path = export_folder(self.session) / f"{self.session.store.path.stem}-flyer.html"
        write_flyer(self.session.plan, path)
        self.flyer_link.value = download_link(path, "Download de flyer (HTML, afdrukken op A4)")
        return path


VOICE_INPUTS = [Input("wie", "Wie werd gehoord?"), Input("hoe", "Hoe (focusgroep, bevraging ...)"),
                Input("datum", "Wanneer", "date"),
                Input("leeftijdsgroepen", "Leeftijdsgroepen", "ages", tuple((v, c) for c, v in vocab.AGE_GROUPS.items())),
                Input("wat_ze_zeiden", "Wat ze zeiden", "area"),
                Input("wat_het_plan_ermee_doet", "Wat het plan ermee doet", "area")]


class YouthVoiceForm(ListForm):
    """The young people's say: each time they were heard, who, how, what they said and what the plan does with it."""

    def __init__(self, session: PlanSession):
        super().__init__(session, inputs=VOICE_INPUTS, items=lambda plan: plan.jongeren.inspraak,
                         create=lambda plan, values: plan.jongeren.inspraak.append(Inspraak(**values)),
                         label=lambda i: ", ".join(x for x in (i.wie, i.hoe) if x), css="ws-inspraak",
                         what="Inspraak van jongeren", noun="inspraakmoment", required=("wie",),
                         empty_text="Er staat nog geen inspraakmoment van kinderen of jongeren in het plan.")
