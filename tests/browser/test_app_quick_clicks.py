"""Quick clicks in a step page: every click lands in the plan, also one that comes before the page caught up."""

from __future__ import annotations

import pytest

from warmestad_nb.analysis.sdg_links import sdg_suggestions
from warmestad_nb.store import read_plan

from .conftest import ROOT, copy_plan, new_context, step_url, wait_for_plan, workbook_server

pytestmark = pytest.mark.browser

EXAMPLE = ROOT / "data" / "voorbeelden" / "13013-herselt.yaml"


def test_two_quick_accept_clicks_in_step_4b_both_count(browser, tmp_path):
    plan = copy_plan(EXAMPLE, tmp_path / "plannen")
    goal = read_plan(plan).prioriteiten.doelstellingen[0]
    proposed = [s.code for s in sdg_suggestions(goal)]
    assert len(proposed) >= 2
    with workbook_server("app", plan, tmp_path) as url:
        context = new_context(browser)
        page = context.new_page()
        page.goto(step_url(url, "04b_koppelingen.ipynb"))
        first_subject = page.locator(".ws-links-sdg .ws-link-subject").first
        first_subject.locator(".ws-accept").first.wait_for(timeout=90_000)
        first_subject.locator(".ws-accept").first.click()
        first_subject.locator(".ws-accept").first.click()  # at once: the page may not have caught up yet
        saved = wait_for_plan(plan, lambda p: len(p.prioriteiten.doelstellingen[0].sdg_targets)
                              >= len(goal.sdg_targets) + 2, timeout=30)
        context.close()
    assert saved.prioriteiten.doelstellingen[0].sdg_targets == goal.sdg_targets + proposed[:2]
