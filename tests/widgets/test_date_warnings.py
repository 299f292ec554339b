"""Dates outside the plan's cycle are allowed but warned about, next to every date input of the app: a
year typed wrong (2019 for 2029) is seen at once, and the date is saved as typed (a warning, not a refusal).
The plausible years are the meerjarenplan's (2026-2031 here) and the year before it (preparation)."""

from __future__ import annotations

from datetime import date

import pytest

from .test_steps_3_to_7_pages import find
from warmestad_nb.store import read_plan
from warmestad_nb.widgets import anchoring, implementation, step1
from warmestad_nb.widgets.session import PlanSession

TYPO = date(2019, 3, 12)


def warnings(widget) -> list[str]:
    found = [widget.value] if "ws-datum-waarschuwing" in getattr(widget, "_dom_classes", ()) else []
    for child in getattr(widget, "children", ()):
        found += warnings(child)
    return [text for text in found if text]


def warned(form, what: str) -> bool:
    return any(what in text and "12-03-2019 valt buiten 2025-2031" in text and "meerjarenplan 2026-2031" in text
               for text in warnings(form.box if hasattr(form, "box") else form))


@pytest.mark.parametrize("css, what, saved", [
    ("ws-engagement-collegedatum", "Datum van de collegebeslissing",
     lambda plan: plan.engagement.collegebeslissing_datum),
    ("ws-engagement-logodatum", "Datum van de afspraak met het Logo", lambda plan: plan.engagement.afspraak_logo_datum),
])
def test_step1_commitment_dates(herselt, css, what, saved):
    form = step1.EngagementForm(PlanSession(str(herselt)))
    find(form.box, css).value = TYPO
    assert warned(form, what) and saved(read_plan(herselt)) == TYPO
    find(form.box, css).value = date(2025, 11, 3)  # the year before the cycle: preparation, no warning
    assert not warned(form, what) and saved(read_plan(herselt)) == date(2025, 11, 3)


def test_kickoff_date(herselt):
    form = step1.KickoffForm(PlanSession(str(herselt)))
    form.date.value = TYPO
    assert warned(form, "Datum van het startmoment") and read_plan(herselt).kickoff.datum == TYPO


def test_youth_channel_dates_new_and_in_the_plan(herselt):
    form = step1.YouthForm(PlanSession(str(herselt)))
    form.inputs["datum"].value = TYPO  # a channel still to be added
    assert warned(form, "Wanneer")
    form.inputs["datum"].value = None
    form.chooser.value = 0
    assert not warned(form, "Wanneer")
    form.chosen["datum"].value = TYPO
    assert warned(form, "Wanneer") and read_plan(herselt).jongeren.kanalen[0].datum == TYPO


def test_youth_voice_date(herselt):
    form = step1.YouthVoiceForm(PlanSession(str(herselt)))
    form.chooser.value = 0
    form.inputs["datum"].value = TYPO
    assert warned(form, "Wanneer") and read_plan(herselt).jongeren.inspraak[0].datum == TYPO


def test_status_date(herselt):
    box = implementation.status(PlanSession(str(herselt)))
    find(box, "ws-statuswijziging-datum").value = date(2026, 9, 1)
    assert not warned(box, "Datum van de status")
    find(box, "ws-statuswijziging-datum").value = date(2036, 9, 1)
    assert any("01-09-2036 valt buiten 2025-2031" in text for text in warnings(box))


def test_adoption_dates(herselt):
    box = anchoring.approval(PlanSession(str(herselt)))
    find(box, "ws-college-datum").value = TYPO
    find(box, "ws-beleidsplan-datum").value = TYPO
    assert warned(box, "Datum van de beslissing van het college")
    assert warned(box, "Datum van de beslissing van de gemeenteraad")
    adopted = read_plan(herselt).vaststelling
    assert adopted.college.datum == adopted.gemeenteraad.datum == TYPO

