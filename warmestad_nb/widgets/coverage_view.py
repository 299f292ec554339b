"""The "wie ontbreekt nog?" view: sectors and organisation types against the reference list, reach as a heat map."""

from __future__ import annotations

import ipywidgets as widgets

from ..analysis.partners import coverage
from ..model import Partner, Plan
from . import step1_html
from .common import Section, html_box
from .session import PlanSession


class CoverageView(Section):
    """Read-only: follows the partner list (redrawn only when the partners change)."""

    def __init__(self, session: PlanSession):
        super().__init__()
        self.session = session
        self.tables = html_box("ws-dekking-tabel")
        self.heatmap = html_box("ws-dekking-heatmap")
        self.gaps = html_box("ws-dekking-blinde-vlekken")
        self.missing_types = html_box("ws-ontbrekende-types")
        self._partners: list[Partner] | None = None
        self._reach = None  # the matrix last drawn: the heat map is the slow part, redrawn only when it changes
        session.on_change(self._refresh)
        self._refresh(session.plan)
        self.box = widgets.VBox([self.tables, self.heatmap, self.gaps, self.missing_types])
        self.box.add_class("ws-dekking")

    def _refresh(self, plan: Plan) -> None:
        if self._partners == plan.partners:
            return
        self._partners = list(plan.partners)  # the session never edits its plan in place
        c = coverage(plan)
        self.tables.value = step1_html.coverage_tables(plan, c)
        if self._reach is None or not self._reach.equals(c.reach):
            self._reach = c.reach
            self.heatmap.value = step1_html.heatmap(plan)
        self.gaps.value = step1_html.gaps(c)
        self.missing_types.value = step1_html.missing_types(c)

    def snapshot(self) -> str:
        return "".join(w.value for w in (self.tables, self.heatmap, self.gaps, self.missing_types))
