"""What notebooks/beleidsplan.ipynb calls: the cover and each section as a notebook output.

An output carries three representations: text/html (what the HTML template shows), Typst source
(typst_markup.MIME_TYPE, what the Typst template puts in the PDF) and the section as JSON
(MIME_TYPE, what the DOCX is built from). A section's charts are drawn once, as SVG, for all three.
Jupyter displays any object with `_repr_mimebundle_`; `toon` shows them all from one cell and names
the part that fails.
"""

from __future__ import annotations

from ..store import read_plan
from .document import MIME_TYPE, Cover, Part
from .failures import COVER, PLAN, PartFailed, fails_as
from . import html, typst_markup
from ..analysis.open_points import refuse_final_with_open_points
from .outline import check_language_level, chosen_chapters, is_final, numbering, parse_date
from .sections import build_cover, build_section
from .sections.common import Context

class Output:
    def __init__(self, kind: str, html: str, typst: str, data: dict):
        self.kind, self.html, self.typst, self.data = kind, html, typst, data

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html, typst_markup.MIME_TYPE: self.typst,
                MIME_TYPE: {"soort": self.kind, **self.data}}, {}


class Beleidsplan:
    """The document for one plan file: the cover and the chosen chapters, as notebook outputs."""

    @fails_as(PLAN)
    def __init__(self, plan: str, secties: str = "alle", taalniveau: str = "standaard", datum: str = "",
                 versie: str = ""):
        self.plan = read_plan(plan)
        if is_final(versie):  # also for a batch or a notebook run, not only the command
            refuse_final_with_open_points(plan, self.plan)
        self.chapters = chosen_chapters(secties)
        self.numbers = numbering(self.chapters)
        self.ctx = Context(self.plan, check_language_level(taalniveau), versie)
        self.datum = parse_date(datum)
        self.versie = versie

    def toon(self) -> None:
        """Show the cover and every chosen chapter, in order (the whole document, from one cell).

        A part that fails raises PartFailed, which names it: the runner reads its fields back."""
        from IPython.display import display

        parts = [(COVER, self.omslag)] + [(c.id, lambda c=c: self.sectie(c.id)) for c in self.chapters]
        for part, build in parts:
            try:
                output = build()
            except Exception as exc:
                raise PartFailed(part, exc) from exc
            display(output)

    def omslag(self) -> Output:
        cover: Cover = build_cover(self.ctx, self.chapters, self.datum, self.versie)
        return Output("omslag", html.render_cover(cover), typst_markup.render_cover(cover), cover.to_dict())

    def sectie(self, section_id: str) -> Output | None:
        """The section as an output, or None (nothing shown) when it was not chosen."""
        chapter = next((s for s in self.chapters if s.id == section_id), None)
        if chapter is None:
            return None
        section: Part = build_section(self.ctx, chapter, self.numbers[chapter.id])
        html.draw_charts(section)
        return Output("sectie", html.render_section(section), typst_markup.render_section(section), section.to_dict())
