"""Benchmark: `warmestad batch` against a Quarto-style pipeline, HTML + PDF, in one run.

Quarto (what a user would pick instead) cannot be installed here: quarto-cli on PyPI downloads its
binary from elsewhere while installing. This rebuilds the pipeline Quarto runs for a notebook from
the same parts, one plan at a time, each step a fresh process as Quarto starts them:
  1. papermill: a comparable parameterised notebook (written here: the same chapters from the same
     package, said in Markdown, the same charts shown as SVG) executed in a fresh kernel;
  2. jupyter nbconvert --to markdown (the charts land in files beside it);
  3. pandoc to HTML (standalone, the charts embedded) and pandoc to Typst;
  4. typst to PDF (the typst package: it has no command of its own, so one `python -c` call); a
     tagged PDF, not PDF/UA-1: pandoc's Typst gives the charts no alt text, which UA-1 requires.
The notebook is executed once for both formats (Quarto would execute it per format unless told to
freeze it: so this is the cheaper side of Quarto). Debian 12's pandoc (2.17) has no Typst writer
(pandoc 3.1.2 added it), so pandoc comes from PyPI's pypandoc_binary (the `bench` extra).

Prints seconds per plan of both, their ratio and the load average. Usage:
  python benchmarks/quarto_style.py [--aantal 50] [--steekproef 3] [--houden MAP]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from batch import _children_cpu, _env, _evenly, _load, run_batch  # noqa: E402
from report import BIN, DATE, TYPST_COMPILE  # noqa: E402

from warmestad_nb.batch.sample import generate_plans  # noqa: E402

# The document said in Markdown, as a Quarto user would write it: the same chapters and charts as
# the policy plan, from the same package.
DOCUMENT_CELL = '''
from IPython.display import SVG, Markdown, display
from warmestad_nb.report import html
from warmestad_nb.report.document import Bullets, Facts, Figure, Note, Paragraph, Subheading, Table
from warmestad_nb.report.notebook import Beleidsplan
from warmestad_nb.report.sections import build_cover, build_section

def cell(text):
    return str(text).replace("|", "\\\\|").replace("\\n", " ")

def table(header, rows):
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    return "\\n".join(lines + ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows])

doc = Beleidsplan(plan, datum=datum)
cover = build_cover(doc.ctx, doc.chapters, doc.datum, doc.versie)
display(Markdown(f"# {cover.titel}\\n\\n**{cover.gemeente}**\\n\\n" + table(["", ""], cover.gegevens)))
for chapter in doc.chapters:
    section = html.draw_charts(build_section(doc.ctx, chapter, doc.numbers[chapter.id]))
    parts = [f"## {section.kop}"]
    for block in section.blokken:
        if isinstance(block, Paragraph):
            parts.append(block.tekst)
        elif isinstance(block, Subheading):
            parts.append(f"### {block.tekst}")
        elif isinstance(block, Bullets):
            parts.append("\\n".join(f"- {item}" for item in block.items))
        elif isinstance(block, Facts):
            parts.append(table(["", ""], block.rijen))
        elif isinstance(block, Table):
            parts.append((f"**{block.titel}**\\n\\n" if block.titel else "") + table(block.kolommen, block.rijen))
        elif isinstance(block, Note):
            parts.append(f"*{block.tekst}*")
        elif isinstance(block, Figure):
            display(Markdown("\\n\\n".join(parts)))
            display(SVG(block.svg))
            parts = [f"**{block.titel}** Bron: {block.bron}"]
    display(Markdown("\\n\\n".join(parts)))
'''


def write_notebook(path: Path) -> None:
    parameters = nbformat.v4.new_code_cell(f'plan = ""\ndatum = "{DATE}"')
    parameters.metadata["tags"] = ["parameters"]
    nb = nbformat.v4.new_notebook(cells=[parameters, nbformat.v4.new_code_cell(DOCUMENT_CELL.strip())])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def pandoc() -> str:
    try:
        import pypandoc
    except ImportError:
        raise SystemExit("pandoc 3 ontbreekt: installeer het met pip install -e '.[bench]' (pypandoc_binary).")
    return pypandoc.get_pandoc_path()


def quarto_style(notebook: Path, plan: Path, out: Path, pandoc_bin: str) -> list[list[str]]:
    executed = out / "plan.ipynb"
    return [
        [str(BIN / "papermill"), str(notebook), str(executed), "-p", "plan", str(plan.resolve()),
         "--cwd", str(ROOT / "notebooks"), "--no-progress-bar"],
        [str(BIN / "jupyter"), "nbconvert", "--to", "markdown", str(executed), "--output", "plan"],
        [pandoc_bin, str(out / "plan.md"), "--standalone", "--embed-resources", "--metadata", "lang=nl",
         "--metadata", "title=Beleidsplan", "--resource-path", str(out), "-o", str(out / "plan.html")],
        [pandoc_bin, str(out / "plan.md"), "--standalone", "--metadata", "lang=nl", "--to", "typst",
         "-o", str(out / "plan.typ")],
        [sys.executable, "-c", TYPST_COMPILE, str(out / "plan.typ"), str(out / "plan.pdf")],
    ]


def run_quarto_style(plans: list[Path], work: Path) -> tuple[list[float], float]:
    notebook = work / "quarto-stijl.ipynb"
    write_notebook(notebook)
    pandoc_bin = pandoc()
    times, cpu = [], _children_cpu()
    for plan in plans:
        out = work / "quarto" / plan.stem
        out.mkdir(parents=True)
        start = time.perf_counter()
        for command in quarto_style(notebook, plan, out, pandoc_bin):
            done = subprocess.run(command, env=_env(), cwd=out, capture_output=True, text=True)
            if done.returncode != 0:
                raise SystemExit(f"{Path(command[0]).name} faalde voor {plan.name}:\n{done.stderr[-2000:]}")
        times.append(time.perf_counter() - start)
        if not (out / "plan.pdf").stat().st_size or not (out / "plan.html").stat().st_size:
            raise SystemExit(f"geen HTML of PDF voor {plan.name}")
    return times, _children_cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=50, help="plannen voor de batch (standaard 50)")
    parser.add_argument("--steekproef", type=int, default=3, help="plannen voor de Quarto-stijl (standaard 3)")
    parser.add_argument("--houden", metavar="MAP", help="bewaar plannen en documenten in deze map")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.houden) if args.houden else Path(tmp)
        plans = generate_plans(args.aantal, work / "plannen")
        n = len(plans)
        print(f"{n} plannen gegenereerd; belasting (1/5/15 min) bij de start: {_load()}")
        batch = run_batch(work / "plannen", work / "batch", None)
        load_between = _load()
        sample = _evenly(plans, args.steekproef)
        shutil.rmtree(work / "quarto", ignore_errors=True)
        quarto_times, quarto_cpu = run_quarto_style(sample, work)
        load_end = _load()
    per_plan, quarto_per_plan = batch.seconds / n, statistics.median(quarto_times)
    print()
    print(f"Batch ({n} plannen, HTML + PDF, {len(os.sched_getaffinity(0))} werkers, met het regio-overzicht): "
          f"{batch.seconds:.1f} s, {per_plan:.2f} s per plan; processortijd {batch.cpu / n:.2f} s per plan")
    print(f"Quarto-stijl (papermill, nbconvert naar Markdown, pandoc naar HTML en naar Typst, typst naar PDF; "
          f"{len(quarto_times)} plannen na elkaar): {quarto_per_plan:.2f} s per plan (mediaan; "
          f"{', '.join(f'{t:.1f}' for t in quarto_times)}); processortijd {quarto_cpu / len(quarto_times):.2f} s "
          f"per plan")
    print(f"  verhouding: batch {quarto_per_plan / per_plan:.1f}x sneller per plan (doel: minstens 5x, liefst 8x); "
          f"in processortijd {quarto_cpu / len(quarto_times) / (batch.cpu / n):.1f}x")
    print(f"Belasting (1/5/15 min): na de batch {load_between}, op het einde {load_end}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
