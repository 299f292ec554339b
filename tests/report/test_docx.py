"""The Word file read as Word reads it: the XML parts of the .docx (zipfile + lxml). Language and fonts
of every style, the table of contents as a field Word updates on opening, rows that stay whole, the
Caption style, and the file's properties."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timedelta, timezone

import pytest
from lxml import etree

from warmestad_nb.report.document import Cover, Figure, Paragraph, Part, Subheading, Table
from warmestad_nb.report.docx import build_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/"}
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><text x="2" y="14" '
       'font-family="DejaVu Sans">1,5%</text></svg>')


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture(scope="module")
def parts() -> dict[str, etree._Element]:
    cover = Cover(gemeente="Gent", nis="44021", titel="Beleidsplan mentaal welbevinden", ondertitel="", cyclus="",
                  datum="", versie="", regio="", voorbeeld=False, gegevens=[("Gemeente", "Gent")],
                  inhoud=[("h-a", "1", "Samenvatting"), ("h-b", "2", "Actieplan")])
    sections = [
        Part("a", "1", "Samenvatting", [Paragraph("Tekst."), Subheading("Deel")]),
        Part("b", "2", "Actieplan", [
            Table(kolommen=["Actie", "Budget"], rijen=[["Actie " + str(i), "€ 1.500"] for i in range(30)],
                  titel="Acties en hun budget", bron="eigen plan", rechts=[1]),
            Figure(grafiek="", data={}, titel="Een grafiek", alt="Een grafiek met één waarde.", bron="bron", svg=SVG)]),
    ]
    before = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(seconds=1)
    data = build_docx(cover, sections)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parsed = {name: etree.fromstring(z.read(name)) for name in z.namelist() if name.endswith(".xml")}
    parsed["_before"] = before
    return parsed


def test_every_style_is_flemish_dutch(parts):
    styles = parts["word/styles.xml"]
    default = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert default.get(_w("val")) == "nl-BE"
    langs = [lang.get(_w("val")) for lang in styles.iterfind(".//w:lang", NS)]
    assert langs and set(langs) == {"nl-BE"}
    for name in ("Normal", "Heading1", "Heading2", "Title", "Caption", "TOCHeading"):
        style = styles.find(f"w:style[@w:styleId='{name}']", NS)
        assert style.find("w:rPr/w:lang", NS).get(_w("val")) == "nl-BE", name
    assert "en-US" not in etree.tostring(styles).decode()
    assert parts["word/settings.xml"].find("w:themeFontLang", NS).get(_w("val")) == "nl-BE"


def test_no_style_uses_a_theme_font(parts):
    """A theme font (asciiTheme ...) wins over a style's own font in Word: headings came out Calibri."""
    for name, root in parts.items():
        if name.startswith("word/") and not name.startswith("word/theme/"):
            for fonts in root.iterfind(".//w:rFonts", NS):
                themed = [a for a in fonts.attrib if a.endswith("Theme") or a.endswith("theme")]
                assert not themed, f"{name}: {etree.tostring(fonts).decode()}"
    heading = parts["word/styles.xml"].find("w:style[@w:styleId='Heading1']/w:rPr/w:rFonts", NS)
    assert heading.get(_w("ascii")) == heading.get(_w("hAnsi")) == "Arial"
    assert "word/stylesWithEffects.xml" not in parts


def test_contents_is_a_toc_field_with_page_numbers_updated_on_opening(parts):
    body = parts["word/document.xml"].find("w:body", NS)
    paragraphs = body.findall("w:p", NS)
    styles = [p.find("w:pPr/w:pStyle", NS) for p in paragraphs]
    styles = [s.get(_w("val")) if s is not None else "" for s in styles]
    # "Inhoud" has the TOC Heading style, not a heading of the outline before the first chapter.
    inhoud = next(i for i, p in enumerate(paragraphs) if "".join(p.itertext()) == "Inhoud")
    assert styles[inhoud] == "TOCHeading"
    assert not any(s.startswith("Heading") for s in styles[:inhoud])
    instructions = [" ".join(t.text.split()) for t in body.iterfind(".//w:instrText", NS)]
    assert instructions[0].startswith("TOC ")
    entries = [p for p, s in zip(paragraphs, styles) if s == "TOC1"]
    toc1 = parts["word/styles.xml"].find("w:style[@w:styleId='TOC1']", NS)
    assert toc1.find("w:name", NS).get(_w("val")) == "toc 1" and toc1.get(_w("customStyle")) is None  # Word's own
    shown = ["".join(e.xpath(".//w:hyperlink//w:t/text()", namespaces=NS)) for e in entries]
    assert shown == ["1. Samenvatting?", "2. Actieplan?"]  # "?" until Word fills in the page number
    bookmarks = {b.get(_w("name")) for b in body.iterfind(".//w:bookmarkStart", NS)}
    for entry in entries:  # a link to the chapter and its page number as a PAGEREF field
        anchor = entry.find("w:hyperlink", NS).get(_w("anchor"))
        assert anchor in bookmarks
        assert f"PAGEREF {anchor} \\h" in " ".join(entry.find("w:hyperlink", NS).xpath(".//w:instrText/text()",
                                                                                         namespaces=NS))
    kinds = [c.get(_w("fldCharType")) for c in body.iterfind(".//w:fldChar", NS)]
    assert kinds.count("begin") == kinds.count("end")
    update = parts["word/settings.xml"].find("w:updateFields", NS)
    assert update is not None and update.get(_w("val")) == "true"
    assert parts["word/settings.xml"].find("w:proofState", NS) is None  # Word checks the spelling itself


def test_table_rows_stay_whole_and_the_header_repeats(parts):
    body = parts["word/document.xml"].find("w:body", NS)
    tables = body.findall(".//w:tbl", NS)
    assert len(tables) >= 2  # the cover's facts and the action table
    for table in tables:
        rows = table.findall("w:tr", NS)
        assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    actions = tables[-1].findall("w:tr", NS)
    assert actions[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in actions[1:])


def test_titles_of_tables_and_charts_are_captions(parts):
    body = parts["word/document.xml"].find("w:body", NS)
    captions = ["".join(p.itertext()) for p in body.iterfind("w:p", NS)
                if p.find("w:pPr/w:pStyle[@w:val='Caption']", NS) is not None]
    assert captions == ["Acties en hun budget", "Een grafiek"]
    bold_paragraphs = [p for p in body.iterfind("w:p", NS)
                       if "".join(p.itertext()) in captions and p.find(".//w:rPr/w:b", NS) is not None]
    assert not bold_paragraphs  # the style makes them bold, not a bold run


def test_properties_say_this_plan_now_in_dutch(parts):
    core = parts["docProps/core.xml"]
    assert core.findtext("dc:title", namespaces=NS) == "Beleidsplan mentaal welbevinden - Gent"
    assert core.findtext("dc:language", namespaces=NS) == "nl-BE"
    assert "python-docx" not in etree.tostring(core).decode()
    for name in ("created", "modified"):
        stamp = datetime.fromisoformat(core.findtext(f"dcterms:{name}", namespaces=NS).replace("Z", "+00:00"))
        assert parts["_before"] <= stamp <= datetime.now(timezone.utc) + timedelta(seconds=1)
