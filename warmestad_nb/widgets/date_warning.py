"""A warning under a date input whose date falls outside the plan's cycle: allowed, but usually a typo."""

from __future__ import annotations

import ipywidgets as widgets

from ..analysis.cycle import date_warning as warning_text
from .common import note
from .session import PlanSession


def date_warning(session: PlanSession, picker: widgets.DatePicker, label: str) -> widgets.HTML:
    """An HTML line that follows the picker's date (typed or loaded from the plan) and the plan's cycle."""
    box = widgets.HTML()
    box.add_class("ws-datum-waarschuwing")

    def show(*_) -> None:
        text = warning_text(picker.value, session.plan.cyclus, label)
        box.value = note("ws-open", text) if text else ""

    picker.observe(show, names="value")
    show()
    return box
