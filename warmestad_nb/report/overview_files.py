"""The regional overview's files: their names and formats, and writing them.

Light imports only: the batch coordinator checks these files and a batch worker publishes them
without importing pandas and matplotlib (report/overview.py builds the content).
"""

from __future__ import annotations

from pathlib import Path

from ..files import atomic_write

OVERVIEW_BASENAME = "regio-overzicht"
OVERVIEW_FORMATS = ("html", "pdf")


def save_overview(out: Path, pages: dict[str, str], formats: tuple[str, ...], render_pdf) -> dict[str, Path]:
    """Write <out>/regio-overzicht.{html,pdf}; each file appears complete or not at all.

    pages: {"html": the page, "typst": the PDF's source}; render_pdf(source) -> bytes: the PDF
    compiler (a batch worker brings its warm one)."""
    files = {"html": pages["html"].encode()} if "html" in formats else {}
    if "pdf" in formats:
        files["pdf"] = render_pdf(pages["typst"])
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for ext, data in files.items():
        paths[ext] = out / f"{OVERVIEW_BASENAME}.{ext}"
        atomic_write(paths[ext], data)
    return paths
