"""A youth channel in the plan changed in place: its kind, and "uitgevoerd" taken back when ticked by mistake."""

from __future__ import annotations

from warmestad_nb.store import read_plan
from warmestad_nb.widgets import step1
from warmestad_nb.widgets.session import PlanSession


def test_a_youth_channel_kind_and_done_are_changed_in_place(herselt):
    form = step1.YouthForm(PlanSession(str(herselt)))
    form.chooser.value = 0
    assert (form.chosen["kanaal"].value, form.chosen["uitgevoerd"].value) == ("ouders", True)
    form.chosen["kanaal"].value = "scholen"
    form.chosen["uitgevoerd"].value = False  # ticked by mistake: taken back
    channel = read_plan(herselt).jongeren.kanalen[0]
    assert (channel.kanaal, channel.uitgevoerd) == ("scholen", False)
