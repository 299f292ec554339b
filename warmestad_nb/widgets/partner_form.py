"""The partner network in a session: add a partner, pick one to edit (saved at once) or remove it.

The list itself is one HTML table (fast with hundreds of partners), not a widget per row.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from .. import reference, vocab
from ..model import Partner, Plan
from ..edits.partners import PARTNER_FIELDS, add_partner, remove_partner, update_partner
from . import step1_html
from .common import MULTIPLE, Section, button, field, hint, html_box, note, on_add_click, status_text
from .session import PlanSession

NEW = ""  # the chooser's value for "a new partner"
# A refused e-mail address stays in its field (with the message): a typo is corrected, not typed again.
KEPT_WHEN_REFUSED = ("email",)


def _options() -> dict[str, list]:
    return {
        "sector": [(s.naam, s.id) for s in reference.sectors()],
        "type": [("(geen type)", "")] + [(t.naam, t.id) for t in reference.organisation_types()],
        "betrokkenheid": [(label, code) for code, label in vocab.ENGAGEMENT_LEVELS.items()],
        "pijlers": [(f"{p.nummer}. {p.kort}", p.nummer) for p in reference.pillars()],
        "leeftijdsgroepen": [(label, code) for code, label in vocab.AGE_GROUPS.items()],
    }


def _inputs() -> dict[str, widgets.ValueWidget]:
    options = _options()

    def text(label: str, placeholder: str = "") -> widgets.Text:
        return widgets.Text(description=label, placeholder=placeholder, continuous_update=False)

    return {
        "organisatie": field(text("Organisatie", "naam van de organisatie of dienst"), "ws-partner-organisatie"),
        "sector": field(widgets.Dropdown(description="Sector", options=options["sector"]), "ws-partner-sector"),
        "type": field(widgets.Dropdown(description="Organisatietype", options=options["type"]), "ws-partner-type"),
        "contactpersoon": field(text("Contactpersoon"), "ws-partner-contactpersoon"),
        "email": field(text("E-mail", "naam@organisatie.be"), "ws-partner-email"),
        "telefoon": field(text("Telefoon"), "ws-partner-telefoon"),
        "rol": field(text("Rol in het project"), "ws-partner-rol", width="48em"),
        "betrokkenheid": field(widgets.Dropdown(description="Betrokkenheid", options=options["betrokkenheid"]),
                               "ws-partner-betrokkenheid"),
        "pijlers": field(widgets.SelectMultiple(description="Pijlers", options=options["pijlers"], rows=8),
                         "ws-partner-pijlers"),
        "leeftijdsgroepen": field(widgets.SelectMultiple(description="Leeftijdsgroepen",
                                                         options=options["leeftijdsgroepen"], rows=5),
                                  "ws-partner-leeftijden"),
    }


def to_widget(name: str, value: Any) -> Any:
    if name == "type":
        return value or ""
    if name in ("pijlers", "leeftijdsgroepen"):
        return tuple(value)
    return value


def to_model(name: str, value: Any) -> Any:
    if name == "type":
        return value or None
    if name == "pijlers":
        return sorted(value)
    if name == "leeftijdsgroepen":
        return [a for a in vocab.AGE_GROUPS if a in value]
    return value.strip() if isinstance(value, str) else value


class PartnerForm(Section):
    def __init__(self, session: PlanSession):
        super().__init__()
        self.session = session
        self.selected: str | None = None
        self._armed: str | None = None  # partner whose removal waits for a second click
        self.chooser = field(widgets.Dropdown(description="Kies een partner", options=[("(nieuwe partner)", NEW)]),
                             "ws-partner-kies", width="48em")
        self.inputs = _inputs()
        self.add_button = button("Partner toevoegen", "ws-partner-toevoegen", "primary")
        self.remove_button = button("Partner verwijderen", "ws-partner-verwijderen", "danger")
        self.message = html_box("ws-partner-melding")
        self.table = html_box("ws-partner-tabel")
        self.chooser.observe(self._on_choose, names="value")
        for name, widget in self.inputs.items():
            widget.observe(lambda change, name=name: self._on_input(name, change["new"]), names="value")
        on_add_click(self.add_button, self.add)
        self.remove_button.on_click(lambda _: self.remove())
        self._partners: list[Partner] | None = None
        session.on_change(self._refresh)
        self._refresh(session.plan)
        self._show_mode()
        self.box = widgets.VBox([
            self.chooser,
            *self.inputs.values(),
            hint(MULTIPLE),
            widgets.HBox([self.add_button, self.remove_button]),
            self.message,
            self.table,
        ])
        self.box.add_class("ws-partners")

    # ---------------------------------------------------------------- reading the form

    def values(self) -> dict[str, Any]:
        return {name: to_model(name, w.value) for name, w in self.inputs.items()}

    def _load(self, partner: Partner | None, keep: tuple[str, ...] = ()) -> None:
        defaults = Partner.model_construct(id="x", organisatie="", sector=self.inputs["sector"].options[0][1])
        source = partner or defaults
        with self.quiet():
            for name in PARTNER_FIELDS:
                if name not in keep:
                    self.inputs[name].value = to_widget(name, getattr(source, name))

    def _say(self, css: str, text: str) -> None:
        self.message.value = note(css, text)

    def _show_mode(self) -> None:
        editing = self.selected is not None
        self.add_button.layout.display = "none" if editing else ""
        self.remove_button.layout.display = "" if editing else "none"
        self.remove_button.description = "Partner verwijderen"

    # ---------------------------------------------------------------- events

    def _on_choose(self, change: dict) -> None:
        if self.is_quiet:
            return
        self.selected = change["new"] or None
        self._armed = None
        self._load(self.session.plan.partner(self.selected) if self.selected else None)
        self._show_mode()
        self._say("ws-info", "Wijzigingen worden meteen bewaard." if self.selected else "")

    def _coherent(self, name: str, value: Any) -> dict[str, Any]:
        """The change as the plan needs it: a type brings its sector, a sector drops a type from elsewhere."""
        updates = {name: to_model(name, value)}
        types = reference.lookup("organisatietypes")
        with self.quiet():
            if name == "type" and value and types[value].sector != self.inputs["sector"].value:
                updates["sector"] = self.inputs["sector"].value = types[value].sector
            if name == "sector" and self.inputs["type"].value and types[self.inputs["type"].value].sector != value:
                self.inputs["type"].value = ""
                updates["type"] = None
        return updates

    def _on_input(self, name: str, value: Any) -> None:
        if self.is_quiet:
            return
        updates = self._coherent(name, value)
        if self.selected is None:
            return  # a new partner is saved with the button
        selected = self.selected
        if self.session.change(lambda plan: update_partner(plan, selected, **updates)):
            self._say("ws-ok", "Bewaard.")
        else:
            self._load(self.session.plan.partner(selected), keep=tuple(n for n in updates if n in KEPT_WHEN_REFUSED))
            self._say("ws-fout", status_text(self.session))

    def add(self) -> bool:
        values = self.values()
        # Emptied before the save, not after: the browser shows the empty form before the coach types
        # the next partner, so the reset does not wipe what she typed meanwhile.
        self._load(None)
        added: list[str] = []
        if not self.session.change(lambda plan: added.append(add_partner(plan, **values))):
            with self.quiet():  # refused: the form holds what was typed again, to be corrected
                for name, value in values.items():
                    self.inputs[name].value = to_widget(name, value)
            self._say("ws-fout", status_text(self.session))
            return False
        self._say("ws-ok", f"'{values['organisatie']}' is toegevoegd aan de partnerlijst.")
        return True

    def remove(self) -> bool:
        selected = self.selected
        if selected is None:
            return False
        if self._armed != selected:
            self._armed = selected
            self.remove_button.description = "Zeker? Klik nog eens om te verwijderen"
            return False
        name = self.session.plan.partner_name(selected)
        if not self.session.change(lambda plan: remove_partner(plan, selected)):
            self._armed = None
            self._show_mode()
            self._say("ws-fout", status_text(self.session))
            return False
        self._say("ws-ok", f"'{name}' is verwijderd uit de partnerlijst.")
        return True

    # ---------------------------------------------------------------- the plan changed

    def _refresh(self, plan: Plan) -> None:
        if self._partners == plan.partners:
            return  # another part of the plan changed
        self._partners = list(plan.partners)  # the session never edits its plan in place
        ids = {p.id for p in plan.partners}
        if self.selected not in ids:
            self.selected = None
            self._show_mode()
        options = [("(nieuwe partner)", NEW)] + sorted(((p.organisatie, p.id) for p in plan.partners),
                                                       key=lambda o: o[0].casefold())
        self.set_options(self.chooser, options, self.selected or NEW)
        if self.selected:
            self._load(plan.partner(self.selected))
        self.table.value = step1_html.partner_table(plan)

    def snapshot(self) -> str:
        return step1_html.partner_table(self.session.plan)
