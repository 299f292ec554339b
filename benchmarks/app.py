"""`warmestad app` driven in Debian's chromium (Playwright): the one-page app against the old multi-page app.

    .venv/bin/python benchmarks/app.py [--runs 5] [--leave 50] [--old-leave 10] [--old-commit 0801248]
    .venv/bin/python benchmarks/app.py --launch-only --old-commit COMMIT   (the launch of two trees, in turns)

Measures, each the median of --runs:
- launch: from starting `warmestad app` to a usable start page (its progress table shown);
- switch to a step: its first visit, and a later one (the one-page app: its navigation bar; the old
  app: the step's own page, a page load each time);
- a widget change saved (the status line shows the new time), step 4's action title, in the Gent
  example and in a generated plan with 300 partners and 150 actions;
- kernels after opening and leaving the start page --leave times (the old app leaks one kernel a
  page view, so it gets --old-leave views: 50 would take gigabytes of a shared machine);
- resident memory (RSS) of server and kernels after a tour of every step.
The old app is the commit before the one-page app, unpacked with `git archive` into a temporary folder.
Prints the load average before and after: the machine is shared, figures vary with its load.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 - the browser tests' chromium
from warmestad_nb.commands.app import processes_with  # noqa: E402

GENT = Path("data") / "voorbeelden" / "44021-gent.yaml"  # each tree's own example, in its own schema


def large_plan(tree: Path, folder: Path) -> Path:
    """The 300-partner, 150-action plan of the browser test, made by that tree's own code (and schema)."""
    made = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                           "from tests.browser.test_app_performance import large_plan; "
                           "print(large_plan(Path(sys.argv[1])))", str(folder)],
                          cwd=tree, env=dict(os.environ, PYTHONPATH=str(tree)), capture_output=True, text=True,
                          check=True)
    return Path(made.stdout.strip().splitlines()[-1])
# (page key of the app, notebook of the old app, what shows the page is usable)
STEPS = [("1", "01_draagvlak.ipynb", ".ws-partner-organisatie"), ("2", "02_beginsituatie.ipynb", ".ws-indicatoren-keuze"),
         ("3", "03_prioriteiten.ipynb", ".ws-prioriteit-pijler-7"), ("4", "04_acties.ipynb", ".ws-actie-titel"),
         ("5", "05_uitvoering.ipynb", ".ws-uitvoering-actie")]


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def proc_fields(plan: Path, name: str) -> list[str]:
    """/proc/<pid>/<name> of the processes (server, kernels) of the app serving this plan."""
    found = []
    for pid in processes_with(str(plan), "WARMESTAD_PLAN"):
        try:
            found.append(Path(f"/proc/{pid}/{name}").read_text(errors="replace"))
        except OSError:
            continue  # ended meanwhile
    return found


def kernels(plan: Path) -> int:
    return sum("ipykernel" in cmdline for cmdline in proc_fields(plan, "cmdline"))


def resident_mb(plan: Path) -> float:
    return sum(int(re.search(r"VmRSS:\s+(\d+)", status)[1]) for status in proc_fields(plan, "status")) / 1024


class Server:
    """`warmestad app PLAN` of one code tree, as a user starts it; Ctrl-C at the end."""

    def __init__(self, tree: Path, plan: Path):
        self.started = time.monotonic()
        env = dict(os.environ, PYTHONPATH=str(tree), JUPYTER_RUNTIME_DIR=tempfile.mkdtemp(prefix="ws-b-"))
        self.proc = subprocess.Popen([sys.executable, "-m", "warmestad_nb.cli", "app", str(plan)], cwd=tree,
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                     start_new_session=True)
        self.url = ""
        for line in self.proc.stdout:
            found = re.search(r"http://127\.0\.0\.1:\d+/\S+", line)
            if found:
                self.url = found[0]
                break
        self.plan = plan

    def page_url(self, notebook: str) -> str:
        return re.sub(r"/render/[^?]+", f"/render/{notebook}", self.url)

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGINT)
        self.proc.communicate(timeout=120)


def wait_warm(plan: Path, wanted: int, timeout: float = 180) -> None:
    """Until the kernels started ahead are there and idle (their imports done)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and kernels(plan) < wanted:
        time.sleep(0.5)
    time.sleep(3)


def saved_after_change(page, value: str) -> float:
    """Type a new action title; seconds until the status line shows a save time it did not show before."""
    status = page.locator(".ws-status").first
    before = status.inner_text()
    while time.strftime("%H:%M:%S") in before:  # the new time must differ from the one shown
        time.sleep(0.1)
    box = page.locator(".ws-actie-titel input >> visible=true").first
    box.fill(value)
    started = time.monotonic()
    box.press("Enter")
    page.wait_for_function(
        "([sel, before]) => { const t = document.querySelector(sel).innerText;"
        " return t !== before && /Opgeslagen om \\d\\d:\\d\\d:\\d\\d/.test(t); }",
        arg=[".ws-status", before], timeout=60_000, polling=10)
    return time.monotonic() - started


def launch(browser, tree: Path, plan: Path) -> float:
    """Seconds from starting `warmestad app PLAN` to its start page usable (the progress table drawn)."""
    shutil.copyfile(tree / GENT, plan)
    server = Server(tree, plan)
    try:
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(server.url, timeout=300_000)
        page.locator(".ws-voortgang").wait_for(timeout=300_000)
        seconds = time.monotonic() - server.started
        page.close()
        return seconds
    finally:
        server.stop()


def measure(browser, tree: Path, one_page: bool, folder: Path, runs: int, leave: int) -> dict:
    results: dict = {"launch": [], "first": [], "later": [], "save_gent": [], "save_big": []}
    for run in range(runs):
        results["launch"].append(launch(browser, tree, folder / f"gent-{run}.yaml"))
    for name, plan in (("gent", folder / "gent-tour.yaml"), ("big", large_plan(tree, folder / "groot"))):
        if name == "gent":
            shutil.copyfile(tree / GENT, plan)
        server = Server(tree, plan)
        try:
            wait_warm(plan, 1 if one_page else 9)
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.set_default_timeout(120_000)
            page.goto(server.url, timeout=300_000)
            page.locator(".ws-voortgang").wait_for(timeout=300_000)
            for visit in ("first", "later"):
                for key, notebook, ready in STEPS:
                    started = time.monotonic()
                    if one_page:
                        page.locator(f".ws-nav-{key}").click()
                        page.locator(f"{ready} >> visible=true").first.wait_for()
                    else:
                        page.goto(server.page_url(notebook), timeout=300_000)
                        page.locator(ready).first.wait_for()
                    if name == "gent":
                        results[visit].append(time.monotonic() - started)
            if one_page:
                page.locator(".ws-nav-4").click()
            else:
                page.goto(server.page_url("04_acties.ipynb"))
            page.locator(".ws-actie-titel input >> visible=true").first.wait_for()
            for run in range(runs):
                results[f"save_{name}"].append(saved_after_change(page, f"Gewijzigde titel {run}"))
            if name == "gent":  # the tour of every page is done: what does it cost in memory?
                for key in ("4b", "6", "7", "start"):
                    if one_page:
                        page.locator(f".ws-nav-{key}").click()
                        page.locator(f".ws-nav-{key}.mod-primary").wait_for()
                time.sleep(2)
                results["memory_mb"] = resident_mb(plan)
            page.close()
            if name == "gent":
                window = browser.new_context()  # one browser window; its tabs are opened and closed
                for _ in range(leave):
                    page = window.new_page()
                    page.goto(server.page_url("app.ipynb" if one_page else "00_start.ipynb"), timeout=300_000)
                    page.locator(".ws-voortgang").wait_for(timeout=300_000)
                    page.close(run_before_unload=True)  # the page is left as a tab is closed
                window.close()
                deadline = time.monotonic() + 30  # a kernel's stop takes a moment
                while kernels(plan) > (1 if one_page else 9) and time.monotonic() < deadline:
                    time.sleep(0.5)
                results["kernels"] = kernels(plan)
                results["left"] = leave
        finally:
            server.stop()
    return results


def report(label: str, r: dict, pool: int) -> None:
    median = {k: statistics.median(v) for k, v in r.items() if isinstance(v, list) and v}
    print(f"\n{label}")
    print(f"  launch to a usable start page   {median['launch']:6.2f} s   (all: {', '.join(f'{x:.1f}' for x in r['launch'])})")
    print(f"  switch to a step, first visit   {median['first']:6.2f} s")
    print(f"  switch to a step, later         {median['later']:6.2f} s")
    print(f"  change saved, Gent              {median['save_gent'] * 1000:6.0f} ms")
    print(f"  change saved, 300/150 plan      {median['save_big'] * 1000:6.0f} ms")
    print(f"  kernels after {r['left']} page views left: {r['kernels']} (open tabs 0, started ahead {pool})")
    print(f"  resident memory after a tour    {r['memory_mb']:6.0f} MB (server and kernels, RSS)")
    return median


def compare_launches(browser, old_tree: Path | None, old_commit: str, work: Path, runs: int) -> None:
    """The launch only, this tree and the old one in turns, each run in a folder of its own."""
    trees = [("this tree", ROOT)] + ([(old_commit, old_tree)] if old_tree else [])
    seconds: dict[str, list[float]] = {label: [] for label, _ in trees}
    for run in range(runs):
        for label, tree in trees:
            folder = work / f"launch-{run}-{len(seconds[label])}-{tree.name}"
            folder.mkdir()
            seconds[label].append(launch(browser, tree, folder / GENT.name))
    for label, values in seconds.items():
        print(f"  launch to a usable start page, {label:10s} {statistics.median(values):6.2f} s   "
              f"(all: {', '.join(f'{x:.1f}' for x in values)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--leave", type=int, default=50)
    parser.add_argument("--old-leave", type=int, default=10)
    parser.add_argument("--old-commit", default="0801248")
    parser.add_argument("--only-new", action="store_true")
    parser.add_argument("--launch-only", action="store_true",
                        help="only the launch, of this tree and of --old-commit in turns (both see the same load)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"load average at start: {load()}   ({os.cpu_count()} cores)")
    work = Path(tempfile.mkdtemp(prefix="ws-bench-app-"))
    try:
        old_tree = work / "oud"
        if not args.only_new:
            old_tree.mkdir()
            archive = subprocess.run(["git", "archive", args.old_commit], cwd=ROOT, capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(old_tree)], input=archive, check=True)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            if args.launch_only:
                compare_launches(browser, old_tree if not args.only_new else None, args.old_commit, work, args.runs)
                browser.close()
                print(f"\nload average at end: {load()}")
                return 0
            (work / "nieuw-plannen").mkdir()
            new = measure(browser, ROOT, True, work / "nieuw-plannen", args.runs, args.leave)
            a = report("one-page app (this tree)", new, 1)  # printed before the old app runs
            old = None
            if not args.only_new:
                (work / "oud-plannen").mkdir()
                old = measure(browser, old_tree, False, work / "oud-plannen", args.runs, args.old_leave)
            browser.close()
        if old:
            b = report(f"old multi-page app ({args.old_commit})", old, 9)
            print("\n  ratio old/new: " + ", ".join(f"{k} {b[k] / a[k]:.1f}x" for k in a))
        print(f"\nload average at end: {load()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
