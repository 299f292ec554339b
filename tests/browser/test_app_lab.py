"""`warmestad lab`: one step worked through in JupyterLab, saved to the plan file."""

from __future__ import annotations

import pytest

from .conftest import (ROOT, copy_plan, new_context, screenshot, wait_for_plan, workbook_server)

pytestmark = pytest.mark.browser

EXAMPLE = ROOT / "data" / "voorbeelden" / "13040-turnhout.yaml"


def test_step3_in_jupyterlab(browser, tmp_path):
    plan = copy_plan(EXAMPLE, tmp_path / "plannen")
    chosen = wait_for_plan(plan, lambda p: True).prioriteiten.gekozen_pijlers
    pillar = next(n for n in range(1, 9) if n not in chosen)
    with workbook_server("lab", plan, tmp_path) as url:
        assert "/lab/tree/00_start.ipynb?token=" in url
        context = new_context(browser)
        page = context.new_page()
        page.goto(url.replace("00_start.ipynb", "03_prioriteiten.ipynb"))
        page.locator(".jp-Notebook").wait_for()
        page.locator(".jp-StatusBar-TextItem >> text=/Python 3.*Idle/").first.wait_for()  # kernel ready
        page.locator("#jp-MainMenu >> text=Run").first.click()
        page.locator(".lm-Menu-itemLabel:text-is('Run All Cells')").click()
        page.locator(".jp-InputPrompt >> text=/\\[1\\]/").first.wait_for()  # the cells run
        box = page.locator(f".ws-prioriteit-pijler-{pillar} input")
        try:
            box.wait_for(state="attached")
        finally:
            screenshot(page, "lab-na-alles-uitvoeren")
        box.scroll_into_view_if_needed()
        box.check()
        saved = wait_for_plan(plan, lambda p: pillar in p.prioriteiten.gekozen_pijlers)
        assert pillar in saved.prioriteiten.gekozen_pijlers
        page.locator(".ws-status >> text=/Opgeslagen om/").first.wait_for()
        screenshot(page, "lab-03-prioriteiten")
        context.close()
