"""The batch report: a summary on screen and <MAP>/batch-verslag.html and .json.

Every failed plan is listed with the part that failed and the Dutch reason. The HTML is rendered with
Jinja autoescape: plan file names and reasons may contain anything.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..files import atomic_write
from .. import formatting as fmt
from .inputs import ROOT
from .progress import duration_nl
from .runner import BatchResult, result_dict

TEMPLATE_DIR = ROOT / "templates" / "batch"
REPORT_NAME = "batch-verslag"
STATUS_NL = {"gemaakt": "gemaakt", "mislukt": "mislukt", "actueel": "al actueel", "onderbroken": "niet gemaakt (onderbroken)"}


@functools.cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def write_report(result: BatchResult) -> dict[str, Path]:
    data = result_dict(result)
    paths = {"json": result.out / f"{REPORT_NAME}.json", "html": result.out / f"{REPORT_NAME}.html"}
    atomic_write(paths["json"], json.dumps(data, ensure_ascii=False, indent=2).encode())
    html = _environment().get_template("verslag.html.j2").render(
        r=data, status_nl=STATUS_NL, duur=duration_nl(result.seconds), link=lambda path: _link(path, result.out),
        gestart=f"{fmt.day(result.started.date())} om {result.started:%H:%M}")
    atomic_write(paths["html"], html.encode())
    return paths


def _link(path: str, folder: Path) -> str:
    """A link from the report (in `folder`) to a document: relative, so the folder can be moved."""
    return quote(os.path.relpath(path, folder).replace(os.sep, "/"))


def headline(result: BatchResult) -> str:
    made, failed, current = result.count("gemaakt"), result.count("mislukt"), result.count("actueel")
    parts = [f"{made} beleidsplan{'nen' if made != 1 else ''} gemaakt", f"{failed} mislukt", f"{current} al actueel"]
    if result.interrupted:
        parts.append(f"{result.count('onderbroken')} niet gemaakt")
        who = ("omdat u de batch stopte (Ctrl-C)" if result.stop_signal == "SIGINT"
               else f"door een stopsignaal ({result.stop_signal or 'SIGTERM'})")
        return f"Onderbroken na {duration_nl(result.seconds)} {who}: " + ", ".join(parts) + "."
    return f"Klaar in {duration_nl(result.seconds)}: " + ", ".join(parts) + "."


def print_summary(result: BatchResult, report: dict[str, Path], stream) -> None:
    print(headline(result), file=stream)
    failed = [p for p in result.plans if p.status == "mislukt"]
    if failed:
        print("Mislukt:", file=stream)
        for p in failed:
            print(f"  {p.gemeente or Path(p.plan).name} ({p.plan}): {p.deel}", file=stream)
            for line in p.reden.splitlines():
                print(f"      {line}", file=stream)
    if result.interrupted:
        print("Een nieuwe run maakt enkel de ontbrekende en verouderde plannen.", file=stream)
    if result.kernels_killed:
        print(f"{result.kernels_killed} rekenkern(en) stopte(n) niet vanzelf en werd(en) afgesloten.", file=stream)
    if result.overview:
        skipped = len(result.overview_skipped)
        note = f" ({skipped} {'plan telt' if skipped == 1 else 'plannen tellen'} niet mee: zie het overzicht)" if skipped else ""
        print("Regio-overzicht: " + ", ".join(result.overview.values()) + note, file=stream)
    if result.overview_problem:
        print(f"Regio-overzicht niet gemaakt: {result.overview_problem}", file=stream)
    print(f"Verslag: {report['html']} en {report['json']}", file=stream)
