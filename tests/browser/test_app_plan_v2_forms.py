"""In the browser: a governance body with a member is added on the step 1 page, and a year of an action's
budget with its funding on the step 4 page; both land in the plan on disk."""

from __future__ import annotations

import pytest

from .conftest import ROOT, copy_plan, full_screenshot, new_context, step_url, type_into, wait_for_plan, workbook_server

pytestmark = pytest.mark.browser

EXAMPLE = ROOT / "data" / "voorbeelden" / "13013-herselt.yaml"


def test_a_body_with_a_member_and_a_budget_year_are_added_in_the_browser(browser, tmp_path):
    plan = copy_plan(EXAMPLE, tmp_path / "plannen")
    with workbook_server("app", plan, tmp_path) as url:
        context = new_context(browser)
        page = context.new_page()
        page.goto(step_url(url, "01_draagvlak.ipynb"))
        page.locator(".ws-orgaan-naam input").wait_for(timeout=120_000)
        type_into(page, ".ws-orgaan-naam", "Stuurgroep (test)")
        page.locator(".ws-orgaan-soort select").select_option(label="stuurgroep")
        type_into(page, ".ws-orgaan-beslist_over", "het budget")
        page.locator(".ws-orgaan-toevoegen").click()
        wait_for_plan(plan, lambda p: any(b.naam == "Stuurgroep (test)" for b in p.bestuur.organen))
        page.locator(".ws-orgaan-kies select").select_option(label="Stuurgroep (test) (stuurgroep, 0 leden)")
        type_into(page, ".ws-orgaan-lid-naam", "Els Jacobs")
        type_into(page, ".ws-orgaan-lid-rol", "voorzitter")
        page.locator(".ws-orgaan-lid-toevoegen").click()
        saved = wait_for_plan(plan, lambda p: any(b.leden for b in p.bestuur.organen if b.naam == "Stuurgroep (test)"))
        page.locator(".ws-orgaan-lid-tabel").get_by_text("Els Jacobs").wait_for(timeout=30_000)
        full_screenshot(page, "stap1-bestuur")
        body = next(b for b in saved.bestuur.organen if b.naam == "Stuurgroep (test)")
        assert (body.soort, body.beslist_over) == ("stuurgroep", "het budget")
        assert [(m.naam, m.rol) for m in body.leden] == [("Els Jacobs", "voorzitter")]

        page.goto(step_url(url, "04_acties.ipynb"))
        page.locator(".ws-actie-budget-jaar select").wait_for(timeout=120_000)
        action = saved.acties[0]
        page.locator(".ws-actie-keuze select").select_option(label=action.titel)
        before = len(action.budget)
        page.locator(".ws-actie-budget-jaar select").select_option(label="2028")
        type_into(page, ".ws-actie-budget-bedrag_eur", "1.250")
        page.locator(".ws-actie-budget-financiering select").select_option(label="subsidie")
        page.locator(".ws-actie-budget-toevoegen").click()
        saved = wait_for_plan(plan, lambda p: len(p.acties[0].budget) > before)
        full_screenshot(page, "stap4-budget-per-jaar")
        context.close()
    line = saved.acties[0].budget[-1]
    assert (line.jaar, line.bedrag_eur, line.financiering) == (2028, 1250, "subsidie")
    assert saved.acties[0].budget_eur == sum(b.bedrag_eur for b in saved.acties[0].budget)
