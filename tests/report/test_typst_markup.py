"""Text from a plan reaches the PDF as text: Typst's own special characters are never read as markup
or code, in every kind of block (typst_markup writes each text as a string literal)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from warmestad_nb.report import typst_markup
from warmestad_nb.report.document import Bullets, Facts, Figure, Note, Paragraph, Part, Subheading, Table
from warmestad_nb.report.typst_pdf import PdfCompiler

pytestmark = pytest.mark.slow

# Markup, code, math, labels, references, comments, raw text, escapes and quotes in Typst.
HOSTILE = ['#set page(width: 1cm)', '$x^2$', '*vet* _schuin_', '@ref <label>', '// niet weg', '/* ook niet */',
           '`raw`', '\\"ontsnapt\\"', '"dubbel"', "= kop", '- punt', '[inhoud] {code}', '#panic("boem")', 'C:\\map\\']
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20"><rect width="100" height="20" '
       'fill="#0b5394"/></svg>')


def _document(texts: list[str]) -> str:
    a, b = texts[0], texts[1]
    section = Part("test", "1", a, [
        Paragraph(" ".join(texts)), Subheading(a), Bullets(texts), Facts([(a, b)]),
        Table(kolommen=[a, b], rijen=[[t, t] for t in texts], titel=a, bron=b),
        Figure(grafiek="x", data={}, titel=a, alt=b, bron=a, svg=SVG), Note(b)])
    return (typst_markup.house_style() + typst_markup.document_start(a, b, voorbeeld=False)
            + typst_markup.cover_page(a, b, [(a, b)], voorbeeld=None) + typst_markup.render_section(section))


def test_typst_special_characters_are_printed_as_they_are():
    pdf = PdfCompiler().render(_document(HOSTILE))
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for piece in HOSTILE:
        assert " ".join(piece.split()) in text, piece
    assert reader.metadata.title == f"{HOSTILE[0]} - {HOSTILE[1]}"
    assert all(page.mediabox.width > 500 for page in reader.pages)  # the page set-up in a text did nothing


def test_an_amount_or_a_date_is_never_broken_over_two_lines_of_the_pdf():
    """Gent's summary printed "(samen €" at the end of a line and "703.500" on the next."""
    assert typst_markup.string("samen € 703.500 op 3 maart 2026, 27,1 % en 2026 - 2031") == (
        '"samen €\u00a0703.500 op 3\u00a0maart\u00a02026, 27,1\u00a0% en 2026\u00a0-\u00a02031"')
