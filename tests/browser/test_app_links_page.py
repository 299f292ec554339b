"""Step 4b looks like the other steps: a page header with the save status, readable tables, whole buttons."""

from __future__ import annotations

import pytest

from warmestad_nb.store import read_plan

from .conftest import ROOT, copy_plan, full_screenshot, new_context, step_url, workbook_server

pytestmark = pytest.mark.browser

EXAMPLE = ROOT / "data" / "voorbeelden" / "13013-herselt.yaml"

# The width a button's text needs beyond the width it got (0 when the whole text shows).
CUT_OFF = """() => [...document.querySelectorAll('button')].filter(b => b.offsetParent !== null)
    .map(b => [b.innerText.trim(), b.scrollWidth - b.clientWidth]).filter(([, cut]) => cut > 1)"""


def test_links_page_has_the_common_header_readable_tables_and_whole_buttons(browser, tmp_path):
    plan = copy_plan(EXAMPLE, tmp_path / "plannen")
    with workbook_server("app", plan, tmp_path) as url:
        context = new_context(browser)
        page = context.new_page()
        page.goto(step_url(url, "04b_koppelingen.ipynb"))
        page.locator(".ws-sdg-overview table").first.wait_for(timeout=120_000)
        assert page.locator("h1").first.inner_text() == "Koppelingen: meerjarenplan, SDG's en Vizier 2030"
        assert "Herselt" in page.locator(".ws-titel").inner_text()
        assert page.locator(".ws-statusbalk .ws-status").count() == 1
        anchoring = page.locator(".ws-anchoring table")
        assert anchoring.locator("th").all_inner_texts() == ["Soort", "Titel", "Gekoppeld", "In het meerjarenplan"]
        ids = [g.id for g in read_plan(plan).prioriteiten.doelstellingen]
        assert not any(i in anchoring.inner_text().split() for i in ids)  # no internal ids
        assert page.locator(".ws-pillar-coverage th").first.inner_text() == "Code"
        assert "Doel van Vizier 2030" in page.locator(".ws-sdg-overview").inner_text()
        assert page.evaluate(CUT_OFF) == []
        page.set_viewport_size({"width": 1024, "height": 768})  # a small laptop or projector
        page.wait_for_timeout(300)
        assert page.evaluate(CUT_OFF) == []
        full_screenshot(page, "04b-koppelingen-kop")
        context.close()
