"""Blocks -> Typst source, the PDF's counterpart of html.py (and like it, run in the kernel).

Every text is written as a Typst string literal and handed to a function of the house style
(templates/beleidsplan_typst/huisstijl.typ), never as markup: in a string only the backslash and
the double quote are special, so escaping those two is all it takes for any text from a plan to be
printed as it is. Charts arrive as SVG text drawn once for all formats (html.draw_charts).
"""

from __future__ import annotations

import functools
import re

from .. import formatting as fmt
from . import TEMPLATE_DIR
from .document import (EXAMPLE_NOTE, Bullets, Cover, Facts, Figure, Note, Paragraph, Part, Subheading, Table,
                       column_widths)

# The notebook output that carries a section (or the cover) as Typst source, next to text/html.
MIME_TYPE = "text/vnd.warmestad.typst"


@functools.cache
def house_style() -> str:
    """The functions the source calls (page, cover, chapters, tables, charts), for documents made
    without the nbconvert template (the regional overview); that template includes the same file."""
    return (TEMPLATE_DIR.parent / "beleidsplan_typst" / "huisstijl.typ").read_text(encoding="utf-8")


def string(text: str) -> str:
    """A Typst string literal that shows `text` exactly, its figures never broken over two lines."""
    return '"' + fmt.unbreakable(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def array(items) -> str:
    """A Typst array; the trailing comma keeps a one-item array an array."""
    return "(" + "".join(f"{item}, " for item in items) + ")"


def _label(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", text)


def warm_up_document():
    """A small executed notebook with every kind of block and every font of the house style (bold,
    italic, the charts' SVG text): exporting and compiling it once warms a Renderer up."""
    import nbformat

    cover = Cover(gemeente="Opwarmen", nis="0", titel="Opwarmen", ondertitel="", cyclus="", datum="", versie="",
                  regio="", voorbeeld=True, gegevens=[("Gemeente", "Opwarmen")], inhoud=[])
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><text x="2" y="14" '
           'font-family="DejaVu Sans" font-weight="bold">1,5 %</text></svg>')
    section = Part("opwarmen", "1", "Opwarmen", [
        Paragraph("Tekst."), Subheading("Deel"), Bullets(["punt"]), Facts([("label", "waarde")]),
        Table(kolommen=["a", "b"], rijen=[["1", "2"]], titel="Tabel", bron="bron", rechts=[1]),
        Figure(grafiek="", data={}, titel="Grafiek", alt="Een grafiek om op te warmen.", bron="bron", svg=svg),
        Note("Nota.")])
    outputs = [nbformat.v4.new_output("display_data", data={"text/html": "<p>Opwarmen</p>", MIME_TYPE: source})
               for source in (render_cover(cover), render_section(section))]
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=outputs)])


def document_start(titel: str, gemeente: str, voorbeeld: bool) -> str:
    """The show rule that sets up the page for the rest of the document (the cover's first line)."""
    return (f"#show: beleidsdocument.with(titel: {string(titel)}, gemeente: {string(gemeente)}, "
            f"voorbeeld: {'true' if voorbeeld else 'false'})\n")


def cover_page(titel: str, gemeente: str, gegevens: list[tuple[str, str]], voorbeeld: str | None,
               contents_own_page: bool = True) -> str:
    """The title page and the table of contents (on a page of its own, or below the title)."""
    rows = array(array([string(label), string(value)]) for label, value in gegevens)
    note = string(voorbeeld) if voorbeeld else "none"
    return (f"#omslag(titel: {string(titel)}, gemeente: {string(gemeente)}, gegevens-rijen: {rows}, "
            f"voorbeeld: {note})\n#inhoud(eigen-pagina: {'true' if contents_own_page else 'false'})\n")


def render_cover(cover: Cover) -> str:
    return (document_start(cover.titel, cover.gemeente, cover.voorbeeld)
            + cover_page(cover.titel, cover.gemeente, cover.gegevens, EXAMPLE_NOTE if cover.voorbeeld else None))


def render_section(section: Part) -> str:
    """The section as Typst source; its charts drawn already (html.draw_charts)."""
    lines = [f"#hoofdstuk({string('h-' + _label(section.id))}, "
             f"{string(section.nummer)}, {string(section.titel)})"]
    lines += [_block(block) for block in section.blokken]
    return "\n".join(lines) + "\n"


def _block(block) -> str:
    if isinstance(block, Paragraph):
        return f"#alinea({string(block.tekst)})"
    if isinstance(block, Subheading):
        return f"#tussentitel({string(block.tekst)})"
    if isinstance(block, Bullets):
        return f"#opsomming({array(string(item) for item in block.items)})"
    if isinstance(block, Facts):
        return f"#gegevens({array(array([string(label), string(value)]) for label, value in block.rijen)})"
    if isinstance(block, Table):
        return (f"#tabel(kolommen: {array(string(k) for k in block.kolommen)}, "
                f"rijen: {array(array(string(c) for c in row) for row in block.rijen)}, "
                f"breedtes: {array(column_widths(block))}, titel: {string(block.titel)}, "
                f"bron-tekst: {string(block.bron)}, rechts: {array(block.rechts)}, "
                f"breed: {'true' if block.breed else 'false'})")
    if isinstance(block, Figure):
        return (f"#grafiek(svg: {string(block.svg)}, alt: {string(block.alt)}, titel: {string(block.titel)}, "
                f"bron-tekst: {string(block.bron)})")
    if isinstance(block, Note):
        return f"#nota({string(block.tekst)})"
    raise TypeError(f"unknown block {type(block).__name__}")
