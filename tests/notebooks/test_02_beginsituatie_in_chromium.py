"""Step 2 in a real browser: Voila serves the notebook, chromium types an own figure, the plan is saved."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from browser.conftest import CHROMIUM, CHROMIUM_ARGS
from conftest import ROOT
from step2_helpers import fresh_plan
from warmestad_nb.store import read_plan

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    plan = fresh_plan(tmp_path_factory.mktemp("voila"), "Herselt")
    port = _free_port()
    env = dict(os.environ, WARMESTAD_PLAN=str(plan), PYTHONPATH=str(ROOT))
    server = subprocess.Popen(
        [sys.executable, "-m", "voila", str(ROOT / "notebooks" / "02_beginsituatie.ipynb"), "--no-browser",
         f"--port={port}", "--Voila.ip=127.0.0.1", "--Voila.port_retries=0", "--ServerApp.token="],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}/", plan
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # Voila and the kernel it started, nothing else
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def test_own_figure_typed_in_voila_is_saved_and_every_view_follows(served):
    from playwright.sync_api import sync_playwright

    url, plan = served
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            page.goto(url, timeout=120_000)
            page.wait_for_selector(".ws-samenvatting-view", timeout=120_000)
            assert "3.460 kinderen en jongeren" in page.locator(".ws-bevolking-view").inner_text()
            assert page.locator(".ws-indicatoren-view figure.grafiek img").count() == 4
            page.locator(".ws-eigen-indicator input").fill("Kinderen in de kinderopvang")
            page.locator(".ws-eigen-jaar input").fill("2025")
            page.locator(".ws-eigen-waarde input").fill("48,5")
            page.locator(".ws-eigen-eenheid input").fill("%")
            page.locator(".ws-eigen-bron input").fill("Eigen telling (browsertest)")
            page.locator(".ws-eigen-toevoegen").click()
            page.wait_for_function("document.querySelector('.ws-samenvatting-view').innerText"
                                   ".includes('Kinderen in de kinderopvang (2025): 48,5%')", timeout=60_000)
            assert "48,5%" in page.locator(".ws-eigen-cijfers-view").inner_text()
            assert "Opgeslagen om" in page.locator(".ws-status").inner_text()
        finally:
            browser.close()
    figure = read_plan(plan).omgevingsanalyse.eigen_cijfers[0]
    assert (figure.indicator, figure.waarde, figure.bron) == ("Kinderen in de kinderopvang", 48.5,
                                                              "Eigen telling (browsertest)")
