"""The policy plan as a Word document (python-docx), built from the same structured content.

The executed notebook carries every section as JSON next to its HTML (document.MIME_TYPE); this
module reads that JSON, not the HTML. python-docx rather than pandoc: pandoc is not on the machine
and not on PyPI as a plain wheel here, and python-docx gives real Word headings, tables with a
repeating header row and fields (table of contents, page numbers) that a municipality can edit.
Charts become PNG, rasterised from the SVG the kernel drew (typst_pdf.svg_to_png): Word cannot show
SVG without a PNG fallback, and drawing each chart a second time with matplotlib cost more.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .document import (EXAMPLE_NOTE, Bullets, Cover, Facts, Figure, Note, Paragraph, Section, Subheading, Table,
                       column_widths, content_from_notebook)
from .typst_pdf import svg_to_png

ACCENT = RGBColor(0x0B, 0x53, 0x94)
WARN = RGBColor(0xA6, 0x1B, 0x1B)
MUTED = RGBColor(0x52, 0x60, 0x6D)
TEXT_WIDTH_CM = 17.4  # A4 minus the margins set in _page_setup


def docx_from_notebook(nb) -> bytes:
    cover, sections = content_from_notebook(nb)
    return build_docx(cover, sections)


def build_docx(cover: Cover, sections: list[Section]) -> bytes:
    doc = Document()
    _page_setup(doc, cover)
    _styles(doc)
    _cover(doc, cover)
    _contents(doc, cover)
    for section in sections:
        _section(doc, section)
    props = doc.core_properties
    props.title = f"{cover.titel} - {cover.gemeente}"
    props.subject = "Warme Steden & Gemeenten"
    props.author = "Warme Stad-werkboek"
    props.language = "nl-BE"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _page_setup(doc, cover: Cover) -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm((21 - TEXT_WIDTH_CM) / 2)
    sec.top_margin, sec.bottom_margin = Cm(2.4), Cm(2.0)
    sec.different_first_page_header_footer = True  # no header on the title page
    header = sec.header.paragraphs[0]
    header.text = f"{cover.gemeente} - {cover.titel}"
    _small(header, MUTED)
    footer = sec.footer.paragraphs[0]
    if cover.voorbeeld:
        _small(footer.add_run("VOORBEELD    "), WARN, bold=True)
    _small(footer.add_run("pagina "), MUTED)
    _field(footer, "PAGE", "1")
    _small(footer.add_run(" van "), MUTED)
    _field(footer, "NUMPAGES", "1")


def _small(target, color, bold=False) -> None:
    runs = target.runs if hasattr(target, "runs") else [target]
    for run in runs:
        run.font.size = Pt(8)
        run.font.color.rgb = color
        run.font.bold = bold


def _field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (page number, table of contents); Word updates `shown` when it opens or prints."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", shown), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        elif kind == "text":
            for i, line in enumerate(text.split("\n")):  # a line break in Word is a <w:br/>, not "\n"
                if i:
                    run._r.append(OxmlElement("w:br"))
                el = OxmlElement("w:t")
                el.set(qn("xml:space"), "preserve")
                el.text = line
                run._r.append(el)
            continue
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
    run.font.size = Pt(8)
    run.font.color.rgb = MUTED


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"  # Word has Arial; LibreOffice shows it as Liberation Sans
    normal.font.size = Pt(10)
    for name, size in (("Heading 1", 16), ("Heading 2", 12.5), ("Title", 26)):
        style = doc.styles[name]
        style.font.color.rgb = ACCENT
        style.font.size = Pt(size)
        style.font.name = "Arial"
    doc.styles["Heading 1"].paragraph_format.page_break_before = True
    doc.styles["Heading 2"].paragraph_format.keep_with_next = True


def _cover(doc, cover: Cover) -> None:
    doc.add_paragraph()
    if cover.voorbeeld:
        p = doc.add_paragraph()
        run = p.add_run("VOORBEELD")
        run.bold, run.font.size, run.font.color.rgb = True, Pt(26), WARN
        note = doc.add_paragraph(EXAMPLE_NOTE)
        note.runs[0].font.color.rgb = WARN
    p = doc.add_paragraph()
    run = p.add_run("WARME STEDEN & GEMEENTEN")
    run.bold, run.font.color.rgb = True, MUTED
    doc.add_paragraph(cover.titel, style="Title")
    p = doc.add_paragraph()
    run = p.add_run(cover.gemeente)
    run.bold, run.font.size = True, Pt(18)
    _facts(doc, cover.gegevens)


def _contents(doc, cover: Cover) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("Inhoud", style="Heading 2")
    p = doc.add_paragraph()
    listing = "\n".join(f"{number} {title}".strip() for _, number, title in cover.inhoud)
    _field(p, 'TOC \\o "1-1" \\h \\z \\u', listing)
    for run in p.runs:
        run.font.size, run.font.color.rgb = Pt(10), RGBColor(0, 0, 0)
    hint = doc.add_paragraph("Klik in Word met de rechtermuisknop op de inhoud en kies 'Veld bijwerken' voor de "
                             "paginanummers.")
    _small(hint, MUTED)


def _section(doc, section: Section) -> None:
    doc.add_heading(section.kop, level=1)
    for block in section.blokken:
        if isinstance(block, Paragraph):
            doc.add_paragraph(block.tekst)
        elif isinstance(block, Subheading):
            doc.add_heading(block.tekst, level=2)
        elif isinstance(block, Bullets):
            for item in block.items:
                doc.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Facts):
            _facts(doc, block.rijen)
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Figure):
            _figure(doc, block)
        elif isinstance(block, Note):
            doc.add_paragraph().add_run(block.tekst).italic = True


def _facts(doc, rows) -> None:
    table = doc.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(5), Cm(TEXT_WIDTH_CM - 5)
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)


def _caption(doc, text: str) -> None:
    p = doc.add_paragraph()
    p.add_run(text).bold = True
    p.paragraph_format.keep_with_next = True


def _source(doc, text: str) -> None:
    p = doc.add_paragraph()
    _small(p.add_run(f"Bron: {text}"), MUTED)


def _table(doc, block: Table) -> None:
    if block.titel:
        _caption(doc, block.titel)
    table = doc.add_table(rows=1, cols=len(block.kolommen))
    table.style = "Light Grid Accent 1"
    table.autofit = False
    widths = [Cm(TEXT_WIDTH_CM * pct / 100) for pct in column_widths(block)]  # the same as in the HTML
    for column, width in zip(table.columns, widths):
        column.width = width
    header = table.rows[0]
    _repeat_header(header)
    for cell, text in zip(header.cells, block.kolommen):
        cell.paragraphs[0].add_run(text).bold = True
    size = Pt(8) if block.breed else Pt(9)
    for row in block.rijen:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.paragraphs[0].add_run(text).font.size = size
    for row in table.rows:  # Word takes the widths from the cells, LibreOffice from the columns
        for cell, width in zip(row.cells, widths):
            cell.width = width
    if block.bron:
        _source(doc, block.bron)


def _repeat_header(row) -> None:
    """Word repeats a row marked tblHeader at the top of every page the table runs onto."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _figure(doc, block: Figure) -> None:
    doc.add_picture(io.BytesIO(svg_to_png(block.svg, width_cm=16)), width=Cm(16))
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    inline = doc.inline_shapes[-1]._inline
    inline.docPr.set("descr", block.alt)  # alt text for screen readers
    _caption(doc, block.titel)
    _source(doc, block.bron)
