"""Benchmark: one plan's HTML + PDF through `warmestad rapport` against the plain command-line tools.

Both ways run here, in the same run, from a fresh process each (what a user would type):
  ours:  warmestad rapport <plan> --formaat html,pdf (and again with docx: what Word adds)
  plain: papermill notebooks/beleidsplan.ipynb ... ; jupyter nbconvert --to html --no-input
         --template beleidsplan ... ; jupyter nbconvert --to beleidsplan_typst ... ; the typst
         package compiling beleidsplan.typ (it has no command of its own: python -c, one call)
(both make the same PDF/UA-1 PDF, with the same fonts)
Prints the median wall time of each over --rondes rounds (alternating, so both see the same load)
and the ratio. Usage: python benchmarks/report.py [plan] [--rondes 3] [--vergelijk MAP]
--vergelijk MAP times the `warmestad rapport` of another copy of the workbook in the same rounds (the
code before a change: git archive <commit> | tar -x -C MAP), so a busy machine slows both alike.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def _env(root: Path = ROOT) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # waited-for children and their kernels
    return usage.ru_utime + usage.ru_stime


def _timed(commands: list[list[str]], root: Path = ROOT) -> tuple[float, float]:
    """Wall-clock and CPU seconds of running the commands one after the other (in the copy at root)."""
    start, cpu = time.perf_counter(), _cpu()
    for command in commands:
        subprocess.run(command, check=True, env=_env(root), cwd=root, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, _cpu() - cpu


def ours(plan: Path, out: Path, formats: str = "html,pdf") -> list[list[str]]:
    return [[sys.executable, "-m", "warmestad_nb.cli", "rapport", str(plan.resolve()), "--formaat", formats,
             "--uit", str(out), "--datum", DATE]]


def plain(plan: Path, out: Path) -> list[list[str]]:
    executed = out / "beleidsplan.ipynb"
    return [
        [str(BIN / "papermill"), str(NOTEBOOK), str(executed), "-p", "plan", str(plan.resolve()),
         "-p", "datum", DATE, "--cwd", str(NOTEBOOK.parent), "--no-progress-bar"],
        [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", "--template", "beleidsplan",
         f"--TemplateExporter.extra_template_basedirs={ROOT / 'templates'}", str(executed),
         "--output", "beleidsplan"],
        [str(BIN / "jupyter"), "nbconvert", "--to", "beleidsplan_typst", str(executed), "--output", "beleidsplan"],
        [sys.executable, "-c", TYPST_COMPILE, str(out / "beleidsplan.typ"), str(out / "beleidsplan.pdf"), "ua-1"],
    ]


# The PDF step as one plain call of the typst package, with the fonts the set-up installs:
# arguments source, PDF and the PDF standards (e.g. ua-1), if any.
TYPST_COMPILE = ("import sys, typst\n"
                 "from warmestad_nb.report.typst_pdf import FONT_FOLDERS\n"
                 "typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[str(f) for f in FONT_FOLDERS],\n"
                 "              ignore_system_fonts=True, pdf_standards=sys.argv[3:])\n")


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", default=str(ROOT / "data" / "voorbeelden" / "44021-gent.yaml"))
    parser.add_argument("--rondes", type=int, default=3)
    parser.add_argument("--vergelijk", type=Path, metavar="MAP",
                        help="een andere kopie van het werkboek (bv. de code van voor een wijziging), in dezelfde rondes gemeten")
    args = parser.parse_args()
    plan = Path(args.plan)
    labels = ("warmestad rapport", "papermill + nbconvert + typst", "warmestad rapport met Word")
    other = (f"{labels[0]} ({args.vergelijk})", f"{labels[2]} ({args.vergelijk})") if args.vergelijk else ()
    times: dict[str, list[float]] = {label: [] for label in labels + other}
    cpu: dict[str, list[float]] = {label: [] for label in labels + other}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "plain").mkdir()
        for _ in range(args.rondes):
            runs = [(ours(plan, tmp / "ours"), ROOT), (plain(plan, tmp / "plain"), ROOT),
                    (ours(plan, tmp / "word", "html,pdf,docx"), ROOT)]
            if args.vergelijk:
                runs += [(ours(plan, tmp / "other"), args.vergelijk.resolve()),
                         (ours(plan, tmp / "other-word", "html,pdf,docx"), args.vergelijk.resolve())]
            for label, (commands, root) in zip(labels + other, runs):
                wall, seconds = _timed(commands, root)
                times[label].append(wall)
                cpu[label].append(seconds)
        ours_pdf = next((tmp / "ours").glob("*/beleidsplan.pdf"))
        pages = (_pages(ours_pdf), _pages(tmp / "plain" / "beleidsplan.pdf"))
    load = os.getloadavg()[0]
    print(f"Plan: {plan.name}, HTML + PDF, {args.rondes} rondes; belasting van de machine nu {load:.1f} "
          f"op {os.cpu_count()} kernen")
    for what, table in (("wandkloktijd", times), ("processortijd", cpu)):
        medians = {label: statistics.median(values) for label, values in table.items()}
        print(f"  {what} (mediaan per plan):")
        for label in labels + other:
            shown = ", ".join(f"{v:.2f}" for v in table[label])
            print(f"    {label:36s} {medians[label]:6.2f} s   ({shown})")
        print(f"    verhouding: {medians[labels[1]] / medians[labels[0]]:.1f}x sneller; Word erbij kost "
              f"{100 * (medians[labels[2]] / medians[labels[0]] - 1):.0f}% meer")
        if other:
            print(f"    tegenover {args.vergelijk}: {medians[other[0]] / medians[labels[0]]:.2f}x "
                  f"(met Word {medians[other[1]] / medians[labels[2]]:.2f}x); daar kost Word erbij "
                  f"{100 * (medians[other[1]] / medians[other[0]] - 1):.0f}% meer")
    print(f"  pagina's in de PDF: {pages[0]} (rapport) en {pages[1]} (opdrachtregel)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
