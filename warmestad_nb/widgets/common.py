"""Building blocks shared by the step forms: sections with a static snapshot, messages, field layout."""

from __future__ import annotations

import base64
import contextlib
import html
from pathlib import Path

import ipywidgets as widgets

from .session import PlanSession, bind

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
    """A form or view: its widget box, and a static HTML snapshot for executed notebooks.

    Displayed as the live widget where widgets run (JupyterLab, Voila); where they do not
    (an executed notebook read as HTML), the snapshot shows the same content.
    """

    box: widgets.Box

    def __init__(self) -> None:
        self._quiet = 0

    def snapshot(self) -> str:
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        data = self.box._repr_mimebundle_(**kwargs)
        data["text/html"] = self.snapshot()
        return data

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
