"""Typst source -> PDF, and a chart's SVG -> PNG for Word, compiled in this process by the `typst`
package (no LaTeX, no browser).

One Typst compiler per process (`compiler`), which loads the fonts once. Only the fonts the set-up installs are used
(scripts/install-system-deps.sh; the folders are named here, the system's other fonts are not
scanned), so a PDF looks the same on every machine. Typst tags the PDF (structure for screen
readers); the default is PDF/UA-1, which Typst checks while it writes (title, alt texts, ...).
"""

from __future__ import annotations

import functools
from pathlib import Path

from ..errors import WarmeStadError

# Debian's fonts-liberation2 (text), fonts-dejavu-core (the charts' SVG text) and fonts-symbola (emoji).
FONT_FOLDERS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/dejavu"),
                Path("/usr/share/fonts/truetype/ancient-scripts"))
# Every PDF is tagged and claims PDF/UA-1: accessible by default, no option needed.
STANDARDS = ["ua-1"]


@functools.cache
def compiler():
    import typst

    missing = [str(f) for f in FONT_FOLDERS if not f.is_dir()]
    if missing:
        raise WarmeStadError(f"De lettertypen voor de PDF ontbreken (map {', '.join(missing)}). Installeer ze "
                             f"met ./scripts/install-system-deps.sh.")
    fonts = typst.Fonts(include_system_fonts=False, font_paths=[str(f) for f in FONT_FOLDERS])
    return typst.Compiler(font_paths=fonts, ignore_system_fonts=True)


class PdfCompiler:
    def __init__(self):
        compiler()  # the fonts are loaded now, not during the first document

    def render(self, source: str) -> bytes:
        return compiler().compile(source.encode(), format="pdf", pdf_standards=STANDARDS)


def svg_to_png(svg: str, width_cm: float, ppi: int = 150) -> bytes:
    """A chart's SVG as PNG (Word shows no SVG without one), rasterised by Typst: not drawn again."""
    from .typst_markup import string

    source = (f'#set page(width: auto, height: auto, margin: 0pt)\n'
              f'#image(bytes({string(svg)}), format: "svg", width: {width_cm}cm)\n')
    return compiler().compile(source.encode(), format="png", ppi=ppi)
