"""HTML -> PDF with WeasyPrint (no LaTeX, no browser).

Reuse one PdfRenderer: it keeps WeasyPrint's font configuration between documents. The default
output is a tagged PDF (structure for screen readers); `variant="pdf/ua-1"` asks WeasyPrint for
PDF/UA-1.
"""

from __future__ import annotations

from pathlib import Path


class PdfRenderer:
    def __init__(self, tagged: bool = True, variant: str | None = None):
        from weasyprint.text.fonts import FontConfiguration

        self.fonts = FontConfiguration()
        self.options = {"pdf_tags": tagged, "pdf_variant": variant, "uncompressed_pdf": False}

    def render(self, html: str, base_url: Path | None = None) -> bytes:
        from weasyprint import HTML

        document = HTML(string=html, base_url=str(base_url) if base_url else None)
        return document.write_pdf(font_config=self.fonts, **self.options)
