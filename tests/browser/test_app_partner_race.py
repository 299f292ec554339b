"""Step 1: the next partner typed right after "Partner toevoegen", before the page caught up, keeps all it was given."""

from __future__ import annotations

import pytest

from .conftest import ROOT, copy_plan, new_context, step_url, wait_for_plan, workbook_server
from .test_app_performance import large_plan

pytestmark = pytest.mark.browser


def test_next_partner_typed_at_once_keeps_engagement_and_age_groups(browser, tmp_path):
    plan = large_plan(tmp_path / "plannen")  # 300 partners: each save takes a noticeable moment
    with workbook_server("app", plan, tmp_path) as url:
        context = new_context(browser)
        page = context.new_page()
        page.goto(step_url(url, "01_draagvlak.ipynb"))
        page.locator(".ws-partner-organisatie input").wait_for(timeout=120_000)
        page.locator(".ws-partner-organisatie input").fill("Eerste nieuwe partner (test)")
        page.locator(".ws-partner-betrokkenheid select").select_option(label="geconsulteerd")
        page.locator(".ws-partner-toevoegen").click()
        page.wait_for_timeout(300)  # a coach's reaction time; the first partner is still being saved
        # At once, as a coach typing on: the next partner, while the first is still being saved. A coach
        # changes her mind and picks age groups one by one: the browser sends a widget's next value only
        # when the kernel answered its previous one, so these come after the click below.
        page.locator(".ws-partner-organisatie input").fill("Tweede nieuwe partner (test)")
        page.locator(".ws-partner-betrokkenheid select").select_option(label="geconsulteerd")
        page.locator(".ws-partner-betrokkenheid select").select_option(label="trekker")
        page.locator(".ws-partner-leeftijden select").select_option(label="6-12 jaar")
        page.locator(".ws-partner-leeftijden select").select_option(label=["6-12 jaar", "12-18 jaar"])
        page.locator(".ws-partner-toevoegen").click()
        saved = wait_for_plan(plan, lambda p: any(x.organisatie == "Tweede nieuwe partner (test)" for x in p.partners))
        context.close()
    first = next(x for x in saved.partners if x.organisatie == "Eerste nieuwe partner (test)")
    second = next(x for x in saved.partners if x.organisatie == "Tweede nieuwe partner (test)")
    assert first.betrokkenheid == "geconsulteerd"
    assert (second.betrokkenheid, second.leeftijdsgroepen) == ("trekker", ["6-12", "12-18"])
