"""`warmestad overzicht`: the regional overview of the example plans, checked against the plan files.

The expected figures are read from the plan files themselves (YAML) and from data/ with the csv
module, not through the code under test. A plan that cannot be read, with markup in its file name and
in its content, must be listed as text in the HTML and in the PDF.
"""

from __future__ import annotations

import csv
import shutil
from html import unescape

import pytest
import yaml
from pypdf import PdfReader

from conftest import BROKEN, EXAMPLES, ROOT
from batch.test_failures import run_cli
from warmestad_nb import formatting as fmt

pytestmark = pytest.mark.slow

HOSTILE = '<script>alert("x")</script> {{ 7*7 }}'
HOSTILE_FILE = "<b>vet<i> {{ plan }}.yaml"  # no slash: it is a file name


# The pillars by their short names, as a reader sees them (not bare numbers).
PILLARS = {p["nummer"]: p["kort"] for p in yaml.safe_load((ROOT / "data" / "pijlers.yaml").read_text())["items"]}


def _plan_data(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def overview(tmp_path_factory):
    base = tmp_path_factory.mktemp("overzicht")
    plans = base / "plannen"
    plans.mkdir()
    for example in EXAMPLES:
        shutil.copyfile(example, plans / example.name)
    broken = (BROKEN / "onbekende-sector.yaml").read_text(encoding="utf-8").replace("ruimtevaart", f"'{HOSTILE}'")
    (plans / HOSTILE_FILE).write_text(broken, encoding="utf-8")
    out = base / "uit"
    done = run_cli("overzicht", str(plans), "--uit", str(out), "--datum", "2026-11-01")
    html = (out / "regio-overzicht.html").read_text(encoding="utf-8")
    reader = PdfReader(out / "regio-overzicht.pdf")
    pdf_text = "\n".join(page.extract_text() for page in reader.pages)
    yield {"done": done, "html": html, "pdf": pdf_text, "pages": len(reader.pages)}
    shutil.rmtree(base, ignore_errors=True)


def test_the_command_writes_both_files_and_warns_about_the_broken_plan(overview):
    done = overview["done"]
    assert done.returncode == 0, done.stderr
    assert "Regio-overzicht van 3 plannen gemaakt" in done.stdout
    assert "regio-overzicht.html" in done.stdout and "regio-overzicht.pdf" in done.stdout
    assert "let op:" in done.stdout and "onbekende sector" in done.stdout


def _row(text: str, first_cell: str) -> dict[str, str]:
    """The row of the table per municipality that starts with first_cell, keyed by column header."""
    section = text[text.index('id="h-gemeenten"'):]
    header = section[section.index("<thead>"):section.index("</thead>")]
    columns = [c.split(">", 1)[1] for c in header.split("</th>")[:-1]]
    row = section[section.index(f">{first_cell}</td>") - 3:]
    row = row[: row.index("</tr>")]
    cells = [c.split(">", 1)[1] for c in row.split("</td>")[:-1]]
    return dict(zip(columns, cells))


def test_each_municipality_row_matches_its_plan_file(overview):
    text = unescape(overview["html"])
    for example in EXAMPLES:
        data = _plan_data(example)
        name = data["gemeente"]["naam"]
        actions = data.get("acties", [])
        budget = sum(a.get("budget_eur") or 0 for a in actions if a.get("status") != "stopgezet")  # stopped: left out
        chosen = "; ".join(f"{p}. {PILLARS[p]}" for p in sorted(set(data["prioriteiten"]["gekozen_pijlers"])))
        row = _row(text, name)  # all plans are examples: the cover says so, not every row
        assert row["Prioritaire pijlers"] == chosen
        assert row["Acties"] == str(len(actions))
        assert row["Budget acties"] == fmt.euro(budget)
        assert row["Partners"] == str(len(data.get("partners", [])))


def test_region_totals_add_up_the_plans(overview):
    text = unescape(overview["html"])
    plans = [_plan_data(p) for p in EXAMPLES]
    actions = sum(len(p.get("acties", [])) for p in plans)
    counted = [a for p in plans for a in p.get("acties", []) if a.get("status") != "stopgezet"]
    without_budget = sum(a.get("budget_eur") is None for a in counted)
    budget = sum(a.get("budget_eur") or 0 for a in counted)
    assert f"<dt>Acties</dt><dd>{actions}, waarvan {without_budget} nog zonder budget</dd>" in text
    assert f"<dt>Budget voor acties</dt><dd>{fmt.euro(budget)}</dd>" in text


def test_gaps_name_the_municipalities_of_the_regions_without_a_plan(overview):
    text = unescape(overview["html"])
    with open(ROOT / "data" / "gemeenten_vlaanderen_2025.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    covered = {str(_plan_data(p)["gemeente"]["nis"]) for p in EXAMPLES}
    regions = {r["gezondheidsmakers"] for r in rows if r["nis"] in covered}
    missing = [r for r in rows if r["gezondheidsmakers"] in regions and r["nis"] not in covered]
    assert missing
    section = text[text.index('id="h-hiaten"'):text.index('id="h-gemeenten"')]
    for region in regions:
        count = sum(r["gezondheidsmakers"] == region for r in missing)
        assert f"Nog geen plan in dit overzicht voor {count} gemeenten van Gezondheidsmakers {region}" in section


def test_markup_from_a_plan_is_text(overview):
    html = overview["html"]
    assert "<script>alert" not in html and "<b>vet" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; {{ 7*7 }}" in html
    assert "&lt;b&gt;vet&lt;i&gt; {{ plan }}.yaml" in html
    pdf = overview["pdf"]
    assert '<script>alert("x")</script>' in pdf and "<b>vet<i> {{ plan }}.yaml" in pdf


def test_pdf_has_the_sections_municipalities_and_page_numbers(overview):
    pdf, pages = overview["pdf"], overview["pages"]
    for title in ("Samenvatting", "Voortgang over de 7 stappen", "Prioriteiten en acties per pijler", "Budget",
                  "Partners per sector", "Hiaten in de regio", "Overzicht per gemeente", "Bronnen en werkwijze"):
        assert title in pdf
    for example in EXAMPLES:
        assert _plan_data(example)["gemeente"]["naam"] in pdf
    assert f"pagina 1 van {pages}" in pdf and f"pagina {pages} van {pages}" in pdf
    assert "VOORBEELD" in pdf
    assert "Statbel" in pdf  # the population figures carry their source
