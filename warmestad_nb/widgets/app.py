"""The workbook as one app page: a navigation bar, one status line, and the pages of the steps.

One browser tab is one kernel with one PlanSession for the plan: every step saves through the same
store and reports in the same status line (with its reload button). A step's page is the step
notebook itself, run here when the page is first opened (notebook_view), then kept: switching back
only shows it again. A page that is not shown stays up to date through the session's listeners.
"""

from __future__ import annotations

import asyncio
from functools import partial
from pathlib import Path
from typing import Callable

import ipywidgets as widgets

from .common import CSS, after_page_shown
from .notebook_view import notebook_view, warm_up
from .plan_page import PlanPage
from .session import PlanSession, plan_path
from .start import STEP_NOTEBOOKS, progress_html, start_page

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
HOME = "app.ipynb"
# The start page's widgets reach the browser in this time after its cells ran (0.5-1 s on a busy
# 2-core machine); the steps' imports wait for them (a click on a step meanwhile does its own).
PRELOAD_AFTER_S = 1.5
# In the app the status line sits once under the navigation bar; the copies in each step's
# own header are not shown there.
APP_CSS = """<style>
.ws-app-kop { position: sticky; top: 0; z-index: 20; background: #fff; border-bottom: 2px solid #1e4e79;
  padding: 4px 0; }
.ws-app-nav { flex-wrap: wrap; gap: 4px; }
.ws-app-nav button { font-size: 15px; }
.ws-app-pagina .ws-statusbalk, .ws-app-pagina .ws-status { display: none !important; }
</style>"""


def page_list() -> list[tuple[str, str, str | None]]:
    """(key, label, notebook) of every page in the navigation bar, in order."""
    pages: list[tuple[str, str, str | None]] = [("start", "Start", None)]
    for notebooks in STEP_NOTEBOOKS.values():
        for notebook, label in notebooks:
            key = notebook.split("_")[0].lstrip("0")  # 01_draagvlak.ipynb -> 1, 04b_... -> 4b
            pages.append((key, f"{key}. {label}", notebook))
    pages.append(("beleidsplan", "Beleidsplan", None))
    return pages


def preload_jobs() -> list[Callable[[], None]]:
    """The imports of every step page, one job per page (a job of an imported page costs nothing)."""
    return [partial(warm_up, [NOTEBOOKS / notebook]) for _, _, notebook in page_list() if notebook]


def open_app(parameter: str) -> "App":
    """The app page of notebooks/app.ipynb, its steps' imports done ahead but never before its start page.

    A kernel Voila started ahead does them while it waits for its page. What is left when the page
    is asked for (all of them when it is asked for at once, as at the launch of `warmestad app`) is
    done once the start page is on screen: first its widgets, then the imports (1 s or more, with
    matplotlib) that only the steps need.
    """
    jobs = preload_jobs()
    app = App(plan_path(parameter, required=False, meanwhile=jobs))
    after_page_shown(lambda: one_by_one(jobs, PRELOAD_AFTER_S))
    return app


def one_by_one(jobs: list[Callable[[], None]], delay: float) -> None:
    """Run the jobs on the kernel's event loop, `delay` seconds from now and one per turn, so that a
    click meanwhile waits for one job at most (at once, in order, outside a kernel)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        for job in jobs:
            job()
        return

    def run(index: int) -> None:
        jobs[index]()
        if index + 1 < len(jobs):
            loop.call_soon(run, index + 1)

    if jobs:
        loop.call_later(delay, run, 0)


class App:
    def __init__(self, plan: str):
        self.plan = plan
        self.session = PlanSession(plan).share() if plan else None
        self.pages = {key: (label, notebook) for key, label, notebook in page_list()}
        self.buttons: dict[str, widgets.Button] = {}
        # One layout and one style for all buttons of the bar: 18 widgets fewer for the browser to
        # receive and build before the start page shows (of 75).
        layout, style = widgets.Layout(width="auto"), widgets.ButtonStyle()
        for key, (label, _) in self.pages.items():
            b = widgets.Button(description=label, layout=layout, style=style,
                               tooltip=f"Open de pagina {label}", disabled=not plan and key != "start")
            b.add_class(f"ws-nav-{key}")
            b.on_click(lambda _, key=key: self.open(key))
            self.buttons[key] = b
        nav = widgets.HBox(list(self.buttons.values()))
        nav.add_class("ws-app-nav")
        if self.session is not None:
            self.session.watch()
            status = self.session.bar
        else:
            status = widgets.HTML('<div class="ws-status">Kies of maak eerst een plan: dan gaan de stappen open.</div>')
        head = widgets.VBox([widgets.HTML(CSS + APP_CSS), nav, status])
        head.add_class("ws-app-kop")
        self.content = widgets.VBox()
        self.content.add_class("ws-app-pagina")
        self.views: dict[str, widgets.Widget] = {}
        self.listeners: dict[str, list] = {}  # per page: what it registered with the session
        self.stale: set[str] = set()  # hidden pages whose plan changed since they were shown
        self.current = ""
        self.box = widgets.VBox([head, self.content])
        self.open("start")

    def _build(self, key: str) -> widgets.Widget:
        if key == "start":
            return start_page(self.plan, home=HOME, opened=self.session.plan if self.session else None)
        if key == "beleidsplan":
            return PlanPage(self.session).box
        return notebook_view(NOTEBOOKS / self.pages[key][1], self.plan)

    def open(self, key: str) -> None:
        """Show one page; built the first time it is opened."""
        if key == self.current:
            return
        if key not in self.views:
            self.views[key] = self._build_page(key)
            self.content.children = (*self.content.children, self.views[key])
        elif key == "start" and self.session is not None:
            self._refresh_progress()
        elif key in self.stale:
            self.stale.discard(key)
            for listener in self.listeners[key]:
                listener(self.session.plan)
        for name, view in self.views.items():
            view.layout.display = None if name == key else "none"
        for name, b in self.buttons.items():
            b.button_style = "primary" if name == key else ""
        self.current = key

    def _build_page(self, key: str) -> widgets.Widget:
        """Build a page; what it registers with the session runs only while it is shown.

        A change then costs only the shown page's updates (a hidden page's charts are not drawn
        again for every change); a hidden page is brought up to date when it is shown again.
        """
        if self.session is None:
            return self._build(key)
        with self.session.listeners_kept_apart() as listeners:
            view = self._build(key)
        self.listeners[key] = listeners

        def changed(plan, key=key) -> None:
            if self.current == key:
                for listener in self.listeners[key]:
                    listener(plan)
            else:
                self.stale.add(key)

        self.session.on_change(changed)
        return view

    def _refresh_progress(self) -> None:
        """The start page's progress table, as the plan is now (other pages may have changed it)."""
        for child in self.views["start"].children:
            if "ws-voortgang" in child._dom_classes:
                child.value = progress_html(self.plan, self.session.plan, linked=False)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.box)
