"""Typst source -> PDF, compiled in this process by the `typst` package (no LaTeX, no browser).

Reuse one PdfCompiler: it loads the fonts once. Only the fonts the set-up installs are used
(scripts/install-system-deps.sh; the folders are named here, the system's other fonts are not
scanned), so a PDF looks the same on every machine. Typst tags the PDF (structure for screen
readers); the default is PDF/UA-1, which Typst checks while it writes (title, alt texts, ...).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import WarmeStadError

# Debian's fonts-liberation2 (text), fonts-dejavu-core (the charts' SVG text) and fonts-symbola (emoji).
FONT_FOLDERS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/dejavu"),
                Path("/usr/share/fonts/truetype/ancient-scripts"))
STANDARDS = {None: ["ua-1"], "pdf/ua-1": ["ua-1"]}


class PdfCompiler:
    def __init__(self, variant: str | None = None):
        import typst

        missing = [str(f) for f in FONT_FOLDERS if not f.is_dir()]
        if missing:
            raise WarmeStadError(f"De lettertypen voor de PDF ontbreken (map {', '.join(missing)}). Installeer ze "
                                 f"met ./scripts/install-system-deps.sh.")
        if variant not in STANDARDS:
            raise WarmeStadError(f"Onbekende PDF-variant '{variant}'. Kies uit: pdf/ua-1.")
        fonts = typst.Fonts(include_system_fonts=False, font_paths=[str(f) for f in FONT_FOLDERS])
        self.compiler = typst.Compiler(font_paths=fonts, ignore_system_fonts=True)
        self.standards = STANDARDS[variant]

    def render(self, source: str) -> bytes:
        return self.compiler.compile(source.encode(), format="pdf", pdf_standards=self.standards)
