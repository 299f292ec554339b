"""A plan opened in a notebook: every change goes through the store at once, with a visible status."""

from __future__ import annotations

import asyncio
import contextlib
import html
import os
from datetime import datetime
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import parse_qs

import ipywidgets as widgets
from pydantic import ValidationError

from ..errors import ConflictError, WarmeStadError
from ..files import system_failure
from ..model import Plan
from ..store import PlanStore
from ..validation import form_problems
from .page_request import wait_for_page_request


def plan_path(parameter: str = "", required: bool = True, meanwhile: Iterable[Callable[[], None]] = ()) -> str:
    """The plan a notebook works on: its papermill parameter, else Voila's ?plan=..., else $WARMESTAD_PLAN.

    With required=False (the start page) an empty string means: no plan chosen yet. In a kernel
    Voila started ahead, the `meanwhile` jobs run while it waits for its page (page_request.py).
    """
    if parameter:
        return parameter
    if os.environ.get("VOILA_PREHEAT") == "True":
        # A kernel Voila started ahead: read the app's plan now, then wait for the page request
        # and its ?plan=. PlanSession reuses what was read if the file did not change meanwhile.
        _preload(os.environ.get("WARMESTAD_PLAN", ""))
        wait_for_page_request(meanwhile)
    query = parse_qs(os.environ.get("QUERY_STRING", ""))
    if query.get("plan"):
        return query["plan"][0]
    if os.environ.get("WARMESTAD_PLAN"):
        return os.environ["WARMESTAD_PLAN"]
    if not required:
        return ""
    raise WarmeStadError(
        "Er is geen plan gekozen. Open het werkboek met `warmestad app <plan>` of geef de "
        "parameter plan mee."
    )


_PRELOADED: dict[str, PlanStore] = {}


def _preload(path: str) -> None:
    try:
        _PRELOADED[os.path.realpath(path)] = PlanStore(path)
    except (WarmeStadError, OSError):
        pass  # the page will say what is wrong when it opens the plan


def open_store(path: str) -> PlanStore:
    """The plan file opened through the store (the copy read ahead by a preheated kernel if still current)."""
    store = _PRELOADED.pop(os.path.realpath(path), None)
    if store is not None and not store.changed_on_disk():
        return store
    return PlanStore(path)


_SHARED: list["PlanSession"] = []  # the app's session, once the app page opened its plan


class PlanSession:
    """One plan file opened for editing by widgets.

    Widgets never hold the truth: they call `change()`, which applies the edit to a
    copy of the plan, validates it and saves it through the store (atomic, conflict
    checked). Views that show derived figures register with `on_change()`.

    In the app (one page for all steps) `share()` makes this the kernel's session: a step
    notebook run there that opens the same plan gets this very session, so every step saves
    through one store and shows one status line.
    """

    def __new__(cls, path: str):
        for shared in _SHARED:
            if os.path.realpath(path) == os.path.realpath(shared.store.path):
                return shared
        return super().__new__(cls)

    def __init__(self, path: str):
        if self in _SHARED:
            return  # already open: keep its store, status and listeners
        self.store = open_store(path)
        self.status = widgets.HTML()
        self.status.add_class("ws-status")
        self.reload_button = widgets.Button(description="Herlaad het plan", icon="refresh",
                                            button_style="warning",
                                            layout=widgets.Layout(width="auto", min_width="12em"))
        self.reload_button.add_class("ws-herlaad")
        self.reload_button.on_click(lambda _: self.reload())
        self.bar = widgets.HBox([self.status, self.reload_button])
        self.bar.add_class("ws-statusbalk")
        self._listeners: list[Callable[[Plan], None]] = []
        self._watching = False
        self._show("ws-status-ok", f"Plan geopend: {self.store.path}")

    def share(self) -> "PlanSession":
        _SHARED[:] = [self]
        return self

    @property
    def plan(self) -> Plan:
        return self.store.plan

    def on_change(self, listener: Callable[[Plan], None]) -> None:
        self._listeners.append(listener)

    @contextlib.contextmanager
    def listeners_kept_apart(self) -> Iterator[list[Callable[[Plan], None]]]:
        """The listeners registered inside this block, handed to the caller instead of kept by the
        session: the caller decides when they run (the app: only while their page is shown)."""
        kept: list[Callable[[Plan], None]] = []
        before = len(self._listeners)
        try:
            yield kept
        finally:
            kept.extend(self._listeners[before:])
            del self._listeners[before:]

    def change(self, edit: Callable[[Plan], Any]) -> bool:
        """Apply `edit` to a copy of the plan and save it; False (and a message) when refused."""
        candidate = self.plan.model_copy(deep=True)
        try:
            edit(candidate)
            changed = self.store.save(candidate)
        except ConflictError as exc:
            self._show("ws-status-conflict", f"Niet opgeslagen. {exc}")
            return False
        except WarmeStadError as exc:
            self._show("ws-status-error", f"Niet opgeslagen: {exc}")
            return False
        except OSError as exc:  # the store names disk faults itself; this is the last resort
            if exc.errno is None:
                raise
            self._show("ws-status-error", f"Niet opgeslagen: {system_failure(exc)}")
            return False
        except ValidationError as exc:
            problems = "; ".join(form_problems(exc))
            self._show("ws-status-error", f"Niet opgeslagen: {problems}")
            return False
        if changed:
            self._show("ws-status-ok", f"Opgeslagen om {datetime.now():%H:%M:%S}")
        for listener in self._listeners:
            listener(self.plan)
        return True

    def reload(self) -> None:
        """Read the plan again from disk (after a conflict, or a change in another window)."""
        try:
            self.store.reload()
        except WarmeStadError as exc:  # e.g. a hand edit broke the file: say so, keep the old plan
            self._show("ws-status-conflict", f"Herladen lukt niet. {exc}")
            return
        for listener in self._listeners:
            listener(self.plan)
        self._show("ws-status-ok", f"Herladen om {datetime.now():%H:%M:%S}")  # after the views: all is current

    def watch(self, interval: float = 2.0) -> None:
        """Check the file every `interval` seconds on the kernel's event loop and warn on a change.

        A second tab or a hand edit then shows up at once, not only when this session saves.
        """
        if self._watching:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # plain Python, no kernel loop: the save-time check still protects
            return
        self._watching = True

        def tick() -> None:
            if self.state != "ws-status-conflict":
                self.check_disk()
            loop.call_later(interval, tick)

        loop.call_later(interval, tick)

    def check_disk(self) -> bool:
        """True, and a warning shown, when the file changed since it was loaded."""
        if self.store.changed_on_disk():
            self._show(
                "ws-status-conflict",
                "Het plan is intussen gewijzigd in een ander venster of met de hand. "
                "Herlaad het plan voor u verder werkt.",
            )
            return True
        return False

    def refuse(self, message: str) -> None:
        """Tell the user why an action was not carried out (nothing was saved)."""
        self._show("ws-status-error", message)

    def _show(self, css: str, message: str) -> None:
        self.state = css
        # The button first: whoever sees the warning can use the button at once.
        self.reload_button.layout.display = None if css == "ws-status-conflict" else "none"
        self.status.value = f'<div class="{css}">{html.escape(message)}</div>'


def bind(
    widget: widgets.ValueWidget,
    session: PlanSession,
    read: Callable[[Plan], Any],
    write: Callable[[Plan, Any], None],
) -> widgets.ValueWidget:
    """Keep `widget` in step with one value of the plan; a refused value snaps back."""
    widget.value = read(session.plan)

    def changed(event: dict) -> None:
        if event["new"] == read(session.plan):
            return
        if not session.change(lambda plan: write(plan, event["new"])):
            widget.value = read(session.plan)

    widget.observe(changed, names="value")
    session.on_change(lambda plan: setattr(widget, "value", read(plan)))
    return widget


def _show_user_errors_plainly() -> None:
    """In a notebook, a WarmeStadError shows its Dutch message instead of a Python traceback.

    The cell still fails (papermill stops on it); only what the user reads changes.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - ipywidgets depends on IPython
        return
    shell = get_ipython()
    if shell is None:
        return

    def handler(shell, etype, value, tb, tb_offset=None):
        shell._showtraceback(etype, value, [f"Fout: {value}"])  # sent as the cell's error output

    shell.set_custom_exc((WarmeStadError,), handler)


_show_user_errors_plainly()
