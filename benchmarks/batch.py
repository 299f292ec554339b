"""Benchmark: `warmestad batch` over N plans against the plain command-line pipeline, in one run.

1. Generates N plan files (default 50; --alle: all 285 municipalities) from the example plans: the
   identity of a real municipality (NIS code, name, province, Logo, Gezondheidsmakers region,
   eerstelijnszone; the document takes the real figures from data/), the content of an example plan
   (still marked `voorbeeld: true`). The example's summary of its own figures is replaced by a
   neutral line, so no municipality gets another one's statistics.
2. Runs `warmestad batch <map> --formaat html,pdf` as a fresh process (what a coach types), and
   samples the memory of that process and all its children (workers, kernels) every 0.2 s.
3. Times the PDF step alone: WeasyPrint (the same PdfRenderer the batch uses) on the batch's own
   HTML documents, one after another in one process: the policy plans and the regional overview,
   since the batch makes the overview's PDF too (its time is spread over the plans). And again for
   the plans with one renderer per worker, all at once, as the batch runs it (on a 2-core virtual
   machine two busy cores need not give twice the throughput of one).
   The batch runs again after each of these two measurements, and each is compared with the mean of
   the batch runs just before and after it, so that a machine that gets slower or faster during the
   benchmark does not tilt the comparison (--een-batchrun: one batch run for both).
4. Runs the plain pipeline on a sample of the plans: `papermill`, `jupyter nbconvert --to html
   --no-input` with the project template, then `weasyprint` (the commands of benchmarks/report.py).
5. Runs `warmestad overzicht` alone on the same plans: the batch makes the regional overview alongside
   the documents, and this shows what share of the batch's time is the overview's.
Prints seconds per plan for both ways and their ratio, the PDF-only time and the overhead ratio
(batch seconds per plan x workers / PDF seconds per plan), peak memory and the load average. Also
the overhead against the processor time the batch's own PDF renderers report for the same run
(batch-verslag.json): measured in the same minutes, so no drift of the machine's speed between the
two sides.

Usage: python benchmarks/batch.py [--aantal 50 | --alle] [--steekproef 3] [--jobs N] [--houden MAP] [--een-batchrun]
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
    pdf_cpu: float  # processor seconds the batch's own PDF renderers spent, the overview's included

    def overhead(self, workers: int) -> float:
        """Wall seconds per plan x workers / the renderers' own seconds per plan, in this very run."""
        return self.seconds * workers / self.pdf_cpu


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


def pdf_alone(documents: list[Path]) -> tuple[list[float], float]:
    from warmestad_nb.report.pdf import PdfRenderer

    renderer = PdfRenderer()
    renderer.render("<p>opwarmen</p>")  # font configuration, as a worker has it after its first plan
    times, cpu = [], time.process_time()
    for document in documents:
        html = document.read_text(encoding="utf-8")
        start = time.perf_counter()
        renderer.render(html)
        times.append(time.perf_counter() - start)
    return times, time.process_time() - cpu


def _render_share(documents: list[str], start, results) -> None:
    """One PDF renderer process: warm up, wait for the others, render its documents."""
    from warmestad_nb.report.pdf import PdfRenderer

    renderer = PdfRenderer()
    renderer.render("<p>opwarmen</p>")
    htmls = [Path(d).read_text(encoding="utf-8") for d in documents]
    start.wait()
    for html in htmls:
        renderer.render(html)
    results.put(time.perf_counter())


def pdf_alone_parallel(documents: list[Path], workers: int) -> float:
    """Wall seconds per document x workers when `workers` renderers share the documents, all at once:
    the PDF step the way the batch runs it (one renderer per worker), so both sides see the same
    parallelism (two busy cores are not always twice one)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(workers + 1), context.Queue()
    shares = [[str(d) for d in documents[i::workers]] for i in range(workers)]
    processes = [context.Process(target=_render_share, args=(share, start, results)) for share in shares]
    for process in processes:
        process.start()
    start.wait()
    began = time.perf_counter()
    ended = max(results.get() for _ in processes)
    for process in processes:
        process.join()
    return (ended - began) / len(documents) * workers


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
    parser.add_argument("--pdf-steekproef", type=int, default=0,
                        help="documenten voor de PDF-meting (standaard: alle, bij --alle 50)")
    parser.add_argument("--jobs", type=int, default=None, help="werkers voor de batch (standaard: een per kern)")
    parser.add_argument("--houden", metavar="MAP", help="bewaar plannen en documenten in deze map")
    parser.add_argument("--een-batchrun", action="store_true",
                        help="de batch maar een keer draaien (sneller, maar gevoeliger voor een machine die "
                             "tijdens de meting trager of sneller wordt)")
    args = parser.parse_args()
    count = None if args.alle else args.aantal
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.houden) if args.houden else Path(tmp)
        plans = generate_plans(count, work / "plannen")
        n = len(plans)
        print(f"{n} plannen gegenereerd in {work / 'plannen'}; belasting (1/5/15 min) bij de start: {_load()}")

        # The batch runs before, between and after the two PDF measurements, and each PDF figure is
        # compared with the mean of the batch runs on either side of it: this virtual machine can get
        # 15-20% slower or faster within minutes (seen: 62 s and 75 s for the same batch).
        runs = [run_batch(work / "plannen", work / "batch", args.jobs)]
        load_after_batch = _load()
        workers = args.jobs or len(os.sched_getaffinity(0))
        documents = sorted((work / "batch").glob("*/beleidsplan.html"))
        pdfs = sorted((work / "batch").glob("*/beleidsplan.pdf"))
        if len(documents) != n or len(pdfs) != n:
            raise SystemExit(f"de batch maakte {len(documents)} HTML- en {len(pdfs)} PDF-documenten, verwacht {n}")

        def again() -> None:
            if not args.een_batchrun:
                runs.append(run_batch(work / "plannen", work / "batch", args.jobs))

        pdf_sample = _evenly(documents, args.pdf_steekproef or (50 if args.alle else n))
        pdf_times, pdf_cpu = pdf_alone(pdf_sample)
        (overview_pdf,), overview_pdf_cpu = pdf_alone([work / "batch" / "regio-overzicht.html"])
        again()
        around_sequential = runs[:2]
        pdf_parallel = pdf_alone_parallel(pdf_sample, workers)
        again()
        around_parallel = runs[-2:]
        batch_seconds = statistics.mean(r.seconds for r in runs)
        batch_cpu = statistics.mean(r.cpu for r in runs)
        memory = max((r.memory for r in runs), key=lambda m: m.peak)
        steady = statistics.mean(r.steady for r in runs)
        plain_times, plain_cpu = plain_pipeline(_evenly(plans, args.steekproef), work / "gewoon")
        overview_seconds, overview_cpu = overview_alone(work / "plannen", work / "overzicht")
        load_end = _load()

    per_plan = batch_seconds / n
    per_plan_sequential = statistics.mean(r.seconds for r in around_sequential) / n
    per_plan_parallel = statistics.mean(r.seconds for r in around_parallel) / n
    plain_per_plan = statistics.mean(plain_times)
    # The PDF step of the batch is every PDF it makes: the plans' and the regional overview's.
    pdf_per_doc = statistics.mean(pdf_times)
    pdf_per_plan = pdf_per_doc + overview_pdf / n
    pdf_parallel_per_plan = pdf_parallel + overview_pdf / n
    pdf_cpu_per_plan = pdf_cpu / len(pdf_times) + overview_pdf_cpu / n
    print()
    each = ", ".join(f"{r.seconds:.1f} s" for r in runs)
    print(f"Batch ({n} plannen, HTML + PDF, {workers} werkers, met het regio-overzicht): {each}, gemiddeld "
          f"{batch_seconds:.1f} s in totaal, {per_plan:.2f} s per plan")
    print(f"Gewone opdrachtregel (papermill + jupyter nbconvert + weasyprint, {len(plain_times)} plannen): "
          f"{plain_per_plan:.2f} s per plan ({', '.join(f'{t:.1f}' for t in plain_times)})")
    print(f"  verhouding: batch {plain_per_plan / per_plan:.1f}x sneller per plan (doel: minstens 5x)")
    print(f"PDF-stap alleen, op dezelfde documenten, na elkaar (WeasyPrint, de renderer van de batch): "
          f"{pdf_per_doc:.2f} s per beleidsplan ({len(pdf_times)} gemeten) en {overview_pdf:.1f} s voor het "
          f"regio-overzicht = {pdf_per_plan:.2f} s per plan")
    print(f"  overhead: {per_plan_sequential:.2f} s x {workers} werkers / {pdf_per_plan:.2f} s = "
          f"{per_plan_sequential * workers / pdf_per_plan:.2f} (doel: hoogstens 1,3; de batch: het gemiddelde van "
          f"de runs ervoor en erna); zonder het overzicht mee te tellen: "
          f"{per_plan_sequential * workers / pdf_per_doc:.2f}")
    print(f"PDF-stap alleen zoals de batch ze draait ({workers} renderers tegelijk, elk een deel van dezelfde "
          f"beleidsplannen; het overzicht zoals hierboven): {pdf_parallel_per_plan:.2f} s per plan x werkers")
    print(f"  overhead: {per_plan_parallel:.2f} s x {workers} werkers / {pdf_parallel_per_plan:.2f} s = "
          f"{per_plan_parallel * workers / pdf_parallel_per_plan:.2f} (doel: hoogstens 1,3; de batch: het "
          f"gemiddelde van de runs ervoor en erna)")
    print(f"  zonder opstart en staart (plannen 10% tot 90%, het regio-overzicht loopt mee): {steady:.2f} s "
          f"per plan, overhead {steady * workers / pdf_per_plan:.2f}")
    within = [r.overhead(workers) for r in runs]
    print(f"Binnen dezelfde run, dus ongevoelig voor een machine die trager of sneller wordt: de PDF-renderers "
          f"van de batch zelf gebruikten {statistics.mean(r.pdf_cpu for r in runs) / n:.2f} s processortijd per "
          f"plan (het overzicht meegeteld)")
    print(f"  overhead: batch per plan x {workers} werkers / die tijd = {', '.join(f'{x:.2f}' for x in within)} "
          f"(gemiddeld {statistics.mean(within):.2f}; doel: hoogstens 1,3)")
    print(f"Piekgeheugen van de batch (som van het RSS van {memory.peak_processes} processen: de opdracht, "
          f"werkers, kernels): {memory.peak / 2**20:.0f} MiB (doel: minder dan 2 GB)")
    print(f"Processortijd (minder gevoelig voor andere belasting): batch {batch_cpu / n:.2f} s per plan "
          f"(werkers, kernels en overzicht samen), gewone opdrachtregel {plain_cpu / len(plain_times):.2f} s per "
          f"plan, PDF-stap alleen {pdf_cpu_per_plan:.2f} s per plan; batch / PDF = "
          f"{batch_cpu / n / pdf_cpu_per_plan:.2f}")
    print(f"Het regio-overzicht alleen (warmestad overzicht op dezelfde plannen): {overview_seconds:.1f} s, "
          f"{overview_cpu:.1f} s processortijd = {overview_cpu / n:.2f} s per plan, waarvan de PDF "
          f"{overview_pdf_cpu:.1f} s")
    print(f"Belasting (1/5/15 min): na de batch {load_after_batch}, op het einde {load_end}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
