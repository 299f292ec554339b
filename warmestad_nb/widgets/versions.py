"""Undo the last change and go back to an earlier version of the plan (the store's backups).

Every save keeps the version it replaces in .backups/<plan>/ (store.BACKUPS_KEPT of them). Going back
is an ordinary save of that earlier content: conflict check and backup work as for any change, so
the version that was replaced can itself be restored.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import formatting
from ..edits.versions import restore_version
from ..errors import WarmeStadError
from ..field_labels import labels
from ..model import Plan
from ..store import Version
from .common import BUTTON, esc, labelled, message, note, status_text
from .session import PlanSession


def when(version: Version) -> str:
    """'4 december 2026 om 21:15:03'."""
    return f"{formatting.day(version.saved.date())} om {version.saved:%H:%M:%S}"


def differences(current: Plan, earlier: Plan) -> list[str]:
    """The parts of the plan (Dutch labels) in which an earlier version differs from the current plan."""
    names = [n for n in Plan.model_fields if n != "schema_versie"]
    return [labels().get(n, n) for n in names if getattr(current, n) != getattr(earlier, n)]


def counts(plan: Plan) -> str:
    return formatting.join([formatting.count(len(plan.partners), "partner", "partners"),
                            formatting.count(len(plan.prioriteiten.doelstellingen), "doelstelling",
                                             "doelstellingen"),
                            formatting.count(len(plan.acties), "actie", "acties")])


class VersionsPanel:
    """"Ongedaan maken" and the list of earlier versions, for one plan session."""

    def __init__(self, session: PlanSession):
        self.session = session
        self._next_undo: int | None = None  # after an undo: the version one step further back
        self._restoring = False
        self.undo_button = widgets.Button(description="Ongedaan maken", icon="undo", layout=BUTTON,
                                          tooltip="Zet de laatste wijziging terug")
        self.undo_button.add_class("ws-ongedaan")
        self.picker = labelled(widgets.Dropdown(description="Eerdere versie"), "ws-versie-keuze")
        self.show_button = widgets.Button(description="Bekijk deze versie", icon="eye", layout=BUTTON)
        self.show_button.add_class("ws-versie-bekijken")
        self.restore_button = widgets.Button(description="Zet deze versie terug", icon="history",
                                             button_style="warning", layout=BUTTON)
        self.restore_button.add_class("ws-versie-terugzetten")
        self.preview = message("ws-versie-inhoud")
        self.message = message("ws-versie-melding")
        self.undo_button.on_click(lambda _: self.undo())
        self.show_button.on_click(lambda _: self.show())
        self.restore_button.on_click(lambda _: self.restore(self.picker.value))
        self.picker.observe(lambda _: setattr(self.preview, "value", ""), names="value")
        session.on_change(self._changed)
        self.refresh()
        title = widgets.HTML("<h2>Eerdere versies</h2>"
                             "<p>Elke wijziging wordt bewaard; de versie ervoor blijft als reservekopie "
                             "bestaan. Een versie terugzetten is zelf een nieuwe wijziging, die u ook weer "
                             "ongedaan kunt maken.</p>")
        self.box = widgets.VBox([title, self.undo_button, self.picker,
                                 widgets.HBox([self.show_button, self.restore_button]),
                                 self.preview, self.message])
        self.box.add_class("ws-versies")

    def versions(self) -> list[Version]:
        return self.session.store.versions()

    def refresh(self) -> None:
        found = self.versions()
        options = [(f"Versie {v.number}, opgeslagen op {when(v)}", v.number) for v in found]
        keep = self.picker.value
        if list(self.picker.options) != options:
            self.picker.options = options
        self.picker.value = keep if keep in [n for _, n in options] else (options[0][1] if options else None)
        for b in (self.undo_button, self.show_button, self.restore_button):
            b.disabled = not options

    def _changed(self, plan: Plan) -> None:
        if not self._restoring:
            self._next_undo = None  # a new change: undo starts again from the newest version
            self.message.value = ""
        self.refresh()

    def show(self) -> None:
        """What the chosen version holds and where it differs from the plan as it is now."""
        number = self.picker.value
        if number is None:
            return
        try:
            earlier = self.session.store.read_version(number)
        except WarmeStadError as exc:
            self.preview.value = note("ws-fout", str(exc))
            return
        changed = differences(self.session.plan, earlier)
        text = (f"<p><b>Versie {number}</b>: {esc(counts(earlier))}.</p>"
                + (f"<p>Verschilt van het plan nu in: {esc(formatting.join(changed))}.</p>" if changed
                   else "<p>Deze versie is gelijk aan het plan nu.</p>"))
        self.preview.value = text

    def restore(self, number: int | None) -> bool:
        """Save version `number` as the plan (a new version); False and a message when that fails."""
        found = {v.number: v for v in self.versions()}
        if number not in found:
            self.message.value = note("ws-fout", "Er is geen eerdere versie om naar terug te gaan.")
            return False
        try:
            earlier = self.session.store.read_version(number)
        except WarmeStadError as exc:
            self.message.value = note("ws-fout", str(exc))
            return False
        self._restoring = True
        try:
            done = self.session.change(lambda plan: restore_version(plan, earlier))
        finally:
            self._restoring = False
        if done:
            older = [n for n in found if n < number]
            self._next_undo = max(older) if older else None
            self.message.value = note("ws-ok", f"Het plan is terug zoals het was op {when(found[number])} "
                                               f"(versie {number}).")
        else:
            self.message.value = note("ws-fout", f"Niet teruggezet. {status_text(self.session)}")
        return done

    def undo(self) -> bool:
        """Go back one change; after an undo, a next undo goes one more version back."""
        found = [v.number for v in self.versions()]
        if not found:
            self.message.value = note("ws-fout", "Er is nog geen eerdere versie om naar terug te gaan.")
            return False
        target = self._next_undo if self._next_undo in found else found[0]
        return self.restore(target)


def versions_panel(session: PlanSession) -> widgets.Widget:
    """The panel with "Ongedaan maken" and the earlier versions of the session's plan."""
    return VersionsPanel(session).box
