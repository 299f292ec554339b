"""Gent's policy plan read as its Dutch text: the language slips a reader noticed are gone from the
rendered HTML, PDF and Word file (months in full, singular after one sector, no "index, in index", no
brackets within round brackets, one spelling of a percentage)."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser

import pytest
from docx import Document

from conftest import EXAMPLES
from warmestad_nb.cli import main

pytestmark = pytest.mark.slow

GENT = next(p for p in EXAMPLES if "gent" in p.name)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "script")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("uit")
    assert main(["rapport", str(GENT), "--formaat", "html,pdf,docx", "--uit", str(out), "--datum", "2026-11-01"]) == 0
    folder = next(out.glob("*/"))
    parser = _Text()
    parser.feed((folder / "beleidsplan.html").read_text(encoding="utf-8"))
    pdf = subprocess.run(["pdftotext", str(folder / "beleidsplan.pdf"), "-"], capture_output=True, text=True,
                         check=True).stdout
    doc = Document(folder / "beleidsplan.docx")
    word = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return {"html": " ".join(" ".join(parser.parts).split()), "pdf": " ".join(pdf.split()),
            "docx": " ".join(" ".join(word).split())}


@pytest.fixture(params=["html", "pdf", "docx"])
def text(request, texts) -> str:
    return texts[request.param]


def test_months_are_written_in_full(text):
    assert not re.search(r"\b(jan|feb|maa|apr|jun|jul|aug|sep|okt|nov|dec)\.? 20\d\d", text)
    assert re.search(r"\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) "
                     r"20\d\d", text)


def test_one_missing_sector_is_singular(text):
    found = re.search(r"Nog geen partners uit: ([^.]+)\. (Die \w+ \w+)", text)
    assert found
    one = not re.search(r",| en ", found.group(1))
    assert found.group(2) == ("Die sector is" if one else "Die sectoren zijn")
    assert one  # Gent misses one sector: the example checks the singular


def test_an_index_is_not_defined_as_in_index(text):
    assert "index, in index" not in text
    assert re.search(r"\bindex; ", text)  # the index indicator's definition is still there


def test_no_round_brackets_within_round_brackets(text):
    assert not re.search(r"\([^()]*\([^()]*\)[^()]*\)", text)
    assert "Mila Voorbeeld (Muziekacademie Gent [voorbeeld])" in text  # the sign-up with its organisation


def test_percentages_are_written_one_way(text):
    """26,9%: a comma, no space before the sign (formatting.percent); never 26.9% or 26,9 %."""
    assert re.search(r"\d,\d%", text)
    assert not re.search(r"\d %", text)
    assert not re.search(r"\d\.\d+%", text)
