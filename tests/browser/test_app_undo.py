"""'Ongedaan maken' in a step page: the plan on disk is back as it was, and the restore is a new version."""

from __future__ import annotations

import pytest

from warmestad_nb.store import PlanStore, read_plan

from .conftest import ROOT, copy_plan, new_context, step_url, type_into, wait_for_plan, workbook_server

pytestmark = pytest.mark.browser

EXAMPLE = ROOT / "data" / "voorbeelden" / "13013-herselt.yaml"
TITLE = "Elke jongere kent een vertrouwenspersoon (test)"


def test_undo_takes_back_a_new_goal(browser, tmp_path):
    plan = copy_plan(EXAMPLE, tmp_path / "plannen")
    goals_before = [g.id for g in read_plan(plan).prioriteiten.doelstellingen]
    with workbook_server("app", plan, tmp_path) as url:
        context = new_context(browser)
        page = context.new_page()
        page.goto(step_url(url, "03_prioriteiten.ipynb"))
        page.locator(".ws-doel-nieuw input").wait_for(timeout=120_000)
        type_into(page, ".ws-doel-nieuw", TITLE)
        page.locator(".ws-doel-toevoegen").click()
        wait_for_plan(plan, lambda p: any(g.titel == TITLE for g in p.prioriteiten.doelstellingen))
        page.locator(".ws-versies").scroll_into_view_if_needed()
        page.locator(".ws-ongedaan").click()
        saved = wait_for_plan(plan, lambda p: all(g.titel != TITLE for g in p.prioriteiten.doelstellingen))
        page.locator(".ws-versie-melding").locator("text=/Het plan is terug zoals het was op/").wait_for()
        assert "Opgeslagen om" in page.locator(".ws-status").first.inner_text()
        assert TITLE not in page.locator(".ws-doelen-tabel").inner_text()  # the page followed
        context.close()
    assert [g.id for g in saved.prioriteiten.doelstellingen] == goals_before
    # The undo is itself a version: the plan with the goal is kept and can be restored.
    newest = PlanStore(plan).versions()[0]
    assert any(g.titel == TITLE for g in read_plan(newest.path).prioriteiten.doelstellingen)
