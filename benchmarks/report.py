"""Benchmark: one plan's HTML + PDF through `warmestad rapport` against the plain command-line tools.

Both ways run here, in the same run, from a fresh process each (what a user would type):
  ours:  warmestad rapport <plan> --formaat html,pdf
  plain: papermill notebooks/beleidsplan.ipynb ... ; jupyter nbconvert --to html --no-input
         --template beleidsplan ... ; weasyprint beleidsplan.html beleidsplan.pdf
Prints the median wall time of each over --rondes rounds (alternating, so both see the same load)
and the ratio. Usage: python benchmarks/report.py [plan] [--rondes 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NOTEBOOK = ROOT / "notebooks" / "beleidsplan.ipynb"
DATE = "2026-11-01"


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _timed(commands: list[list[str]]) -> float:
    start = time.perf_counter()
    for command in commands:
        subprocess.run(command, check=True, env=_env(), cwd=ROOT, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def ours(plan: Path, out: Path) -> list[list[str]]:
    return [[sys.executable, "-m", "warmestad_nb.cli", "rapport", str(plan), "--formaat", "html,pdf",
             "--uit", str(out), "--datum", DATE]]


def plain(plan: Path, out: Path) -> list[list[str]]:
    executed = out / "beleidsplan.ipynb"
    return [
        [str(BIN / "papermill"), str(NOTEBOOK), str(executed), "-p", "plan", str(plan.resolve()),
         "-p", "datum", DATE, "--cwd", str(NOTEBOOK.parent), "--no-progress-bar"],
        [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", "--template", "beleidsplan",
         f"--TemplateExporter.extra_template_basedirs={ROOT / 'templates'}", str(executed),
         "--output", "beleidsplan"],
        [str(BIN / "weasyprint"), str(out / "beleidsplan.html"), str(out / "beleidsplan.pdf")],
    ]


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", default=str(ROOT / "data" / "voorbeelden" / "44021-gent.yaml"))
    parser.add_argument("--rondes", type=int, default=3)
    args = parser.parse_args()
    plan = Path(args.plan)
    times: dict[str, list[float]] = {"warmestad rapport": [], "papermill + nbconvert + weasyprint": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "plain").mkdir()
        for _ in range(args.rondes):
            times["warmestad rapport"].append(_timed(ours(plan, tmp / "ours")))
            times["papermill + nbconvert + weasyprint"].append(_timed(plain(plan, tmp / "plain")))
        ours_pdf = next((tmp / "ours").glob("*/beleidsplan.pdf"))
        pages = (_pages(ours_pdf), _pages(tmp / "plain" / "beleidsplan.pdf"))
    print(f"Plan: {plan.name}, HTML + PDF, {args.rondes} rondes (mediaan, wandkloktijd per plan)")
    medians = {}
    for label, values in times.items():
        medians[label] = statistics.median(values)
        shown = ", ".join(f"{v:.2f}" for v in values)
        print(f"  {label:36s} {medians[label]:6.2f} s   ({shown})")
    ratio = medians["papermill + nbconvert + weasyprint"] / medians["warmestad rapport"]
    print(f"  verhouding: {ratio:.1f}x sneller; pagina's in de PDF: {pages[0]} (rapport) en {pages[1]} (opdrachtregel)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
