"""The project group (step 1): the people who steer the project, added, changed and removed one by one."""

from __future__ import annotations

import ipywidgets as widgets

from ..errors import WarmeStadError
from ..model import Persoon, Plan
from .common import Section, button, esc, field, html_box, note, on_add_click, status_text
from .session import PlanSession

NEW = -1  # the chooser's value for "a new member"
FIELDS = {"naam": "Naam", "functie": "Functie", "organisatie": "Organisatie / dienst", "email": "E-mail",
          "telefoon": "Telefoon"}


def member_table(plan: Plan) -> str:
    if not plan.projectgroep:
        return '<p class="ws-info">Er staan nog geen leden van de projectgroep in het plan.</p>'
    head = "".join(f"<th>{esc(label)}</th>" for label in FIELDS.values())
    rows = "".join("<tr>" + "".join(f"<td>{esc(getattr(p, name))}</td>" for name in FIELDS) + "</tr>"
                   for p in plan.projectgroep)
    return f'<table class="ws-tabel"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


class ProjectGroupForm(Section):
    def __init__(self, session: PlanSession):
        super().__init__()
        self.session = session
        self.chooser = field(widgets.Dropdown(description="Kies een lid"), "ws-projectgroep-kies", width="48em")
        self.inputs = {name: field(widgets.Text(description=label, continuous_update=False),
                                   f"ws-projectgroep-{name}")
                       for name, label in FIELDS.items()}
        self.add_button = button("Lid toevoegen", "ws-projectgroep-toevoegen", "primary")
        self.remove_button = button("Lid verwijderen", "ws-projectgroep-verwijderen", "danger")
        self.message = html_box("ws-projectgroep-melding")
        self.table = html_box("ws-projectgroep-tabel")
        self.chooser.observe(lambda _: self._load() if not self.is_quiet else None, names="value")
        for name, widget in self.inputs.items():
            widget.observe(lambda change, name=name: self._on_input(name, change["new"]), names="value")
        on_add_click(self.add_button, self.add)
        self.remove_button.on_click(lambda _: self.remove())
        session.on_change(self._refresh)
        self._refresh(session.plan)
        self._load()
        self.box = widgets.VBox([self.chooser, *self.inputs.values(),
                                 widgets.HBox([self.add_button, self.remove_button]), self.message, self.table])
        self.box.add_class("ws-projectgroep")

    @property
    def selected(self) -> int | None:
        return None if self.chooser.value in (None, NEW) else self.chooser.value

    def _load(self, keep: tuple[str, ...] = ()) -> None:
        member = self.session.plan.projectgroep[self.selected] if self.selected is not None else None
        with self.quiet():
            for name, widget in self.inputs.items():
                if name not in keep:
                    widget.value = getattr(member, name) if member else ""
        editing = self.selected is not None
        self.add_button.layout.display = "none" if editing else ""
        self.remove_button.layout.display = "" if editing else "none"
        self.message.value = note("ws-info", "Wijzigingen worden meteen bewaard.") if editing else ""

    def _refresh(self, plan: Plan) -> None:
        options = [("(nieuw lid)", NEW)] + [(", ".join(x for x in (p.naam, p.organisatie) if x), i)
                                             for i, p in enumerate(plan.projectgroep)]
        keep = self.chooser.value if self.chooser.value is not None and self.chooser.value < len(plan.projectgroep) \
            else NEW
        self.set_options(self.chooser, options, keep)
        if self.selected is not None:
            self._load()
        self.table.value = member_table(plan)

    def _values(self) -> dict[str, str]:
        return {name: w.value.strip() for name, w in self.inputs.items()}

    def _on_input(self, name: str, value: str) -> None:
        if self.is_quiet or self.selected is None:
            return  # a new member is saved with the button
        index = self.selected

        def edit(plan: Plan) -> None:
            if name == "naam" and not value.strip():
                raise WarmeStadError("Projectgroep: een lid heeft een naam nodig; verwijder het lid als het weg moet.")
            setattr(plan.projectgroep[index], name, value.strip())

        if self.session.change(edit):
            self.message.value = note("ws-ok", "Bewaard.")
        else:
            # A refused e-mail address stays in its field next to the message, to be corrected.
            self._load(keep=("email",) if name == "email" else ())
            self.message.value = note("ws-fout", status_text(self.session))

    def add(self) -> bool:
        values = self._values()
        if not values["naam"]:
            self.message.value = note("ws-fout", "Projectgroep: vul eerst de naam in.")
            return False
        if not self.session.change(lambda plan: plan.projectgroep.append(Persoon(**values))):
            self.message.value = note("ws-fout", status_text(self.session))
            return False
        with self.quiet():
            for widget in self.inputs.values():
                widget.value = ""
        self.message.value = note("ws-ok", f"'{values['naam']}' is toegevoegd aan de projectgroep.")
        return True

    def remove(self) -> bool:
        index = self.selected
        if index is None:
            return False
        name = self.session.plan.projectgroep[index].naam
        with self.quiet():
            self.chooser.value = NEW  # the list shifts: choose nothing before it changes
        if not self.session.change(lambda plan: plan.projectgroep.pop(index)):
            self.message.value = note("ws-fout", status_text(self.session))
            return False
        self._load()
        self.message.value = note("ws-ok", f"'{name}' is verwijderd uit de projectgroep.")
        return True

    def snapshot(self) -> str:
        return member_table(self.session.plan)
