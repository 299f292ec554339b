"""The HTML documents (Gent's policy plan and the regional overview) as a browser and a validator see
them: the Nu Html Checker (npm vnu-jar, run with Java) reports no error, axe-core (as in the browser tests) finds no
violation, and at 1280 and at 390 px (a phone) no number, amount or date in a table is broken over
two lines: a wide table scrolls sideways in its frame instead."""

from __future__ import annotations

import json
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from browser.conftest import CHROMIUM, CHROMIUM_ARGS, accessibility_problems
from conftest import gent_and_overview

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _npm_tool(path: Path) -> Path:
    assert path.exists(), f"{path.relative_to(ROOT)} ontbreekt: `make node-tools` (npm ci) installeert het"
    return path


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    return gent_and_overview(tmp_path_factory.mktemp("uit"), "html")


@pytest.fixture(params=["beleidsplan", "overzicht"])
def page_path(request, pages) -> Path:
    return pages[request.param]


def test_nu_html_checker_reports_no_errors(page_path):
    java = shutil.which("java")
    assert java, "Java ontbreekt (Debian: openjdk-17-jre-headless, zie scripts/install-system-deps.sh)"
    result = subprocess.run([java, "-jar", str(_npm_tool(VNU)), "--format", "json", "--errors-only", str(page_path)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] in ("error", "non-document-error")]
    assert errors == []


# For every figure in a table cell (an amount, a date, a month, a percentage, a range, a number), the
# line boxes its characters land on: more than one means the browser broke it over two lines.
BROKEN_FIGURES = r"""() => {
  const months = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december";
  const figure = new RegExp(`€\\s?[\\d.,]+|(?:\\d{1,2}\\s)?(?:${months})\\s\\d{4}|\\d[\\d.,]*(?:\\s?-\\s?\\d[\\d.,]*)*%?`, "g");
  const broken = [];
  let checked = 0;
  for (const cell of document.querySelectorAll("td, th")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(figure)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        checked += 1;
        if (tops.size > 1) broken.push(match[0] + " in '" + cell.innerText.slice(0, 60) + "'");
      }
    }
  }
  return {checked, broken};
}"""


@contextmanager
def _opened(path: Path, width: int):
    """The page in Debian's chromium, in a window `width` px wide."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(path.as_uri())
            yield page
        finally:
            browser.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_no_number_or_date_in_a_table_breaks_over_two_lines(page_path, width):
    with _opened(page_path, width) as page:
        result = page.evaluate(BROKEN_FIGURES)
        assert result["checked"] > 50
        assert result["broken"] == []
        # The page itself never scrolls sideways; a table too wide for a phone scrolls in its frame.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        frames = page.evaluate("""() => [...document.querySelectorAll('.tabel')].map(
            f => [f.scrollWidth > f.clientWidth, getComputedStyle(f).overflowX])""")
    assert all(overflow == "auto" for _, overflow in frames)
    if width == 390:
        assert any(scrolls for scrolls, _ in frames)  # the wide tables: sideways in their frame


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_violations(page_path, width):
    with _opened(page_path, width) as page:
        violations = accessibility_problems(page, ("critical", "serious", "moderate", "minor"))
    assert violations == []
