"""Benchmark: `warmestad batch` over N plans against the plain command-line pipeline, in one run.

1. Generates N plan files (default 50; --alle: all 285 municipalities) from the example plans: the
   identity of a real municipality (NIS code, name, province, Logo, Gezondheidsmakers region,
   eerstelijnszone; the document takes the real figures from data/), the content of an example plan
   (still marked `voorbeeld: true`). The example's summary of its own figures is replaced by a
   neutral line, so no municipality gets another one's statistics.
2. Runs `warmestad batch <map> --formaat html,pdf` as a fresh process (what a coach types), and
   samples the memory of that process and all its children (workers, kernels) every 0.2 s; with
   --rondes 2 or more, again, and reports the median.
3. Runs the plain pipeline on a sample of the plans: `papermill`, `jupyter nbconvert --to html
   --no-input` with the project template, `jupyter nbconvert --to beleidsplan_typst`, then the typst
   package on the .typ file (the commands of benchmarks/report.py).
4. Runs `warmestad overzicht` alone on the same plans: the batch makes the regional overview alongside
   the documents, and this shows what share of the batch's time is the overview's.
Prints seconds per plan for both ways and their ratio, the processor time the batch's own PDF
compiler reports (batch-verslag.json: the PDF's share of the batch, measured in the same minutes),
peak memory and the load average, each beside the goal of issue 18.

Usage: python benchmarks/batch.py [--aantal 50 | --alle] [--steekproef 3] [--jobs N] [--houden MAP] [--rondes 1]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warmestad_nb.batch.sample import generate_plans  # noqa: E402

DATE = "2026-11-01"


def _load_report_benchmark():
    spec = importlib.util.spec_from_file_location("report_benchmark", ROOT / "benchmarks" / "report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class MemorySampler(threading.Thread):
    """Peak of the summed resident memory of a process and all its descendants."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak, self.peak_processes = 0, 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop_event.is_set():
            try:
                processes = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            total = 0
            for proc in processes:
                try:
                    total += proc.memory_info().rss
                except psutil.NoSuchProcess:
                    pass
            if total > self.peak:
                self.peak, self.peak_processes = total, len(processes)
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class BatchRun:
    seconds: float  # wall, the whole command
    cpu: float  # the command, its workers and their kernels
    memory: MemorySampler
    steady: float  # wall seconds per plan without start-up and tail (steady_state)
    pdf_cpu: float  # processor seconds the batch's own PDF compilers spent, the overview's included


def run_batch(plans: Path, out: Path, jobs: int | None) -> BatchRun:
    command = [sys.executable, "-m", "warmestad_nb.cli", "batch", str(plans), "--uit", str(out),
               "--formaat", "html,pdf", "--datum", DATE, "--opnieuw"]
    if jobs:
        command += ["--jobs", str(jobs)]
    start, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.Popen(command, env=_env(), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    sampler = MemorySampler(proc.pid)
    sampler.start()
    stdout, _ = proc.communicate()
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu  # workers and kernels included
    sampler.stop()
    print(stdout.strip())
    if proc.returncode != 0:
        raise SystemExit(f"warmestad batch stopte met status {proc.returncode}")
    report = json.loads((out / "batch-verslag.json").read_text(encoding="utf-8"))
    pdf_cpu = sum(p["pdf_processortijd_s"] for p in report["plannen"]) + report["overzicht_pdf_processortijd_s"]
    return BatchRun(seconds, cpu, sampler, steady_state(report), pdf_cpu)


def plain_pipeline(plans: list[Path], work: Path) -> tuple[list[float], float]:
    report_benchmark = _load_report_benchmark()
    times, cpu = [], _children_cpu()
    for plan in plans:
        out = work / plan.stem
        out.mkdir(parents=True)
        start = time.perf_counter()
        for command in report_benchmark.plain(plan, out):
            subprocess.run(command, check=True, env=_env(), cwd=ROOT, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times, _children_cpu() - cpu


def overview_alone(plans: Path, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of `warmestad overzicht` on the same plans (the batch makes it too, alongside)."""
    command = [sys.executable, "-m", "warmestad_nb.cli", "overzicht", str(plans), "--uit", str(out), "--datum", DATE]
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(command, check=True, env=_env(), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, _children_cpu() - cpu


def steady_state(report: dict) -> float:
    """Wall seconds per plan between the plans done at 10% and at 90% of the batch (no start-up, no tail)."""
    done = sorted(p["klaar_na_s"] for p in report["plannen"] if p["klaar_na_s"] is not None)
    first, last = int(len(done) * 0.1), int(len(done) * 0.9)
    return (done[last] - done[first]) / (last - first)


def _evenly(items: list, count: int) -> list:
    if count >= len(items):
        return list(items)
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=50, help="aantal plannen (standaard 50)")
    parser.add_argument("--alle", action="store_true", help="alle 285 gemeenten")
    parser.add_argument("--steekproef", type=int, default=3, help="plannen voor de gewone opdrachtregel (standaard 3)")
    parser.add_argument("--jobs", type=int, default=None, help="werkers voor de batch (standaard: een per kern)")
    parser.add_argument("--rondes", type=int, default=1, help="hoe vaak de batch draait (standaard 1; de mediaan telt)")
    parser.add_argument("--houden", metavar="MAP", help="bewaar plannen en documenten in deze map")
    args = parser.parse_args()
    count = None if args.alle else args.aantal
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.houden) if args.houden else Path(tmp)
        plans = generate_plans(count, work / "plannen")
        n = len(plans)
        print(f"{n} plannen gegenereerd in {work / 'plannen'}; belasting (1/5/15 min) bij de start: {_load()}")
        runs = [run_batch(work / "plannen", work / "batch", args.jobs) for _ in range(max(1, args.rondes))]
        load_after_batch = _load()
        workers = args.jobs or len(os.sched_getaffinity(0))
        documents = sorted((work / "batch").glob("*/beleidsplan.html"))
        pdfs = sorted((work / "batch").glob("*/beleidsplan.pdf"))
        if len(documents) != n or len(pdfs) != n:
            raise SystemExit(f"de batch maakte {len(documents)} HTML- en {len(pdfs)} PDF-documenten, verwacht {n}")
        plain_times, plain_cpu = plain_pipeline(_evenly(plans, args.steekproef), work / "gewoon")
        overview_seconds, overview_cpu = overview_alone(work / "plannen", work / "overzicht")
        load_end = _load()

    batch_seconds = statistics.median(r.seconds for r in runs)
    batch_cpu = statistics.median(r.cpu for r in runs)
    memory = max((r.memory for r in runs), key=lambda m: m.peak)
    steady = statistics.median(r.steady for r in runs)
    per_plan = batch_seconds / n
    plain_per_plan = statistics.median(plain_times)
    print()
    each = ", ".join(f"{r.seconds:.1f} s" for r in runs)
    print(f"Batch ({n} plannen, HTML + PDF, {workers} werkers, met het regio-overzicht): {each}; mediaan "
          f"{batch_seconds:.1f} s in totaal (doel bij 285 plannen: minder dan 150 s, liefst 90 s), "
          f"{per_plan:.2f} s per plan")
    print(f"  zonder opstart en staart (plannen 10% tot 90%, het regio-overzicht loopt mee): {steady:.2f} s per plan")
    print(f"Gewone opdrachtregel (papermill + jupyter nbconvert + typst, {len(plain_times)} plannen): "
          f"{plain_per_plan:.2f} s per plan ({', '.join(f'{t:.1f}' for t in plain_times)})")
    print(f"  verhouding: batch {plain_per_plan / per_plan:.1f}x sneller per plan (doel: minstens 12x, liefst 20x)")
    pdf_share = statistics.median(r.pdf_cpu for r in runs)
    print(f"De PDF-stap binnen de batch (processortijd van de werkers terwijl Typst compileert, een "
          f"bovengrens; het overzicht meegeteld): {pdf_share / n:.3f} s per plan, "
          f"{100 * pdf_share / batch_cpu:.0f}% van de processortijd van de batch")
    print(f"Piekgeheugen van de batch (som van het RSS van {memory.peak_processes} processen: de opdracht, "
          f"werkers, kernels): {memory.peak / 2**20:.0f} MiB (doel: minder dan 1,5 GB)")
    print(f"Processortijd (minder gevoelig voor andere belasting): batch {batch_cpu / n:.2f} s per plan "
          f"(werkers, kernels en overzicht samen), gewone opdrachtregel {plain_cpu / len(plain_times):.2f} s per "
          f"plan; verhouding {plain_cpu / len(plain_times) / (batch_cpu / n):.1f}x")
    print(f"Het regio-overzicht alleen (warmestad overzicht op dezelfde plannen): {overview_seconds:.1f} s, "
          f"{overview_cpu:.1f} s processortijd = {overview_cpu / n:.2f} s per plan")
    print(f"Belasting (1/5/15 min): na de batch {load_after_batch}, op het einde {load_end}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
