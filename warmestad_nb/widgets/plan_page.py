"""The app's Beleidsplan page: the policy plan as HTML, PDF and Word, made without a terminal.

The documents are made by `plan_job` (the pipeline of `warmestad rapport`) in a process of its own,
watched from a thread: the page shows each phase while the other pages stay usable. The files are
offered as downloads from the page itself (Voila serves no files outside the notebooks' folder).
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import ipywidgets as widgets

from .common import button, download_link, esc, html_box
from .session import PlanSession

STEPS = {  # phase of plan_job -> (progress, what the coach reads)
    "start": (1, "Het plan wordt gelezen en de rekenkern start ..."),
    "hoofdstukken": (2, "De hoofdstukken worden opgebouwd ..."),
    "documenten": (3, "HTML, PDF en Word worden geschreven ..."),
    "klaar": (4, "Klaar."),
}
STOPPED = "Het beleidsplan kon niet gemaakt worden: het werkboek stopte onverwacht. Probeer het opnieuw."
NAMES = {"html": "Webpagina (HTML)", "pdf": "PDF", "docx": "Word (DOCX)"}


def output_folder(plan_file: str) -> Path:
    from .start import plans_dir

    return plans_dir(plan_file) / "uitvoer"


class PlanPage:
    def __init__(self, session: PlanSession):
        self.session = session
        self.out = output_folder(str(session.store.path))
        intro = widgets.HTML(
            "<h2>Het beleidsplan</h2><p>Maak het beleidsplan van dit plan als webpagina, PDF en Word. Het werkboek "
            "gebruikt wat nu in het planbestand staat. Dat duurt enkele seconden; u kunt intussen "
            f"verder werken op de andere pagina's. De bestanden komen in de map {esc(self.out)}.</p>")
        self.button = button("Maak het beleidsplan", "ws-beleidsplan-maken", "primary")
        self.button.on_click(lambda _: self.start())
        self.progress = widgets.IntProgress(value=0, min=0, max=len(STEPS), description="Voortgang")
        self.progress.add_class("ws-beleidsplan-voortgang")
        self.progress.layout.display = "none"
        self.phase = html_box("ws-beleidsplan-fase")
        self.files = html_box("ws-beleidsplan-bestanden")
        self.box = widgets.VBox([intro, self.button, self.progress, self.phase, self.files])
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self.button.disabled = True
        self.files.value = ""
        self.progress.layout.display = None
        self._show("start", {})
        loop = asyncio.get_event_loop()  # widget updates go back to the kernel's own thread
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._run, args=(loop,), daemon=True)
        self._thread.start()

    def _run(self, loop) -> None:
        cmd = [sys.executable, "-m", "warmestad_nb.plan_job", str(self.session.store.path), str(self.out)]
        last = "start"
        with subprocess.Popen(cmd, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True) as job:
            for line in job.stdout:
                try:
                    event = json.loads(line)
                except ValueError:
                    continue  # not one of plan_job's lines
                last = event["fase"]
                loop.call_soon_threadsafe(self._show, last, event)
        if last not in ("klaar", "fout"):  # the process ended without its last line
            loop.call_soon_threadsafe(self._show, "fout", {"melding": STOPPED})

    def _show(self, phase: str, event: dict) -> None:
        if phase == "fout":
            self.progress.bar_style = "danger"
            self.phase.value = f'<div class="ws-status-error">{esc(event["melding"])}</div>'
            self.button.disabled = False
            return
        value, text = STEPS[phase]
        self.progress.value = value
        self.progress.bar_style = "success" if phase == "klaar" else ""
        if phase != "klaar":
            self.phase.value = f'<div class="ws-melding">{esc(text)}</div>'
            return
        seconds = time.monotonic() - self._started
        self.phase.value = f'<div class="ws-status-ok">Het beleidsplan is klaar ({seconds:.0f} s).</div>'
        links = "".join(f"<li>{download_link(Path(path), f'{NAMES[ext]} downloaden')}</li>"
                        for ext, path in event["bestanden"].items())
        self.files.value = f"<ul>{links}</ul>"
        self.button.disabled = False
