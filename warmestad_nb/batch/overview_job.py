"""The regional overview as a task of a batch worker.

A worker builds the overview's page in its warm kernel, which has pandas and matplotlib loaded
already (`stage` runs there and leaves the page in a hidden folder), then renders the PDF with its
own warm renderer and publishes the files (`publish`). A process of its own for the overview cost
about as much start-up as a worker.

Light imports only: the coordinator and the workers import this module, and they stay free of
pandas and matplotlib.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..report.failures import OVERVIEW, fails_as
from ..report.overview_files import OVERVIEW_BASENAME, save_overview

_PAGES = {"html": f"{OVERVIEW_BASENAME}.html", "typst": f"{OVERVIEW_BASENAME}.typ"}
_PROBLEMS = "telt-niet-mee.json"  # a Dutch line per plan that does not count


def kernel_code(plans: list[str], datum: str, folder: Path) -> str:
    """The code a worker's kernel runs to stage the overview's page in `folder`.

    Absolute paths: the kernel works in another folder (notebooks/) than the command."""
    plans = [str(Path(p).resolve()) for p in plans]
    return (f"__import__('warmestad_nb.batch.overview_job', fromlist=['stage'])"
            f".stage({plans!r}, {datum!r}, {str(Path(folder).resolve())!r})")


@fails_as(OVERVIEW)  # the worker reads the failure's fields, not its text
def stage(plans: list[str], datum: str, folder: str) -> None:
    """In the kernel: build the page and the PDF's source and leave them, with the plans that do not
    count, in `folder`."""
    from datetime import date

    from ..report.overview import build_overview

    pages, written = build_overview([Path(p) for p in plans], date.fromisoformat(datum) if datum else None)
    for kind, name in _PAGES.items():
        (Path(folder) / name).write_text(pages[kind], encoding="utf-8")
    (Path(folder) / _PROBLEMS).write_text(json.dumps(written.problems), encoding="utf-8")


def publish(folder: Path, out: Path, formats: tuple[str, ...], render_pdf) -> tuple[dict[str, Path], list[str]]:
    """In the worker: write the staged page (and its PDF) to `out`; ({format: path}, problems)."""
    try:
        pages = {kind: (folder / name).read_text(encoding="utf-8") for kind, name in _PAGES.items()}
        problems = json.loads((folder / _PROBLEMS).read_text(encoding="utf-8"))
        return save_overview(out, pages, formats, render_pdf), problems
    finally:
        shutil.rmtree(folder, ignore_errors=True)
