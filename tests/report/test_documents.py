"""The policy plan documents of the three example plans, generated once per module by real kernels,
and read back the way a user would: PDF text (pypdf), the Word file (python-docx), the HTML."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser

import pytest
from docx import Document
from docx.shared import Cm
from pypdf import PdfReader

from conftest import EXAMPLES
from warmestad_nb import reference
from warmestad_nb.report.execute import Kernel
from warmestad_nb.report.pipeline import Renderer, render_plan
from warmestad_nb.report.outline import CHAPTERS
from warmestad_nb.store import read_plan

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """{example stem: {format: path}}, all three examples rendered in one process."""
    out = tmp_path_factory.mktemp("uitvoer")
    renderer = Renderer()
    kernels = [Kernel()]
    results = {}
    try:
        for i, path in enumerate(EXAMPLES):
            if i + 1 < len(EXAMPLES):
                kernels.append(Kernel())  # the next one boots while this plan runs
            results[path.stem] = render_plan(path, out, renderer, kernel=kernels[i],
                                             parameters={"datum": "2026-11-01", "versie": "ontwerp 2"})
            kernels[i].shutdown()
    finally:
        for kernel in kernels:
            kernel.shutdown()
    return results


@pytest.fixture(params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def example(request, documents):
    return read_plan(request.param), documents[request.param.stem]


def _pdf_pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_files_land_in_the_municipality_folder(example):
    plan, paths = example
    folder = f"{plan.gemeente.nis}-"
    for ext in ("html", "pdf", "docx", "ipynb"):
        assert paths[ext].name == f"beleidsplan.{ext}"
        assert paths[ext].parent.name.startswith(folder)
        assert paths[ext].stat().st_size > 1000
    leftovers = [p.name for p in paths["pdf"].parent.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_pdf_has_cover_contents_actions_links_sources_and_page_numbers(example):
    plan, paths = example
    pages = _pdf_pages(paths["pdf"])
    text = _flat("\n".join(pages))
    cover = _flat(pages[0])
    assert plan.gemeente.naam in cover and plan.cyclus in cover and "1 november 2026" in cover
    assert "ontwerp 2" in cover and plan.gemeente.gezondheidsmakers in cover
    assert ("VOORBEELD" in cover) == plan.voorbeeld
    # Table of contents with a page number after every chapter.
    contents = _flat(pages[1])
    assert contents.startswith("Inhoud")
    for chapter in CHAPTERS:
        assert re.search(re.escape(chapter.titel) + r" \.+ \d+", contents), chapter.titel
    for action in plan.acties:
        assert _flat(action.titel) in text, action.titel
    linked_targets = {t for a in plan.acties for t in a.sdg_targets}
    assert any(f"SDG {t}" in text for t in linked_targets)
    codes = {c for a in plan.acties for c in a.mjp_codes}
    assert codes and all(code in text for code in codes)
    assert "Bijlage: bronnen en definities" in text and "Bronnen" in text
    assert reference.source("bevolking").uitgever in text
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in page


def test_pdf_is_tagged_for_accessibility(example):
    _, paths = example
    reader = PdfReader(paths["pdf"])
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.metadata.title.startswith("Beleidsplan mentaal welbevinden")


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.images: list[dict] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.images.append(dict(attrs))


def test_html_has_no_code_prompts_or_scripts_and_headings_in_order(example):
    plan, paths = example
    html = paths["html"].read_text()
    for leftover in ("doc.toon(", "Beleidsplan(plan", "import ", "Wat in het document komt", "In&nbsp;[",
                     "jp-InputArea", "jp-OutputPrompt", "Traceback", "<script"):
        assert leftover not in html, leftover
    outline = _Outline()
    outline.feed(html)
    headings = [int(t[1]) for t in outline.tags if re.fullmatch(r"h[1-6]", t)]
    assert headings[0] == 1 and headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(headings, headings[1:])), "a heading level is skipped"
    assert outline.images and all(img.get("alt") and img["src"].startswith("data:image/svg+xml") for img in outline.images)
    assert '<html lang="nl">' in html and f"<title>Beleidsplan mentaal welbevinden van kinderen en jongeren - {plan.gemeente.naam}</title>" in html


def test_every_figure_carries_source_and_year(example):
    _, paths = example
    html = paths["html"].read_text()
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", html, flags=re.S)
    assert len(captions) >= 2
    for caption in captions:
        assert "Bron:" in caption and re.search(r"20\d\d", caption), caption


def test_docx_has_the_headings_and_the_action_table(example):
    plan, paths = example
    doc = Document(paths["docx"])
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"{i}. {s.titel}" for i, s in enumerate(CHAPTERS[:-1], start=1)] + [CHAPTERS[-1].titel]
    action_tables = [t for t in doc.tables if [c.text for c in t.rows[0].cells][:3] == ["Actie", "Pijlers", "Trekker"]]
    assert action_tables
    cells = {c.text for t in action_tables for row in t.rows[1:] for c in row.cells}
    assert {a.titel for a in plan.acties} <= cells
    header = action_tables[0].rows[0]._tr
    assert header.trPr is not None and header.trPr.xpath("./w:tblHeader")  # repeats on every page
    # Columns sized by their text, as in the PDF: the action title is wider than its pillar numbers.
    widths = [column.width for column in action_tables[0].columns]
    assert widths[0] > widths[1]
    assert sum(widths) == pytest.approx(Cm(17.4), rel=0.01)
    assert len(doc.inline_shapes) >= 2
    assert all(s._inline.docPr.get("descr") for s in doc.inline_shapes)  # alt text
    footer = doc.sections[0].footer._element.xml
    assert "NUMPAGES" in footer and ("VOORBEELD" in footer) == plan.voorbeeld


def test_every_chapter_of_the_outline_has_its_builder():
    from warmestad_nb.report.sections import BUILDERS

    assert list(BUILDERS) == [chapter.id for chapter in CHAPTERS]


def _svg_texts(html: str, alt_start: str) -> list[str]:
    """The texts drawn in the chart whose alt text starts with alt_start (its SVG is a data URI)."""
    for tag in re.findall(r"<img[^>]*>", html):
        if re.search(r'alt="([^"]*)"', tag).group(1).startswith(alt_start):
            svg = base64.b64decode(re.search(r'src="data:image/svg\+xml;base64,([^"]*)"', tag).group(1)).decode()
            return [unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    raise AssertionError(f"no chart with alt text '{alt_start}...'")


def test_indicator_chart_values_are_rounded_as_in_the_table(example):
    _, paths = example
    html = paths["html"].read_text()
    table = re.search(r"<table.*?Indicatoren vergeleken</caption>(.*?)</table>", html, flags=re.S).group(1)
    rows = [[unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)]
    rows = [row for row in rows if row]
    drawn = _svg_texts(html, "Staafdiagrammen: per indicator")
    assert len(rows) >= 2
    for row in rows:
        for value in row[1:4]:  # the municipality, its province, Flanders
            expected = "geen waarde" if value == "geen waarde in de bron" else value.removesuffix("%")
            assert expected in drawn, (row[0], value, drawn)


def test_word_reuses_the_charts_drawn_for_html_and_pdf(example):
    """Word's pictures are made from the SVG the kernel drew: building the DOCX from the executed
    notebook needs no chart library (a process where matplotlib cannot be imported does it)."""
    _, paths = example
    code = ("import sys; sys.modules['matplotlib'] = None\n"
            "import io, nbformat\n"
            "from docx import Document\n"
            "from warmestad_nb.report.docx import docx_from_notebook\n"
            f"nb = nbformat.read({str(paths['ipynb'])!r}, as_version=4)\n"
            "doc = Document(io.BytesIO(docx_from_notebook(nb)))\n"
            "print(len(doc.inline_shapes))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    figures = paths["html"].read_text().count('src="data:image/svg+xml')
    assert int(done.stdout) == figures >= 2


def test_no_page_starts_with_a_source_line_cut_off_from_its_table_or_chart(example):
    """A short table stays whole with its title and source; a source never opens a page alone."""
    _, paths = example
    for number, page in enumerate(_pdf_pages(paths["pdf"]), start=1):
        first = next(line for line in page.splitlines() if line.strip())
        assert not first.startswith("Bron: "), f"page {number} starts with '{first}'"
