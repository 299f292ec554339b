"""Text from a plan file is shown as text, never run as markup or template code, in every format."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser

import pytest
from docx import Document
from pypdf import PdfReader

from conftest import EXAMPLES
from warmestad_nb.cli import main
from warmestad_nb.store import PlanStore

pytestmark = pytest.mark.slow

PARTNER = """<script>alert("p")</script> & {{ 7*7 }} </style> 'enkel' "dubbel" 😀"""
ACTION = """Actie </style><b>vet</b> {% if x %}{{ plan }} 'één' "twee" 🎉"""
COORDINATOR = """Jan <img src=x onerror=alert(1)> {{ config }}"""
# Pieces short enough to stay on one line in the PDF.
PIECES = ['<script>alert("p")</script>', "{{ 7*7 }}", "</style>", "'enkel'", '"dubbel"', "<b>vet</b>",
          "{% if x %}{{ plan }}", "'één'", '"twee"', "<img src=x onerror=alert(1)>"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("vijandig")
    path = folder / "herselt.yaml"
    shutil.copyfile(next(p for p in EXAMPLES if "herselt" in p.name), path)
    store = PlanStore(path)
    plan = store.plan.model_copy(deep=True)
    plan.partners[0].organisatie = PARTNER
    plan.acties[0].titel = ACTION
    plan.acties[0].trekker = plan.partners[0].id
    plan.coordinator.naam = COORDINATOR
    store.save(plan)
    out = folder / "uit"
    assert main(["rapport", str(path), "--uit", str(out), "--datum", "2026-11-01"]) == 0
    return next(out.iterdir())


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []
        self.image_sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.image_sources.append(dict(attrs).get("src", ""))

    def handle_data(self, data):
        self.parts.append(data)


def test_html_shows_the_names_as_text(hostile):
    html = (hostile / "beleidsplan.html").read_text()
    parser = _Text()
    parser.feed(html)
    text = " ".join(" ".join(parser.parts).split())
    for name in (PARTNER, ACTION, COORDINATOR):
        assert " ".join(name.split()) in text
    assert "script" not in parser.tags and "b" not in parser.tags
    assert parser.image_sources and all(src.startswith("data:image/svg+xml") for src in parser.image_sources)
    assert html.count("</style>") == 1  # only the stylesheet's own


def test_pdf_shows_the_names_as_text(hostile):
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(hostile / "beleidsplan.pdf").pages).split())
    for piece in PIECES + ["😀", "🎉"]:
        assert piece in text, piece


def test_docx_shows_the_names_as_text(hostile):
    doc = Document(hostile / "beleidsplan.docx")
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    for name in (PARTNER, ACTION):
        assert any(name in t for t in texts), name
    assert any(COORDINATOR in t for t in texts)
