"""The structured content of the policy plan: sections made of a few kinds of plain blocks.

HTML and Typst (in the notebook) and DOCX (from the executed notebook) are all rendered from these
blocks, so the documents always say the same. Blocks hold plain text only; renderers escape it.
A block serialises to a dict with a "soort" key, so a section travels as JSON in the notebook.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar

# The notebook output that carries a section (or the cover) as JSON, next to its text/html.
MIME_TYPE = "application/vnd.warmestad.beleidsplan+json"

# On the cover of an example plan, in every format.
EXAMPLE_NOTE = ("Dit plan is een voorbeeld om het werkboek te leren kennen. De cijfers uit officiële bronnen zijn "
                "echt; personen, acties, budgetten en bevragingen zijn verzonnen.")


@dataclass
class Paragraph:
    soort: ClassVar[str] = "alinea"
    tekst: str


@dataclass
class Subheading:
    soort: ClassVar[str] = "tussentitel"
    tekst: str


@dataclass
class Bullets:
    soort: ClassVar[str] = "opsomming"
    items: list[str]


@dataclass
class Facts:
    """Label-value pairs (a definition list)."""

    soort: ClassVar[str] = "feiten"
    rijen: list[tuple[str, str]]


@dataclass
class Table:
    soort: ClassVar[str] = "tabel"
    kolommen: list[str]
    rijen: list[list[str]]
    titel: str = ""
    bron: str = ""
    rechts: list[int] = field(default_factory=list)  # indexes of numeric columns (right-aligned)
    breed: bool = False  # many columns: smaller type


def column_widths(table: Table) -> list[float]:
    """Column widths in % from the text they hold, for every format (HTML, PDF and Word).

    HTML tables get these widths as column hints (on a phone a table keeps the width its words need
    and scrolls sideways), the PDF's and Word's tables the same, so a column is as wide in every
    format. Each column gets at
    least its longest word (numbers: their whole text); the rest of the line goes to the columns
    with long text.
    """
    budget = 100 if table.breed else 85  # characters that fit on one line of the A4 text width (measured)
    minimum, wanted = [], []
    for i, header in enumerate(table.kolommen):
        cells = [row[i] for row in table.rijen]
        if i in table.rechts:
            longest = max([len(c) for c in cells] + [len(w) * 1.15 for w in header.split()])
        else:
            longest = max([len(w) for c in cells for w in c.split()] + [len(w) * 1.15 for w in header.split()])
        minimum.append(longest + 3)
        mean = sum(len(c) for c in cells) / len(cells) if cells else 0
        wanted.append(max(mean + 2, minimum[-1]))
    free = budget - sum(minimum)
    extra = sum(w - m for w, m in zip(wanted, minimum))
    if free > 0 and extra > 0:
        widths = [m + free * (w - m) / extra for w, m in zip(wanted, minimum)]
    else:
        widths = minimum
    total = sum(widths)
    return [round(100 * w / total, 1) for w in widths]


@dataclass
class Figure:
    """A chart from charts/report.py by name, with JSON data; drawn once as SVG (html.draw_charts)
    and that SVG used by every format: HTML, the PDF, and Word (as PNG, made from the SVG)."""

    soort: ClassVar[str] = "figuur"
    grafiek: str
    data: dict[str, Any]
    titel: str
    alt: str
    bron: str
    svg: str = ""


@dataclass
class Note:
    """Something the plan does not contain yet, said in one line."""

    soort: ClassVar[str] = "nota"
    tekst: str


BLOCK_TYPES = {cls.soort: cls for cls in (Paragraph, Subheading, Bullets, Facts, Table, Figure, Note)}
Block = Paragraph | Subheading | Bullets | Facts | Table | Figure | Note


@dataclass
class Part:
    """A chapter of the policy plan or of the regional overview, as blocks. (The step pages show blocks
    without a chapter around them; the one class named Section is a part of a step page, widgets/common.py.)"""

    id: str
    nummer: str  # "3" or "" for unnumbered parts (cover, annex letter)
    titel: str
    blokken: list[Block] = field(default_factory=list)

    @property
    def kop(self) -> str:
        return f"{self.nummer}. {self.titel}" if self.nummer else self.titel

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "nummer": self.nummer,
            "titel": self.titel,
            "blokken": [{"soort": b.soort, **asdict(b)} for b in self.blokken],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Part":
        blocks = []
        for raw in data["blokken"]:
            block_type = BLOCK_TYPES[raw["soort"]]
            names = {f.name for f in fields(block_type)}
            block = block_type(**{k: v for k, v in raw.items() if k in names})
            if isinstance(block, Facts):
                block.rijen = [tuple(r) for r in block.rijen]
            blocks.append(block)
        return cls(id=data["id"], nummer=data["nummer"], titel=data["titel"], blokken=blocks)


@dataclass
class Cover:
    """The title page and the running header."""

    gemeente: str
    nis: str
    titel: str
    ondertitel: str
    cyclus: str
    datum: str
    versie: str
    regio: str
    voorbeeld: bool
    gegevens: list[tuple[str, str]]
    inhoud: list[tuple[str, str, str]]  # (anchor id, number, title) for the table of contents

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Cover":
        data = dict(data)
        data["gegevens"] = [tuple(r) for r in data["gegevens"]]
        data["inhoud"] = [tuple(r) for r in data["inhoud"]]
        return cls(**data)


def content_from_notebook(nb) -> tuple[Cover, list[Part]]:
    cover, sections = None, []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {}).get(MIME_TYPE)
            if not data:
                continue
            data = dict(data)
            kind = data.pop("soort")
            if kind == "omslag":
                cover = Cover.from_dict(data)
            else:
                sections.append(Part.from_dict(data))
    if cover is None:
        raise ValueError("the executed notebook has no cover output")
    return cover, sections
