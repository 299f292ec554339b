"""Benchmark: one plan's HTML + PDF through `warmestad rapport` against the plain command-line tools.

Both ways run here, in the same run, from a fresh process each (what a user would type):
  ours:  warmestad rapport <plan> --formaat html,pdf (and again with docx: what Word adds)
  plain: papermill notebooks/beleidsplan.ipynb ... ; jupyter nbconvert --to html --no-input
         --template beleidsplan ... ; jupyter nbconvert --to beleidsplan_typst ... ; the typst
         package compiling beleidsplan.typ (it has no command of its own: python -c, one call)
(both make the same PDF/UA-1 PDF, with the same fonts)
Prints the median wall time of each over --rondes rounds (alternating, so both see the same load)
and the ratio. Usage: python benchmarks/report.py [plan] [--rondes 3] [--vergelijk MAP] [--zonder-opdrachtregel]
--vergelijk MAP times the `warmestad rapport` of another copy of the workbook in the same rounds (the
code before a change: git archive <commit> | tar -x -C MAP), so a busy machine slows both alike.
On a machine busy with other work, `chrt -r 5 python benchmarks/report.py ...` (as root) lets the
measured processes go first, close to a quiet machine; say so with the figures.
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


OURS, PLAIN, WORD = "warmestad rapport", "papermill + nbconvert + typst", "warmestad rapport met Word"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", default=str(ROOT / "data" / "voorbeelden" / "44021-gent.yaml"))
    parser.add_argument("--rondes", type=int, default=3)
    parser.add_argument("--zonder-opdrachtregel", action="store_true",
                        help="meet de gewone opdrachtregel niet (sneller; geen verhouding)")
    parser.add_argument("--vergelijk", type=Path, metavar="MAP",
                        help="een andere kopie van het werkboek (bv. de code van voor een wijziging), in dezelfde rondes gemeten")
    args = parser.parse_args()
    plan = Path(args.plan)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "plain").mkdir()
        # label -> (commands, the copy of the workbook they run in)
        runs = {OURS: (ours(plan, tmp / "ours"), ROOT), PLAIN: (plain(plan, tmp / "plain"), ROOT),
                WORD: (ours(plan, tmp / "word", "html,pdf,docx"), ROOT)}
        if args.zonder_opdrachtregel:
            del runs[PLAIN]
        if args.vergelijk:
            other = args.vergelijk.resolve()
            runs[f"{OURS} ({other})"] = (ours(plan, tmp / "other"), other)
            runs[f"{WORD} ({other})"] = (ours(plan, tmp / "other-word", "html,pdf,docx"), other)
        times: dict[str, list[float]] = {label: [] for label in runs}
        cpu: dict[str, list[float]] = {label: [] for label in runs}
        for _ in range(args.rondes):
            for label, (commands, root) in runs.items():
                wall, seconds = _timed(commands, root)
                times[label].append(wall)
                cpu[label].append(seconds)
        pages = {label: _pages(pdf) for label, pdf in ((OURS, next((tmp / "ours").glob("*/beleidsplan.pdf"))),
                                                       (PLAIN, tmp / "plain" / "beleidsplan.pdf")) if pdf.exists()}
    load = os.getloadavg()[0]
    print(f"Plan: {plan.name}, HTML + PDF, {args.rondes} rondes; belasting van de machine nu {load:.1f} "
          f"op {os.cpu_count()} kernen")
    for what, table in (("wandkloktijd", times), ("processortijd", cpu)):
        medians = {label: statistics.median(values) for label, values in table.items()}
        print(f"  {what} (mediaan per plan):")
        for label, values in table.items():
            shown = ", ".join(f"{v:.2f}" for v in values)
            print(f"    {label:36s} {medians[label]:6.2f} s   ({shown})")
        if PLAIN in medians:
            print(f"    verhouding: {medians[PLAIN] / medians[OURS]:.1f}x sneller")
        print(f"    Word erbij kost {100 * (medians[WORD] / medians[OURS] - 1):.0f}% meer")
        if args.vergelijk:
            before, before_word = medians[f"{OURS} ({other})"], medians[f"{WORD} ({other})"]
            print(f"    tegenover {other}: {before / medians[OURS]:.2f}x sneller (met Word "
                  f"{before_word / medians[WORD]:.2f}x); daar kost Word erbij {100 * (before_word / before - 1):.0f}% meer")
    print("  pagina's in de PDF: " + ", ".join(f"{n} ({label})" for label, n in pages.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
