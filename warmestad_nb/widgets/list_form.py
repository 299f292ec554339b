"""One form for a list in the plan (project group members, bodies, communication, budget lines ...):
choose an entry to change it field by field (saved at once), fill in a new one and add it, or remove one.

The list may hang under something chosen elsewhere (the members of the chosen body, the budget of the
chosen action): `items` reads it from the plan each time, and `refresh` is called when that choice moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Optional, Union

import ipywidgets as widgets

from .. import formatting
from ..errors import WarmeStadError
from ..model import Plan
from .common import (MULTIPLE, Section, button, esc, field, hint, html_box, note, on_add_click, parse_number,
                     show_number, status_text, table)
from .date_warning import date_warning
from .session import PlanSession

NEW = -1  # the chooser's value for "a new entry"


@dataclass(frozen=True)
class Input:
    """One field of the entries: its name in the plan, its Dutch label and how it is typed in.

    kind: text (with options: suggestions the user may also type past), area (a few sentences), choice
    (options as (label, code)), date (a warning when outside the plan's cycle), ages (several codes from
    options), euro (an amount typed the Flemish way), number (any number typed the Flemish way), whole (a
    whole number such as a year), check (yes or no).
    options: a tuple, or a function of the plan for options that follow it (the items of another list;
    a new entry starts with the first of them). default: the value a new entry starts with.
    """

    name: str
    label: str
    kind: str = "text"
    options: Union[tuple, Callable[[Plan], tuple]] = ()
    placeholder: str = ""
    default: Any = None

    def widget(self) -> widgets.Widget:
        options = [] if callable(self.options) else list(self.options)
        if self.kind == "area":
            return widgets.Textarea(description=self.label, rows=3, continuous_update=False, placeholder=self.placeholder)
        if self.kind == "choice":
            return widgets.Dropdown(description=self.label, options=options)
        if self.kind == "date":
            return widgets.DatePicker(description=self.label)
        if self.kind == "ages":
            return widgets.SelectMultiple(description=self.label, options=options, rows=min(max(len(options), 3), 8))
        if self.kind == "check":
            return widgets.Checkbox(description=self.label, indent=True)
        if self.kind == "text" and options:
            return widgets.Combobox(description=self.label, options=options, ensure_option=False,
                                    continuous_update=False, placeholder=self.placeholder)
        return widgets.Text(description=self.label, continuous_update=False,
                            placeholder="bv. 1500" if self.kind == "euro" and not self.placeholder else self.placeholder)

    def empty(self) -> Any:
        if self.default is not None:
            return self.default
        if self.kind == "choice":
            return self.options[0][1] if self.options and not callable(self.options) else None
        return {"date": None, "ages": (), "check": False}.get(self.kind, "")

    def shown(self, entry: Any) -> Any:
        """The entry's value as the widget holds it."""
        value = getattr(entry, self.name)
        if self.kind == "ages":
            return tuple(value)
        if self.kind == "euro":
            return show_number(value)
        if self.kind == "number":  # as typed: 48,5 stays 48,5, not 48,50
            return "" if value is None else formatting.number(value, len(repr(float(value)).partition(".")[2].rstrip("0")))
        if self.kind == "whole":
            return "" if value is None else str(value)
        return value

    def stored(self, value: Any) -> Any:
        """The widget's value as the plan holds it (a Dutch error for an amount that is no number)."""
        if self.kind == "ages":
            return [code for _, code in self.options if code in value]
        if self.kind in ("euro", "number"):
            return parse_number(value, self.label)
        if self.kind == "whole":
            text = value.strip()
            if text and not text.lstrip("-").isdigit():
                raise WarmeStadError(f"{self.label}: '{text}' is geen geheel getal (zonder komma of punt).")
            return int(text) if text else None
        return value.strip() if isinstance(value, str) else value

    def text(self, entry: Any) -> str:
        """The entry's value in the overview table."""
        value = getattr(entry, self.name)
        labels = dict((code, label) for label, code in self.options) if self.kind in ("choice", "ages") and not \
            callable(self.options) else {}
        if self.kind == "ages":
            return ", ".join(labels.get(v, v) for v in value)
        if self.kind == "choice":
            return labels.get(value, value or "")
        if self.kind in ("euro", "number"):
            return show_number(value)
        if self.kind == "check":
            return "ja" if value else "nee"
        return value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value or "")


class ListForm(Section):
    """Add, change and remove the entries of one list in the plan.

    items: the list in the plan (None when the thing it hangs under is not there yet); create: appends
    a new entry built from the typed values (and makes what it hangs under when needed); label: the
    entry's line in the chooser; css: the class prefix of every input (tests and the browser find them
    by it); what: the Dutch name of the list in messages; noun: one entry ("lid", "orgaan"); after: run
    on the plan after every change of the list (e.g. a total that follows the lines); change: sets one
    field of an entry (plan, entry, field name, value), for a change that reaches further (a renamed
    code that other parts point to; it returns the entry's new index when the change moves it); discard: removes the entry at an index, for a removal with rules;
    table: whether the form shows its own table of the entries (not when the page has a view of them);
    keep: the fields that keep their value after an add (a source shared by the next entries); new: the
    chooser's line for a new entry when "(nieuw <noun>)" is not Dutch ("(nieuwe boodschap)" for a de-word).
    """

    def __init__(self, session: PlanSession, *, inputs: list[Input], items: Callable[[Plan], Optional[list]],
                 create: Callable[[Plan, dict], None], label: Callable[[Any], str], css: str, what: str,
                 noun: str, required: tuple[str, ...], empty_text: str,
                 after: Callable[[Plan], None] = lambda plan: None,
                 change: Callable[[Plan, Any, str, Any], None] = lambda plan, entry, name, value: setattr(
                     entry, name, value),
                 discard: Callable[[Plan, int], None] | None = None, table: bool = True, keep: tuple[str, ...] = (),
                 new: str = ""):
        super().__init__()
        self.session, self._items, self._create, self._label, self._after = session, items, create, label, after
        self._change, self._discard = change, discard or (lambda plan, index: self.entries(plan).pop(index))
        self._keep, self._new = keep, new or f"(nieuw {noun})"
        self._under: Any = None  # what the list hangs under, as last followed
        self.specs = {spec.name: spec for spec in inputs}
        self.what, self.noun, self.required, self.empty_text = what, noun, required, empty_text
        self.chooser = field(widgets.Dropdown(description=f"Kies een {noun}"), f"{css}-kies", width="48em")
        self.inputs = {spec.name: field(spec.widget(), f"{css}-{spec.name}", "48em" if spec.kind == "area" else "36em")
                       for spec in inputs}
        self.add_button = button(f"{noun.capitalize()} toevoegen", f"{css}-toevoegen", "primary")
        self.remove_button = button(f"{noun.capitalize()} verwijderen", f"{css}-verwijderen", "danger")
        self.message = html_box(f"{css}-melding")
        self.table = html_box(f"{css}-tabel")
        self.chooser.observe(lambda _: self._load() if not self.is_quiet else None, names="value")
        for name, widget in self.inputs.items():
            widget.observe(lambda change, name=name: self._on_input(name, change["new"]), names="value")
        on_add_click(self.add_button, self.add)
        self.remove_button.on_click(lambda _: self.remove())
        session.on_change(lambda plan: self.refresh())
        rows = []
        for spec in inputs:
            rows.append(self.inputs[spec.name])
            if spec.kind == "ages":
                rows.append(hint(MULTIPLE))
            if spec.kind == "date":
                rows.append(date_warning(session, self.inputs[spec.name], spec.label))
        self.box = widgets.VBox([self.chooser, *rows, widgets.HBox([self.add_button, self.remove_button]),
                                 self.message, *([self.table] if table else [])])
        self.box.add_class(css)
        self.refresh()
        self._load()

    def entries(self, plan: Plan) -> list:
        return self._items(plan) or []

    @property
    def selected(self) -> int | None:
        return None if self.chooser.value in (None, NEW) else self.chooser.value

    def refresh(self) -> None:
        """Follow the plan (and the choice the list hangs under): chooser, fields and table."""
        found = self.entries(self.session.plan)
        for spec in self.specs.values():
            if callable(spec.options):
                widget = self.inputs[spec.name]
                choices = list(spec.options(self.session.plan))
                first = spec.default if spec.default is not None else (choices[0][1] if choices else None)
                self.set_options(widget, choices, widget.value if widget.value in [c for _, c in choices] else first)
        options = [(self._new, NEW)] + [(self._label(e), i) for i, e in enumerate(found)]
        keep = self.chooser.value if self.chooser.value is not None and self.chooser.value < len(found) else NEW
        was_editing = self.add_button.layout.display == "none"
        self.set_options(self.chooser, options, keep)
        if self.selected is not None or was_editing:
            self._load()  # a new entry being typed keeps its values when the plan changes elsewhere
        self.table.value = self.overview(self.session.plan)

    def follow(self, key: Any = None) -> None:
        """The thing the list hangs under was chosen anew: start from a new entry in its list.

        key: what was chosen; the same again (a picker that reports its choice after every save) keeps
        the entry being changed."""
        if key is not None and key == self._under:
            return
        self._under = key
        with self.quiet():
            self.chooser.value = NEW
        self.refresh()
        self._load()

    def _empty(self, name: str) -> Any:
        spec, widget = self.specs[name], self.inputs[name]
        if callable(spec.options) and spec.kind == "choice" and spec.default is None:
            return widget.options[0][1] if widget.options else None
        return spec.empty()

    def _load(self, keep: tuple[str, ...] = ()) -> None:
        entry = self.entries(self.session.plan)[self.selected] if self.selected is not None else None
        with self.quiet():
            for name, widget in self.inputs.items():
                if name not in keep:
                    value = self.specs[name].shown(entry) if entry is not None else self._empty(name)
                    if self.specs[name].kind == "choice" and value not in [code for _, code in widget.options]:
                        # e.g. a budget year outside the cycle, typed in the file: shown as it is
                        widget.options = [*widget.options, (str(value), value)]
                    widget.value = value
        editing = self.selected is not None
        self.add_button.layout.display = "none" if editing else ""
        self.remove_button.layout.display = "" if editing else "none"
        self.message.value = note("ws-info", "Wijzigingen worden meteen bewaard.") if editing else ""

    def _values(self) -> dict[str, Any]:
        return {name: self.specs[name].stored(w.value) for name, w in self.inputs.items()}

    def _on_input(self, name: str, value: Any) -> None:
        if self.is_quiet or self.selected is None:
            return  # a new entry is saved with the button
        index, spec = self.selected, self.specs[name]
        moved: list[int] = []

        def edit(plan: Plan) -> None:
            stored = spec.stored(value)
            if name in self.required and stored in ("", None, []):
                raise WarmeStadError(f"{self.what}: het veld {spec.label} mag niet leeg zijn; verwijder de "
                                     f"{self.noun} als die weg moet.")
            new_index = self._change(plan, self.entries(plan)[index], name, stored)
            moved[:] = [new_index] if isinstance(new_index, int) and new_index != index else []
            self._after(plan)

        if self.session.change(edit):
            if moved:  # the entry moved in its list (e.g. sorted by date): keep it chosen
                with self.quiet():
                    self.chooser.value = moved[0]
                self._load()
            self.message.value = note("ws-ok", "Bewaard.")
        else:
            # A refused text stays in its field next to the message, to be corrected.
            self._load(keep=(name,) if spec.kind in ("text", "euro", "area") else ())
            self.message.value = note("ws-fout", status_text(self.session))

    def _save(self, edit: Callable[[Plan], Any]) -> bool:
        """Save `edit` and the caller's follow-up (`after`); a refusal is shown under the form."""
        def change(plan: Plan) -> None:
            edit(plan)
            self._after(plan)

        if self.session.change(change):
            return True
        self.message.value = note("ws-fout", status_text(self.session))
        return False

    def add(self) -> bool:
        try:
            values = self._values()
        except WarmeStadError as error:
            self.message.value = note("ws-fout", f"{self.what}: {error}")
            return False
        empty = [self.specs[n].label for n in self.required if values[n] in ("", None, [])]
        if empty:
            self.message.value = note("ws-fout", f"{self.what}: het veld {empty[0]} is nog leeg.")
            return False

        if not self._save(lambda plan: self._create(plan, values)):
            return False
        with self.quiet():
            for name, widget in self.inputs.items():
                if name not in self._keep:
                    widget.value = self._empty(name)
        self.message.value = note("ws-ok", f"Toegevoegd aan {self.what.lower()}.")
        return True

    def remove(self) -> bool:
        index = self.selected
        if index is None:
            return False
        name = self._label(self.entries(self.session.plan)[index])
        with self.quiet():
            self.chooser.value = NEW  # the list shifts: choose nothing before it changes

        if not self._save(lambda plan: self._discard(plan, index)):
            return False
        self._load()
        self.message.value = note("ws-ok", f"'{name}' is verwijderd uit {self.what.lower()}.")
        return True

    def overview(self, plan: Plan) -> str:
        return self.overview_of(self.entries(plan))

    def overview_of(self, found: list) -> str:
        """The entries as a table (or the sentence for none)."""
        if not found:
            return f'<p class="ws-info">{esc(self.empty_text)}</p>'
        return table([spec.label for spec in self.specs.values()],
                     [[spec.text(e) for spec in self.specs.values()] for e in found])

    def snapshot(self) -> str:
        return self.overview(self.session.plan)
