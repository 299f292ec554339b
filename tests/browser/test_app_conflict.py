"""Two browser tabs on the same plan, and a hand edit: nothing is ever silently overwritten.

The app's one status line (under its navigation bar, `.ws-app-kop`) says so, with its reload button.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import (ROOT, copy_plan, full_screenshot, new_context, open_in_app, wait_for_plan,
                       workbook_server)

pytestmark = pytest.mark.browser

EXAMPLE = ROOT / "data" / "voorbeelden" / "44021-gent.yaml"


def test_two_tabs_cannot_overwrite_each_other(browser, tmp_path):
    plan = copy_plan(EXAMPLE, tmp_path / "plannen")
    with workbook_server("app", plan, tmp_path) as url:
        context = new_context(browser)
        first, second = context.new_page(), context.new_page()
        for page in (first, second):
            page.goto(url)
            open_in_app(page, "3", ".ws-prioriteit-pijler-1")
        chosen = wait_for_plan(plan, lambda p: True).prioriteiten.gekozen_pijlers
        a, b = [n for n in range(1, 9) if n not in chosen][:2]

        first.locator(f".ws-prioriteit-pijler-{a} input").check()
        wait_for_plan(plan, lambda p: a in p.prioriteiten.gekozen_pijlers)
        # The second tab notices the change on disk by itself and offers to reload.
        second.locator(".ws-app-kop .ws-status-conflict").wait_for(timeout=10_000)
        second.locator(".ws-app-kop .ws-herlaad").wait_for()  # visible: the way out is offered
        full_screenshot(second, "conflict-gemeld")

        # A change in the stale tab is refused, and the first tab's change stays.
        second.locator(f".ws-prioriteit-pijler-{b} input").check()
        second.locator(".ws-app-kop").locator("text=/Niet opgeslagen/").wait_for(timeout=10_000)
        on_disk = wait_for_plan(plan, lambda p: True)
        assert a in on_disk.prioriteiten.gekozen_pijlers and b not in on_disk.prioriteiten.gekozen_pijlers
        assert list((plan.parent / ".conflicten").glob("*.yaml")), "the refused version is kept apart"
        expect(second.locator(f".ws-prioriteit-pijler-{b} input")).not_to_be_checked()  # snapped back

        # After a reload the second tab shows the first tab's change and can save its own.
        second.locator(".ws-app-kop .ws-herlaad").click()
        second.locator(".ws-app-kop").locator("text=/Herladen om/").wait_for(timeout=10_000)
        expect(second.locator(f".ws-prioriteit-pijler-{a} input")).to_be_checked()
        second.locator(f".ws-prioriteit-pijler-{b} input").check()
        both = wait_for_plan(plan, lambda p: b in p.prioriteiten.gekozen_pijlers)
        assert {a, b} <= set(both.prioriteiten.gekozen_pijlers)

        # A hand edit of the file is noticed too.
        first.locator(".ws-app-kop .ws-status-conflict").wait_for(timeout=10_000)  # after the second tab's save
        first.locator(".ws-app-kop .ws-herlaad").click()
        first.locator(".ws-app-kop").locator("text=/Herladen om/").wait_for(timeout=10_000)
        plan.write_text(plan.read_text(encoding="utf-8") + "# met de hand aangevuld\n", encoding="utf-8")
        first.locator(".ws-app-kop .ws-status-conflict").wait_for(timeout=10_000)
        assert "met de hand" in first.locator(".ws-app-kop .ws-status").inner_text()
        context.close()
