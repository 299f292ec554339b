"""A year of an action's budget changed in place field after field (step 4): the form stays on that year
after each save, so every change lands in the plan file on disk (it used to jump back to a new year)."""

from __future__ import annotations

from .test_steps_3_to_7_pages import find
from warmestad_nb.store import read_plan
from warmestad_nb.widgets import actions
from warmestad_nb.widgets.session import PlanSession


def test_a_budget_year_is_changed_field_after_field(herselt):
    session = PlanSession(str(herselt))
    page = actions.action_plan(session)
    action = session.plan.acties[0]
    find(page, "ws-actie-keuze").value = action.id
    find(page, "ws-actie-budget-kies").value = 0
    find(page, "ws-actie-budget-bedrag_eur").value = "2.750"
    find(page, "ws-actie-budget-financiering").value = "eigen-middelen"
    find(page, "ws-actie-budget-toelichting").value = "Subsidie van de provincie (test)"
    line = next(a for a in read_plan(herselt).acties if a.id == action.id).budget[0]
    assert (line.jaar, line.bedrag_eur, line.financiering, line.toelichting) == (
        action.budget[0].jaar, 2750, "eigen-middelen", "Subsidie van de provincie (test)")
    assert find(page, "ws-actie-budget-kies").value == 0
