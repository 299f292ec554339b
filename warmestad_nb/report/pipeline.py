"""One plan -> <out>/<nis>-<name>/beleidsplan.{html,pdf,docx} and the executed notebook.

All or nothing: every file is first written into a hidden temporary folder next to the target and
only moved into place (one rename per file) once all formats succeeded, so a failure leaves the
previous documents untouched and no half-written file behind.

For many plans, build the Renderer once (two nbconvert exporters, one Typst compiler with its fonts)
and pass a Kernel per plan (see execute.py).
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import WarmeStadError
from ..files import dutch_write_errors, signals_deferred
from ..ids import new_id
from .document import content_from_notebook
from .execute import Kernel, execute
from .failures import DOCX, FILES, HTML, PDF, step

FORMATS = ("html", "pdf", "docx")
BASENAME = "beleidsplan"


def parse_formats(text: str) -> tuple[str, ...]:
    wanted = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise WarmeStadError(f"Onbekend formaat '{', '.join(unknown) or text}'. Kies uit: {', '.join(FORMATS)} "
                             f"(gescheiden door komma's, bv. html,pdf).")
    return tuple(f for f in FORMATS if f in wanted)


def plan_folder(out: Path, nis: str, name: str) -> Path:
    return Path(out) / f"{nis}-{new_id([], name)}"


@dataclass
class Renderer:
    """Reusable exporters; each is created on first use (a DOCX-only run never loads Typst)."""

    formats: tuple[str, ...] = FORMATS
    # Processor time of this process while the PDF compiles, all documents so far: Typst compiles in
    # threads of its own, which the calling thread's clock does not see. In a batch worker it also
    # counts what the worker's notebook thread does meanwhile, so it is an upper bound there.
    pdf_seconds: float = 0.0
    _html: object = field(default=None, repr=False)
    _typst: object = field(default=None, repr=False)
    _pdf: object = field(default=None, repr=False)

    def _html_exporter(self):
        if self._html is None:
            from .export import HtmlExporter

            self._html = HtmlExporter()
        return self._html

    def _typst_exporter(self):
        if self._typst is None:
            from .typst_export import TypstExporter

            self._typst = TypstExporter()
        return self._typst

    def _pdf_renderer(self):
        if self._pdf is None:
            from .typst_pdf import PdfCompiler

            self._pdf = PdfCompiler()
        return self._pdf

    def html(self, nb) -> str:
        return self._html_exporter().export(nb)

    def typst(self, nb) -> str:
        return self._typst_exporter().export(nb)

    def pdf(self, source: str) -> bytes:
        """Typst source (self.typst(nb), or the regional overview's) -> PDF."""
        started = time.process_time()
        try:
            return self._pdf_renderer().render(source)
        finally:
            self.pdf_seconds += time.process_time() - started

    def warm_up(self) -> None:
        """Import and build the exporters now, e.g. while a kernel starts in its own process.

        Each is used once on a small document too: a first export compiles nbconvert's templates
        and a first Typst compile loads the fonts and the house style (measured: 0.15 s and 0.25 s
        of a single plan's time), work that is then done while the kernel boots."""
        from .typst_markup import warm_up_document

        if "html" in self.formats:
            self.html(warm_up_document())
        if "pdf" in self.formats:
            self._pdf_renderer().render(self._typst_exporter().export(warm_up_document()))
        if "docx" in self.formats:
            from . import docx  # noqa: F401
        # What was just imported and built lives as long as the process: keep it out of the
        # garbage collector's scans from now on (they slowed each document down).
        gc.freeze()


def render_plan(plan_path: str | Path, out: str | Path, renderer: Renderer, *, kernel: Kernel | None = None,
                parameters: dict | None = None) -> dict[str, Path]:
    """Write the documents for one plan; returns {format: path} including "ipynb"."""
    # The kernel reads and checks the plan (a bad file fails there with its Dutch message); the
    # rapport command has read every plan once before any kernel started, for a fast answer.
    nb = execute(plan_path, kernel=kernel, parameters=parameters)
    return write_documents(nb, out, renderer)


def write_documents(nb, out: str | Path, renderer: Renderer) -> dict[str, Path]:
    """The documents of an executed notebook (the batch runs the next plan meanwhile)."""
    import nbformat

    cover, _ = content_from_notebook(nb)
    target = plan_folder(Path(out), cover.nis, cover.gemeente)
    files: dict[str, bytes] = {"ipynb": nbformat.writes(nb).encode()}
    if "html" in renderer.formats:
        with step(HTML):
            files["html"] = renderer.html(nb).encode()
    if "pdf" in renderer.formats:
        with step(PDF):
            files["pdf"] = renderer.pdf(renderer.typst(nb))
    if "docx" in renderer.formats:
        from .docx import build_docx

        with step(DOCX):
            files["docx"] = build_docx(*content_from_notebook(nb))
    with step(FILES), dutch_write_errors(target):  # a full disk or a folder without write permission, in Dutch
        return _publish(target, files)


def _publish(target: Path, files: dict[str, bytes]) -> dict[str, Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        for ext, data in files.items():
            with open(staging / f"{BASENAME}.{ext}", "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        target.mkdir(exist_ok=True)
        paths = {}
        with signals_deferred():  # Ctrl-C never leaves a mix of new and old files
            for ext in files:
                final = target / f"{BASENAME}.{ext}"
                os.replace(staging / final.name, final)
                paths[ext] = final
        return paths
    finally:
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(staging)
