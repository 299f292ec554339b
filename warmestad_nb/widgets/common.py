"""Building blocks shared by the step pages.

Step 1: sections with a static snapshot, messages, field layout. Steps 3-7 and the start page:
page header with the save status, HTML tables, live views and charts, a picker with a form bound
to the chosen item, and number parsing.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import html
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional

import ipywidgets as widgets

from .. import formatting, reference, tables
from ..errors import WarmeStadError
from ..model import Plan
from ..report.document import EXAMPLE_NOTE
from ..report.html import view_frame
from .session import PlanSession, bind

if TYPE_CHECKING:  # matplotlib is imported by the pages that draw charts, not by the start page
    from matplotlib.figure import Figure

LABEL_WIDTH = "12em"


def field(widget: widgets.Widget, css: str, width: str = "36em") -> widgets.Widget:
    """Give an input its stable CSS class and the house layout (labels aligned)."""
    widget.add_class(css)
    widget.style.description_width = LABEL_WIDTH
    widget.layout.width = width
    return widget


def button(text: str, css: str, style: str = "") -> widgets.Button:
    # align_self: a button in a column keeps its own width instead of stretching across the page
    layout = widgets.Layout(width="auto", align_self="flex-start")
    b = widgets.Button(description=text, button_style=style, layout=layout)
    b.add_class(css)
    return b


SETTLE_S = 0.3  # after a save: time for values the browser held back to come in (a round trip or two)


def on_add_click(b: widgets.Button, add: Callable[[], Any]) -> widgets.Button:
    """Run `add` (reads a form, saves) on a click, with the button disabled until the form has caught up.

    The browser sends an input's next value only when the kernel answered the previous one, but a
    click at once: while the kernel is busy saving, a level or age group picked before the next click
    would reach the kernel after that click, and the item was saved without it. The button is
    therefore disabled from the click until SETTLE_S after the save, when the values held back in the
    meantime have come in. Without a kernel loop (scripts, tests) it is enabled again at once.
    """

    def enable() -> None:
        b.disabled = False

    def clicked(_) -> None:
        b.disabled = True
        try:
            add()
        finally:
            try:
                asyncio.get_running_loop().call_later(SETTLE_S, enable)
            except RuntimeError:
                enable()

    b.on_click(clicked)
    return b


def html_box(css: str, value: str = "") -> widgets.HTML:
    box = widgets.HTML(value)
    box.add_class(css)
    return box


MULTIPLE = "Meerdere kiezen: Ctrl-klik (Cmd-klik op een Mac)."


def hint(text: str) -> widgets.HTML:
    """A grey line of help under an input, aligned with the inputs."""
    return widgets.HTML(f'<span class="ws-pad">{html.escape(text)}</span>',
                        layout=widgets.Layout(margin=f"0 0 0.4em calc({LABEL_WIDTH} + 8px)"))


def note(css: str, text: str) -> str:
    """One escaped message line: css is ws-ok, ws-fout or ws-info."""
    return f'<div class="{css}">{html.escape(text)}</div>'


def note_lines(lines: list[str], css: str = "") -> str:
    """A message's lines as an escaped list (the problems of an import)."""
    return f'<ul class="{css}">' + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>"


def status_text(session: PlanSession) -> str:
    """The session's last status as plain text (to repeat a refusal next to the form that caused it)."""
    value = session.status.value
    return html.unescape(value[value.find(">") + 1: value.rfind("<")]) if ">" in value else value


def download_link(path: Path, text: str) -> str:
    """A link that downloads the file from the page itself (works in Voila, where files are not served)."""
    kinds = {".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".html": "text/html"}
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    kind = kinds.get(path.suffix, "application/octet-stream")
    return (f'<a download="{html.escape(path.name)}" href="data:{kind};base64,{data}">{html.escape(text)}</a> '
            f'<span class="ws-pad">({html.escape(str(path))})</span>')


def export_folder(session: PlanSession) -> Path:
    """Exports go next to the plan file, in uitvoer/."""
    return session.store.path.parent / "uitvoer"


class Section:
    """A part of a step page: its widgets (`box`) and a static HTML copy (`snapshot`) for executed notebooks.

    Displayed as the live widget where widgets run (JupyterLab, Voila); where they do not (an executed
    notebook read as HTML), the snapshot shows the same content. A form subclasses it and sets `box`;
    `Section(*parts)` puts widgets together (a view with its forms), its snapshot their HTML views.
    """

    box: widgets.Box

    def __init__(self, *parts: widgets.Widget) -> None:
        self._quiet = 0
        self.parts = parts
        if parts:
            self.box = widgets.VBox(list(parts))

    def snapshot(self) -> str:
        return "".join(part.value for part in self.parts if isinstance(part, widgets.HTML))

    def _repr_mimebundle_(self, **kwargs):
        data = self.box._repr_mimebundle_(**kwargs)
        data["text/html"] = self.snapshot()
        return data

    def find(self, css: str) -> widgets.Widget:
        """The widget with CSS class `css` (for tests and scripts driving the section)."""
        stack = [self.box]
        while stack:
            widget = stack.pop()
            if css in getattr(widget, "_dom_classes", ()):
                return widget
            stack.extend(getattr(widget, "children", ()))
        raise KeyError(css)

    @contextlib.contextmanager
    def quiet(self):
        """Set widget values from the plan without treating them as user edits."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    @property
    def is_quiet(self) -> bool:
        return self._quiet > 0

    def bind(self, widget: widgets.ValueWidget, session: PlanSession, read, write) -> widgets.ValueWidget:
        """`session.bind`, deaf while the section itself changes the widget (new options reset a selection)."""
        return bind(widget, session, lambda plan: widget.value if self.is_quiet else read(plan), write)

    def set_options(self, widget: widgets.Widget, options: list, value) -> None:
        """Replace a selection's options and put its value back, without saving anything."""
        with self.quiet():
            if list(widget.options) != options:
                widget.options = options
            widget.value = value


# A label only screen readers read: for inputs in a row or grid whose column says what they are.
HIDDEN_LABEL_CSS = (".ws-verborgen-label > .widget-label { position: absolute !important; width: 1px !important; "
                    "height: 1px; min-width: 0 !important; overflow: hidden; clip: rect(0 0 0 0); "
                    "white-space: nowrap; }")


def named(widget: widgets.Widget, name: str) -> widgets.Widget:
    """Give an input without a visible label its name for screen readers (a hidden <label>)."""
    widget.description = name
    widget.add_class("ws-verborgen-label")
    return widget


def scroll_box(content: str, name: str) -> str:
    """A scrolling block of HTML that the keyboard can reach (tab to it, then scroll with the arrows)."""
    return f'<div class="ws-scroll" tabindex="0" role="region" aria-label="{esc(name)}">{content}</div>'


# House style for the pages: readable on a projector, sticky save status, plain tables.
CSS = """
<style>
.ws-statusbalk { position: sticky; top: 0; z-index: 10; background: #fff; padding: 4px 0;
  border-bottom: 1px solid #d9e2ec; align-items: center; }
.ws-status-ok { color: #1e6b3a; font-weight: 600; }
.ws-status-error { color: #9b1c1c; font-weight: 600; white-space: pre-wrap; }
.ws-status-conflict { color: #8a4b00; font-weight: 600; background: #fff4d6; padding: 4px 8px;
  border-left: 4px solid #d97706; white-space: pre-wrap; }
.ws-titel h1 { margin: 0.2em 0; font-size: 1.8em; color: #1f2933; }
.ws-titel p { font-size: 1.1em; color: #3e4c59; max-width: 60em; }
.ws-scroll { max-height: 420px; overflow-y: auto; border: 1px solid #d9e2ec; margin-bottom: 6px; }
.ws-balk { display: inline-block; height: 0.8em; background: #0072B2; vertical-align: middle; }
.ws-balk-leeg { display: inline-block; height: 0.8em; background: #d9e2ec; vertical-align: middle; }
.ws-ok { color: #1e6b3a; } .ws-open { color: #8a4b00; } .ws-fout { color: #9b1c1c; }
.ws-pad { color: #52606d; font-size: 0.85em; }
.ws-melding { color: #8a4b00; }
.ws-voorbeeld { background: #fff4d6; padding: 4px 8px; border-left: 4px solid #d97706; }
.widget-label { min-width: 12em; }
/* Too faint to read (axe color-contrast): white on an orange button, grey on a tab that is not chosen. */
.jupyter-button.mod-warning { color: #1f2933; }
.lm-TabBar-tab .lm-TabBar-tabLabel { color: #3e4c59; }
""" + HIDDEN_LABEL_CSS + """
</style>
"""

# Buttons as wide as their text, never stretched over the page by a VBox.
BUTTON = widgets.Layout(width="auto", align_self="flex-start")


def remove_button(description: str, css: str, remove: Callable[[], Any]) -> widgets.Button:
    """A button that removes something from the plan: an ordinary save, so the store's backups keep
    the version before it."""
    b = widgets.Button(description=description, icon="trash", button_style="danger", layout=BUTTON)
    b.add_class(css)
    b.on_click(lambda _: remove())
    return b


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def example_note(plan: Plan) -> str:
    """The warning on every page of an example plan, in the words of the document's cover."""
    return f'<p class="ws-voorbeeld">VOORBEELDPLAN. {esc(EXAMPLE_NOTE)}</p>' if plan.voorbeeld else ""


def page_header(session: PlanSession, step: int | None, title: str = "", aim: str = "") -> widgets.VBox:
    """Step title, its aim, an example warning, the step's checklist and the sticky save status (with reload).

    A page that is not one of the 7 steps (step None) gives its own title and aim and has no checklist.
    """
    if step is not None:
        info = reference.steps()[step - 1]
        title, aim = f"Stap {step}: {info.naam}", info.doel
    plan = session.plan
    note = example_note(plan)
    heading = widgets.HTML(
        f'{CSS}<div class="ws-titel"><h1>{esc(title)}</h1>'
        f"<p><b>{esc(plan.gemeente.naam)}</b>, meerjarenplan {esc(plan.cyclus)}. {esc(aim)}</p>"
        f"{note}</div>"
    )
    parts: list[widgets.Widget] = [heading]
    if step is not None:
        from .checklist_view import step_checklist  # here: that module uses esc from this one

        parts.append(live_html(session, lambda p: step_checklist(p, step), "ws-stap-checklist"))
    session.watch()
    return widgets.VBox([*parts, session.bar])


def table(headers: Iterable[str], rows: Iterable[Iterable[Any]], raw: bool = False) -> str:
    """One HTML table of a form (cheaper than a widget per row), in the document's look (html.view_frame);
    cells are escaped unless raw (links, bars, marks).
    A read-only view of the plan says its tables as blocks instead (plan_view.py)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = ["<tr>" + "".join(f"<td>{c if raw else esc(c)}</td>" for c in row) + "</tr>" for row in rows]
    return view_frame(f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>', "ws-tabel")


class LiveHTML(widgets.HTML):
    """An HTML widget that also carries its HTML as a plain output, for headless runs and static viewers."""

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = self.value
        return bundle


def live_html(session: PlanSession, render: Callable[[Plan], str], css: str) -> LiveHTML:
    """The one live view: HTML (a view of plan_view.py, or a form's table) rendered again after every
    change of the plan."""
    view = LiveHTML(render(session.plan))
    view.add_class(css)
    session.on_change(lambda plan: setattr(view, "value", render(plan)))
    return view


def live_chart(session: PlanSession, prepare: Callable[[Plan], Any], draw: Callable[[Any], Figure],
               css: str, empty: str = "Nog niets om te tonen.") -> widgets.HTML:
    """A chart (inline SVG, sharp on a projector) that follows the plan.

    `prepare` extracts the chart's data (cheap; None or empty = nothing to draw), `draw` makes the
    figure (slow: 0.3-0.7 s). A chart is only drawn again when its data changed, and the first
    drawing waits until the page is on screen, so the form is usable at once.
    """
    from ..charts import to_svg

    view = widgets.HTML('<p class="ws-melding">De grafiek wordt getekend ...</p>')
    view.add_class(css)
    shown: dict[str, Any] = {}

    def render(plan: Plan) -> None:
        data = prepare(plan)
        if "data" in shown and shown["data"] == data:
            return
        shown["data"] = data
        view.value = f'<p class="ws-melding">{esc(empty)}</p>' if not data else to_svg(draw(data))

    session.on_change(render)
    after_page_shown(lambda: render(session.plan))
    return view


_WAITING: list[Callable[[], None]] = []
_TIMER: dict[str, Any] = {}
QUIET_S = 0.3  # no new cell within this time after a cell: the notebook has finished


def after_page_shown(callback: Callable[[], None]) -> None:
    """Run `callback` once the notebook has finished executing (at once outside a kernel).

    Voila shows a page only when every cell has run; slow work such as drawing charts waits
    until no new cell follows, so the forms are on screen and usable first.
    """
    from IPython import get_ipython

    shell = get_ipython()
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    if shell is None or loop is None:
        callback()
        return
    _WAITING.append(callback)
    if not _TIMER:
        def cancel(*_):
            if _TIMER.get("handle"):
                _TIMER["handle"].cancel()

        def flush() -> None:
            while _WAITING:
                _WAITING.pop(0)()

        shell.events.register("pre_run_cell", cancel)
        shell.events.register("post_run_cell", lambda *_: _TIMER.update(handle=loop.call_later(QUIET_S, flush)))
        _TIMER["handle"] = None


def labelled(widget: widgets.Widget, css: str) -> widgets.Widget:
    widget.add_class(css)
    widget.style.description_width = "12em"
    if isinstance(widget, (widgets.Text, widgets.Textarea, widgets.Dropdown, widgets.Combobox,
                           widgets.SelectMultiple)):
        widget.layout = widgets.Layout(width="min(60em, 95%)")
    return widget


class ItemEditor:
    """A picker over one list of the plan (goals, actions, years) and fields bound to the chosen item.

    One form for the chosen item instead of a form per item keeps a page light with 150 actions.
    """

    def __init__(self, session: PlanSession, items: Callable[[Plan], list], key: Callable[[Any], Any],
                 label: Callable[[Any], str], css: str, description: str):
        self.session, self.items, self.key, self.label = session, items, key, label
        self.picker = labelled(widgets.Dropdown(description=description), css)
        self.current: Any = None
        self._known: list[Any] = []
        self._reads: list[tuple[widgets.ValueWidget, Callable[[Plan], Any]]] = []
        self._on_choose: list[Callable[[Any], None]] = []
        self.picker.observe(self._picked, names="value")
        session.on_change(lambda plan: self.sync())
        self.sync()

    def item(self, plan: Plan) -> Any:
        return next((i for i in self.items(plan) if self.key(i) == self.current), None)

    def bind(self, widget: widgets.ValueWidget, css: str, name: str, empty: Any = "",
             get: Optional[Callable[[Any], Any]] = None, put: Optional[Callable[[Any, Any], None]] = None):
        """Bind `widget` to field `name` of the chosen item (get/put convert between the two)."""
        get = get or (lambda item: getattr(item, name) if getattr(item, name) is not None else empty)
        put = put or (lambda item, value: setattr(item, name, value))

        def read(plan: Plan) -> Any:
            item = self.item(plan)
            return empty if item is None else get(item)

        def write(plan: Plan, value: Any) -> None:
            item = self.item(plan)
            if item is not None:
                put(item, value)

        bind(labelled(widget, css), self.session, read, write)
        widget.disabled = self.current is None
        self._reads.append((widget, read))
        return widget

    def on_choose(self, callback: Callable[[Any], None]) -> None:
        self._on_choose.append(callback)

    def remove_button(self, description: str, css: str, edit: Callable[[Plan, Any], None]) -> widgets.Button:
        """A button that removes the chosen item with `edit(plan, key)`, disabled while none is chosen."""
        def remove() -> None:
            target = self.current
            if target is not None:
                self.session.change(lambda plan: edit(plan, target))

        button = remove_button(description, css, remove)
        self.on_choose(lambda key: setattr(button, "disabled", key is None))
        button.disabled = self.current is None
        return button

    def choose(self, key: Any) -> None:
        self.current = key
        if self.picker.value != key:
            self.picker.value = key  # comes back through _picked
            return
        for widget, read in self._reads:
            widget.value = read(self.session.plan)
            widget.disabled = key is None
        for callback in self._on_choose:
            callback(key)

    def _picked(self, event: dict) -> None:
        self.choose(event["new"])

    def sync(self, select: Any = None) -> None:
        """Rebuild the picker when items were added, removed or renamed.

        A newly added item is chosen (so it can be filled in at once); otherwise the choice stays.
        """
        items = self.items(self.session.plan)
        options = [(self.label(i), self.key(i)) for i in items]
        keys = [k for _, k in options]
        added = [k for k in keys if k not in self._known] if self._known or self.current else []
        self._known = keys
        wanted = select if select is not None else (added[-1] if added else
                                                    self.current if self.current in keys else None)
        if wanted is None and keys:
            wanted = keys[0]
        if list(self.picker.options) != options:
            self.picker.unobserve(self._picked, names="value")
            self.picker.options = options
            self.picker.value = wanted
            self.picker.observe(self._picked, names="value")
        self.choose(wanted)


class EntryRemover:
    """Pick one entry of a list in the plan (status changes, anchoring entries) and remove it."""

    def __init__(self, session: PlanSession, entries: Callable[[Plan], list[str]],
                 remove: Callable[[Plan, int], None], description: str, css: str, button_text: str):
        self.session, self.entries, self._remove = session, entries, remove
        self.picker = labelled(widgets.Dropdown(description=description), f"{css}-keuze")
        self.button = remove_button(button_text, f"{css}-verwijderen", self.remove)
        self.box = widgets.HBox([self.picker, self.button])
        session.on_change(lambda plan: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        options = [(f"{i + 1}. {text}", i) for i, text in enumerate(self.entries(self.session.plan))]
        keep = self.picker.value
        if list(self.picker.options) != options:
            self.picker.options = options
        # New options leave a Dropdown without a value: keep the place, else the last (newest) entry.
        self.picker.value = keep if keep is not None and keep < len(options) else (options[-1][1] if options else None)
        self.button.disabled = not options

    def remove(self) -> None:
        index = self.picker.value
        if index is not None:
            self.session.change(lambda plan: self._remove(plan, index))


def parse_number(text: str, what: str) -> Optional[float]:
    """A number typed by a user ('1.500,50', '2.500', '1500', '') -> float or None; Dutch error otherwise."""
    text = (text or "").replace("€", "").strip()
    if not text:
        return None
    number = tables.parse_number(text)
    if number is None:
        raise WarmeStadError(f"{what}: '{text}' is geen getal (bijvoorbeeld 1500 of 1500,50).")
    return number


def show_number(value: Optional[float]) -> str:
    """A number in an input box, the Flemish way; empty when there is none."""
    return "" if value is None else formatting.number(value, 0 if float(value).is_integer() else 2)


def euro(value: Optional[float]) -> str:
    """An amount in a widget; empty when there is none (the spelling is formatting.euro's)."""
    return "" if value is None else formatting.euro(value)


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def pillar_options() -> list[tuple[str, int]]:
    return [(f"{p.nummer}. {p.kort}", p.nummer) for p in reference.pillars()]


def code_options(codes: dict[str, str], empty: Optional[str] = None) -> list[tuple[str, Any]]:
    options = [(label, code) for code, label in codes.items()]
    return [(empty, None)] + options if empty is not None else options


def message(css: str) -> widgets.HTML:
    view = widgets.HTML()
    view.add_class(css)
    return view


def today() -> date:
    return date.today()
