"""In the browser, through the one-page app: an item of step 2 (an own figure, an initiative of the existing
offer) and an item of the meerjarenplan on the links page are changed in place (chosen, a field changed),
and the plan file on disk has the change; a date outside the cycle is warned about and saved. axe-core finds
no critical, serious or moderate violation with the forms in their editing state."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import (ARTIFACTS, ROOT, accessibility_problems, copy_plan, full_screenshot, new_context, open_in_app,
                       wait_for_plan, workbook_server)

pytestmark = pytest.mark.browser

EXAMPLE = ROOT / "data" / "voorbeelden" / "13013-herselt.yaml"
A11Y = ("critical", "serious", "moderate")


def type_visible(page, css: str, text: str) -> None:
    """Type in the shown input of this class (the app keeps the pages it built, hidden) and send it."""
    box = page.locator(f"{css} :is(input, textarea) >> visible=true").first
    box.fill(text)
    box.press("Enter")


def check_page(page, form: str, name: str) -> None:
    """Pictures of the page and of the form (test-artifacts/), and axe-core on the page as it is now."""
    page.wait_for_timeout(500)  # widgets still drawing the change
    full_screenshot(page, name)
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(f"{form} >> visible=true").first.screenshot(path=str(ARTIFACTS / f"{name}-formulier.png"))
    problems = accessibility_problems(page, A11Y)
    assert not problems, "\n".join(problems)


def item(plan, code):
    return next(i for i in plan.meerjarenplan.items if i.code == code)


def test_step2_and_meerjarenplan_items_are_changed_in_place_in_the_app(browser, tmp_path):
    plan = copy_plan(EXAMPLE, tmp_path / "plannen")
    with workbook_server("app", plan, tmp_path) as url:
        context = new_context(browser)
        page = context.new_page()
        page.goto(url)
        page.locator(".ws-voortgang").wait_for(timeout=120_000)

        # Step 2: the own figure gets a newer value, an initiative another name and pillar.
        open_in_app(page, "2", ".ws-eigen-kies")
        page.locator(".ws-eigen-kies select >> visible=true").select_option(label="Leden van de jeugdverenigingen (2025)")
        expect(page.locator(".ws-eigen-waarde input >> visible=true")).to_have_value("640")
        type_visible(page, ".ws-eigen-waarde", "655")
        saved = wait_for_plan(plan, lambda p: p.omgevingsanalyse.eigen_cijfers[0].waarde == 655)
        assert saved.omgevingsanalyse.eigen_cijfers[0].waarde == 655
        page.locator(".ws-eigen-cijfers-view >> visible=true").get_by_text("655").first.wait_for(timeout=30_000)
        page.locator(".ws-initiatief-kies select >> visible=true").select_option(label="Jeugdraad")
        expect(page.locator(".ws-initiatief-naam input >> visible=true")).to_have_value("Jeugdraad")
        type_visible(page, ".ws-initiatief-naam", "Jeugdraad en kindergemeenteraad")
        saved = wait_for_plan(plan, lambda p: "Jeugdraad en kindergemeenteraad" in
                              [a.naam for a in p.omgevingsanalyse.aanbod])
        offer = next(a for a in saved.omgevingsanalyse.aanbod if a.naam == "Jeugdraad en kindergemeenteraad")
        assert len(saved.omgevingsanalyse.aanbod) == 6  # changed, not added
        page.locator(".ws-initiatief-melding >> visible=true").get_by_text("Bewaard.").wait_for()
        page.locator(".ws-aanbod-view >> visible=true").get_by_text("Jeugdraad en kindergemeenteraad").wait_for()
        check_page(page, ".ws-initiatief", "stap2-ter-plaatse-gewijzigd")
        assert offer.pijlers == next(a for a in example_plan().omgevingsanalyse.aanbod if a.naam == "Jeugdraad").pijlers

        # Links page: an item of the meerjarenplan gets another title, budget and a new code.
        open_in_app(page, "4b", ".ws-mjp-invoer-kies")
        choice = page.locator(".ws-mjp-invoer-kies select >> visible=true")
        choice.select_option(label=next(o for o in choice.locator("option").all_inner_texts() if o.startswith("AC2.1.1")))
        # The coach sees the item's values come in before she types over one of them.
        expect(page.locator(".ws-mjp-invoer-code input >> visible=true")).to_have_value("AC2.1.1")
        type_visible(page, ".ws-mjp-invoer-titel", "Ouderavonden in de bib (test)")
        assert item(wait_for_plan(plan, lambda p: item(p, "AC2.1.1").titel == "Ouderavonden in de bib (test)"),
                    "AC2.1.1").titel == "Ouderavonden in de bib (test)"
        type_visible(page, ".ws-mjp-invoer-budget_eur", "9.500")
        assert item(wait_for_plan(plan, lambda p: item(p, "AC2.1.1").budget_eur == 9500), "AC2.1.1").budget_eur == 9500
        type_visible(page, ".ws-mjp-invoer-code", "AC2.1.9")
        saved = wait_for_plan(plan, lambda p: any(i.code == "AC2.1.9" for i in p.meerjarenplan.items))
        assert (item(saved, "AC2.1.9").titel, item(saved, "AC2.1.9").budget_eur) == ("Ouderavonden in de bib (test)", 9500)
        assert next(a for a in saved.acties if a.id == "ouderavonden-positief-opvoeden").mjp_codes == ["AC2.1.9"]
        page.locator(".ws-mjp-entry-tree >> visible=true").get_by_text("Ouderavonden in de bib (test)").wait_for()
        check_page(page, ".ws-mjp-entry", "04b-meerjarenplan-ter-plaatse-gewijzigd")

        # Step 7: a council decision dated in 2019 (a typo): saved, with a warning beside it.
        open_in_app(page, "7", ".ws-beleidsplan-datum")
        page.locator(".ws-beleidsplan-datum input >> visible=true").fill("2019-03-22")
        page.locator(".ws-beleidsplan-datum input >> visible=true").press("Tab")
        saved = wait_for_plan(plan, lambda p: p.vaststelling.gemeenteraad.datum is not None)
        assert str(saved.vaststelling.gemeenteraad.datum) == "2019-03-22"
        page.locator(".ws-datum-waarschuwing >> visible=true").get_by_text("22-03-2019 valt buiten 2025-2031").wait_for()
        problems = accessibility_problems(page, A11Y)
        assert not problems, "\n".join(problems)
        context.close()


def example_plan():
    from warmestad_nb.store import read_plan

    return read_plan(EXAMPLE)
