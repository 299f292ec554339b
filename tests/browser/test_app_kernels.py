"""A page that is left stops its kernel: open kernels never exceed open tabs plus the one started ahead.

Voila's page asks the server to stop its kernel when it is left, with the `_xsrf` cookie's value;
Voila never set that cookie, the request was refused ("'_xsrf' argument missing") and every page
view left a kernel running (44 after one tour).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .conftest import ROOT, copy_plan, new_context, processes_mentioning, workbook_server

pytestmark = pytest.mark.browser

EXAMPLE = ROOT / "data" / "voorbeelden" / "13013-herselt.yaml"
VIEWS = 6
AHEAD = 1  # kernels started ahead (pool_size of the app page)


def kernels(plan: Path) -> int:
    count = 0
    for pid in processes_mentioning(f"WARMESTAD_PLAN={plan}"):
        try:
            count += b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            pass
    return count


def test_leaving_pages_leaves_no_kernels(browser, tmp_path):
    plan = copy_plan(EXAMPLE, tmp_path / "plannen")
    with workbook_server("app", plan, tmp_path) as url:
        context = new_context(browser)
        for _ in range(VIEWS):
            page = context.new_page()
            page.goto(url)
            page.locator(".ws-voortgang").wait_for(timeout=120_000)
            assert kernels(plan) <= 1 + AHEAD + 1  # this tab, the next one ahead (maybe still starting)
            page.close(run_before_unload=True)  # as a coach closes the tab
        context.close()
        deadline = time.monotonic() + 30
        while kernels(plan) > AHEAD and time.monotonic() < deadline:
            time.sleep(0.5)
        assert kernels(plan) <= AHEAD, f"{kernels(plan)} kernels after {VIEWS} page views, no tab open"


def test_the_first_page_waits_for_the_kernel_started_ahead_not_for_a_second_one(browser, tmp_path):
    # The address is opened as soon as it is printed, as a coach does (and benchmarks/app.py):
    # Voila used to give a page asked for before its kernel ahead had started a second kernel of
    # its own, and the two booted side by side on the same processors.
    plan = copy_plan(EXAMPLE, tmp_path / "plannen")
    with workbook_server("app", plan, tmp_path) as url:
        page = new_context(browser).new_page()
        page.goto(url)
        page.locator(".ws-voortgang").wait_for(timeout=120_000)
        log = (tmp_path / "app.log").read_text()
        assert "Using pre-heated kernel" in log
        first_page = log[:log.index("Using pre-heated kernel")]
        assert first_page.count("Kernel started") <= 1
        page.close(run_before_unload=True)
