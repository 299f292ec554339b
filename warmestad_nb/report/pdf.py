"""HTML -> PDF with WeasyPrint (no LaTeX, no browser).

Reuse one PdfRenderer: it keeps WeasyPrint's font configuration between documents. The default
output is a tagged PDF (structure for screen readers); `variant="pdf/ua-1"` asks WeasyPrint for
PDF/UA-1.
"""

from __future__ import annotations

import contextlib
import gc
from pathlib import Path


class PdfRenderer:
    def __init__(self, tagged: bool = True, variant: str | None = None):
        from weasyprint.text.fonts import FontConfiguration

        self.fonts = FontConfiguration()
        self.options = {"pdf_tags": tagged, "pdf_variant": variant, "uncompressed_pdf": False}

    def render(self, html: str, base_url: Path | None = None) -> bytes:
        from weasyprint import HTML

        with collector_paused():
            document = HTML(string=html, base_url=str(base_url) if base_url else None)
            return document.write_pdf(font_config=self.fonts, **self.options)


@contextlib.contextmanager
def collector_paused():
    """Python's cyclic garbage collector off for a while.

    WeasyPrint builds a large graph of boxes that all stay alive until the PDF is written; the
    collector would scan it again and again for nothing (about a fifth of a document's time).
    What it leaves behind is collected as usual afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
