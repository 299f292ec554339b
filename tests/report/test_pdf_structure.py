"""The PDFs (policy plan and regional overview) read the way assistive technology and a print shop
read them: the tag tree (pikepdf), the PDF/UA-1 claim, the language, and every font embedded
(pdffonts)."""

from __future__ import annotations

import re
import subprocess

import pikepdf
import pytest

from conftest import gent_and_overview

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, object]:
    return gent_and_overview(tmp_path_factory.mktemp("uit"), "pdf")


@pytest.fixture(params=["beleidsplan", "overzicht"])
def pdf_path(request, pdfs):
    return pdfs[request.param]


def _elements(node, parent=None):
    """(structure element or object reference, its parent) for the whole tag tree, in reading order."""
    if isinstance(node, pikepdf.Array):
        for kid in node:
            yield from _elements(kid, parent)
        return
    if not isinstance(node, pikepdf.Dictionary):
        return  # a marked-content id: page content, not a tag
    yield node, parent
    if "/K" in node:
        yield from _elements(node.K, node)


def _tags(pdf) -> list[tuple[str, pikepdf.Dictionary]]:
    return [(str(e.S), e) for e, _ in _elements(pdf.Root.StructTreeRoot.K) if "/S" in e]


def test_tagged_in_dutch_and_claims_pdf_ua_1(pdf_path):
    with pikepdf.open(pdf_path) as pdf:
        assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked
        assert str(pdf.Root.Lang).split("-")[0] == "nl"
        assert str(pdf.Root.ViewerPreferences.DisplayDocTitle) == "True"
        with pdf.open_metadata() as xmp:
            assert xmp.get("pdfuaid:part") == "1"


def test_headings_start_at_h1_and_skip_no_level(pdf_path):
    with pikepdf.open(pdf_path) as pdf:
        levels = [int(tag[2]) for tag, _ in _tags(pdf) if re.fullmatch(r"/H[1-6]", tag)]
    assert levels[0] == 1 and levels.count(1) == 1  # the title
    assert set(levels) == {1, 2, 3}
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), "a heading level is skipped"


def test_every_chart_is_a_figure_with_alt_text(pdf_path):
    with pikepdf.open(pdf_path) as pdf:
        figures = [e for tag, e in _tags(pdf) if tag == "/Figure"]
    assert figures and all(len(str(f.get("/Alt", ""))) > 30 for f in figures)


def test_tables_have_header_and_data_cells(pdf_path):
    with pikepdf.open(pdf_path) as pdf:
        tags = _tags(pdf)
        tables = [e for tag, e in tags if tag == "/Table"]
        assert tables
        for table in tables:
            inside = {str(e.S) for e, _ in _elements(table.K) if "/S" in e}
            assert {"/TH", "/TD"} <= inside


def test_every_link_is_under_a_link_tag(pdf_path):
    with pikepdf.open(pdf_path) as pdf:
        annotations = {a.objgen for page in pdf.pages for a in page.get("/Annots", []) if a.Subtype == "/Link"}
        tagged = {e.Obj.objgen for e, parent in _elements(pdf.Root.StructTreeRoot.K)
                  if e.get("/Type") == "/OBJR" and parent is not None and parent.S == "/Link"}
    assert annotations and annotations == tagged  # the table of contents links to every chapter


def test_every_link_says_where_it_leads(pdf_path):
    """A screen reader reads a link's description (/Contents): the chapter's title and page, not only
    "Hoofdstuk 1" or an anchor id."""
    with pikepdf.open(pdf_path) as pdf:
        links = [(str(a.Contents), i + 1) for i, page in enumerate(pdf.pages) for a in page.get("/Annots", [])
                 if a.Subtype == "/Link"]
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert links
    for description, page in links:
        found = re.fullmatch(r"(\d*) ?“(.+)” pagina (\d+)", description)
        assert found, description
        number, title, target = found.groups()
        assert f"{number} {title}".strip() in text and int(target) >= page


def test_every_font_is_embedded(pdf_path):
    listing = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows
    for row in rows:
        # name, type (may hold spaces), encoding, then emb sub uni as yes/no, then the object id
        emb = re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row)
        assert emb and emb.group(1) == "yes", row
