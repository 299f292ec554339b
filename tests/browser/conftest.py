"""Real servers and Debian's chromium for the browser tests (no browser download, no sandbox as root)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
SAVED = re.compile(r"Opgeslagen om \d\d:\d\d:\d\d")


def print_to_pdf(page: Path) -> Path:
    """Print an HTML page as a coach would: from the browser (Debian's chromium, headless)."""
    pdf = page.with_suffix(".pdf")
    subprocess.run([CHROMIUM, "--headless", *CHROMIUM_ARGS, "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                    page.as_uri()], check=True, capture_output=True, timeout=120)
    return pdf


def processes_mentioning(text: str) -> list[int]:
    """Processes whose environment holds `text` (a plan path only a test's server and kernels know)."""
    found = []
    needle = text.encode()
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if needle in (entry / "environ").read_bytes() and int(entry.name) != os.getpid():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def lab_settings(folder: Path) -> Path:
    """JupyterLab settings for the tests: every cell in the page (no windowing), no news pop-up."""
    for extension, name, content in (
        ("@jupyterlab/notebook-extension", "tracker", '{"windowingMode": "none"}'),
        ("@jupyterlab/apputils-extension", "notification", '{"fetchNews": "false"}'),
    ):
        target = folder / extension / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content)
    return folder


@contextmanager
def workbook_server(kind: str, plan: Path, tmp: Path):
    """`warmestad app|lab PLAN` as a user starts it; yields the printed address; Ctrl-C at the end.

    Afterwards no process (server or kernel) may be left that carries this plan in its environment.
    """
    # A short runtime folder: kernels put their Unix sockets there (at most 107 characters a path).
    runtime = tempfile.mkdtemp(prefix="ws-rt-")
    env = dict(os.environ, PYTHONPATH=str(ROOT), JUPYTER_RUNTIME_DIR=runtime,
               JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"), JUPYTER_CONFIG_DIR=str(tmp / "config"),
               JUPYTERLAB_SETTINGS_DIR=str(lab_settings(tmp / "lab-settings")))
    log = open(tmp / f"{kind}.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "warmestad_nb.cli", kind, str(plan)], env=env,
                            stdout=subprocess.PIPE, stderr=log, text=True, cwd=tmp)
    try:
        url = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and url is None:
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                break
            found = re.search(r"http://127\.0\.0\.1:\d+/\S+", line)
            url = found.group(0) if found else None
        assert url, f"{kind} gave no address; log: {(tmp / f'{kind}.log').read_text()[-2000:]}"
        yield url
    finally:
        proc.send_signal(signal.SIGINT)  # what Ctrl-C does
        out, _ = proc.communicate(timeout=60)
        log.close()
        shutil.rmtree(runtime, ignore_errors=True)
        assert proc.returncode == 0, out
        assert "Gestopt" in out
        assert "achtergebleven" not in out, out  # the server itself stopped its kernels
        assert processes_mentioning(f"WARMESTAD_PLAN={plan}") == []


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            continue
    return total


def wait_until_warm(plan: Path, kernels: int, timeout: float = 180) -> None:
    """Wait until the server has its ahead-started kernels and they stopped working (imports done)."""
    deadline = time.monotonic() + timeout
    marker = f"WARMESTAD_PLAN={plan}"
    last = -1.0
    while time.monotonic() < deadline:
        pids = processes_mentioning(marker)
        used = cpu_seconds(pids)
        if len(pids) >= kernels + 1 and used - last < 0.05:  # + the server
            return
        last = used
        time.sleep(1)
    raise AssertionError("the server's kernels did not settle")


@pytest.fixture(scope="package")  # stopped after these tests: other tests start their own Playwright
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_context(browser):
    """A browser window as a coach's laptop has it (Flemish locale, a projector-sized screen)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-BE")
    context.set_default_timeout(60_000)
    context.set_default_navigation_timeout(180_000)  # the first page waits for the kernels
    return context


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    return target


def step_url(start_url: str, notebook: str) -> str:
    """The address of another notebook on the same Voila server (the token stays in the query)."""
    return re.sub(r"/render/[^?]+", f"/render/{notebook}", start_url)


def open_in_app(page, key: str, ready: str) -> None:
    """Open a page of the app through its navigation bar (key: start, 1, ..., 4b, ..., 7, beleidsplan)."""
    page.locator(f".ws-nav-{key}").click()
    page.locator(f".ws-nav-{key}.mod-primary").wait_for()
    page.locator(f"{ready} >> visible=true").first.wait_for(timeout=60_000)


def wait_saved(page, timeout: float = 15_000) -> str:
    status = page.locator(".ws-status").first
    status.locator("text=/Opgeslagen om/").wait_for(timeout=timeout)
    return status.inner_text()


def copy_plan(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def full_screenshot(page, name: str) -> Path:
    """Voila and JupyterLab scroll inside the page, not the window: grow the window to the content."""
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))")
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 8000)})
    page.wait_for_timeout(300)
    try:
        return screenshot(page, name)
    finally:
        page.set_viewport_size(size)


def wait_for_plan(path: Path, check, timeout: float = 60):
    """Poll the plan file on disk until `check(plan)` holds; returns the plan.

    Generous timeout: on a busy 2-core machine one save of a plan can take seconds.
    """
    from warmestad_nb.store import read_plan

    deadline = time.monotonic() + timeout
    while True:
        plan = read_plan(path)
        if check(plan) or time.monotonic() > deadline:
            return plan
        time.sleep(0.2)


def type_into(page, css: str, text: str) -> None:
    """Type in an ipywidgets Text and send it (Enter), as a user does."""
    box = page.locator(f"{css} input, {css} textarea").first
    box.fill(text)
    box.press("Enter")


def accessibility_problems(page, impacts=("critical", "serious")) -> list[str]:
    """axe-core (axe-playwright-python, the test extras) on the page as shown: one line per violation
    of the given impacts, with the rule, its help text and where (the HTML of up to 3 nodes)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['impact']} {v['id']}: {v['help']} ({' | '.join(n['html'][:160] for n in v['nodes'][:3])})"
            for v in results.response["violations"] if v["impact"] in impacts]
