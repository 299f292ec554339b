"""One spelling per kind of quantity: the functions, and the three example documents read as a user would."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from conftest import EXAMPLES
from warmestad_nb import formatting as fmt


def test_one_spelling_per_kind_of_quantity():
    assert fmt.number(1855861) == "1.855.861" and fmt.number(0.4123, 2) == "0,41"
    assert fmt.percent(5.41) == "5,4%" and fmt.percent(45, 0) == "45%"
    assert fmt.euro(1500) == "€ 1.500" and fmt.euro(1500.5) == "€ 1.500,50" and fmt.euro(None) == "-"
    assert fmt.day(date(2026, 3, 3)) == "3 maart 2026"
    assert fmt.month(date(2026, 3, 3)) == "maart 2026"  # never cut to 'maa'
    assert fmt.month(date(2026, 9, 1)) == "september 2026"
    assert fmt.period(date(2026, 3, 1), None) == "maart 2026 - ?"
    assert fmt.join(["a", "", "b", "c"]) == "a, b en c" and fmt.join(["a", "b"], "of") == "a of b"
    assert fmt.count(1, "actie", "acties") == "1 actie" and fmt.count(3, "actie", "acties") == "3 acties"


def test_the_step_1_page_writes_amounts_and_dates_like_the_document():
    from warmestad_nb.analysis.commitment import commitment_checklist
    from warmestad_nb.store import read_plan

    plan = read_plan(EXAMPLES[0])
    budget = next(i for i in commitment_checklist(plan) if i.id == "budget")
    assert budget.detail == fmt.euro(plan.engagement.budget_eur) == "€ 5.000"
    college = next(i for i in commitment_checklist(plan) if i.id == "collegebeslissing")
    assert college.detail.startswith("9 februari 2026, ")  # as the document writes it, not 09-02-2026


def _text(html: str) -> str:
    """The text a reader sees: without style, script and SVG, tags removed, entities resolved."""
    html = re.sub(r"<(style|script|svg)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html)).replace("\xa0", " ")


@pytest.fixture(scope="module")
def example_html(tmp_path_factory):
    from warmestad_nb.report.execute import Kernel
    from warmestad_nb.report.pipeline import Renderer, render_plan

    out = tmp_path_factory.mktemp("uitvoer")
    renderer = Renderer(formats=("html",))
    kernel = Kernel()
    try:
        return {p.stem: _text(render_plan(p, out, renderer, kernel=kernel)["html"].read_text(encoding="utf-8"))
                for p in EXAMPLES}
    finally:
        kernel.shutdown()


@pytest.mark.slow
@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_example_documents_write_percent_and_euro_one_way(example_html, stem):
    text = example_html[stem]
    assert re.findall(r"\d%", text), "the document has percentages"
    assert not re.findall(r".{20}\s%", text)  # '5,4 %' and the like
    amounts = re.findall(r"€ \d[\d.]*(?:,\d\d)?", text)
    assert amounts, "the document has euro amounts"
    # No other spelling of an amount: '1.500 euro', 'EUR 1.500', '€1.500', '1.500 €'.
    assert not re.findall(r".{20}(?:\d euro\b|\bEUR\b|€\d|\d\s?€)", text, flags=re.I)
    assert not re.search(r"\b(jan|feb|maa|apr|jun|jul|aug|sep|okt|nov|dec) \d{4}\b", text)


def test_every_view_writes_a_percentage_through_formatting():
    """No module puts the sign after a number itself (f"{x:.0%}", f"{n}%"): formatting.percent is the
    one spelling (the survey chart and the budget line of step 5 did)."""
    package = Path(__file__).resolve().parents[1] / "warmestad_nb"
    own = re.compile(r":\.\d%\}|\}%")
    found = [f"{path.relative_to(package)}:{i}" for path in package.rglob("*.py") if path.name != "formatting.py"
             for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if own.search(line)]
    assert found == []
