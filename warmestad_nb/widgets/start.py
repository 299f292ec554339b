"""The start page: choose or create a municipality's plan, see progress over the 7 steps, open a step."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import ipywidgets as widgets

from .. import reference
from ..analysis.progress import step_progress
from ..newplan import new_plan, plan_filename
from ..errors import WarmeStadError
from ..model import Plan
from ..store import create_plan
from .common import BUTTON, CSS, esc, example_note, labelled, table
from .session import open_store

START = "00_start.ipynb"
# The notebooks of each step (01, 02 and 04b are built in their own issues).
STEP_NOTEBOOKS = {
    1: [("01_draagvlak.ipynb", "Draagvlak en partners")],
    2: [("02_beginsituatie.ipynb", "Omgevingsanalyse")],
    3: [("03_prioriteiten.ipynb", "Prioriteiten en doelstellingen")],
    4: [("04_acties.ipynb", "Actieplan"), ("04b_koppelingen.ipynb", "Koppelingen met meerjarenplan en SDG's")],
    5: [("05_uitvoering.ipynb", "Uitvoering")],
    6: [("06_evaluatie.ipynb", "Evaluatie")],
    7: [("07_verankering.ipynb", "Verankering")],
}


def plans_dir(plan: str) -> Path:
    """Where plans are listed and new ones created: $WARMESTAD_MAP, else the plan's folder, else plannen/."""
    if os.environ.get("WARMESTAD_MAP"):
        return Path(os.environ["WARMESTAD_MAP"])
    return Path(plan).resolve().parent if plan else Path("plannen").resolve()


def link(notebook: str, plan: str) -> str:
    """A link to a notebook for this plan: Voila passes ?plan=, JupyterLab uses the parameter cell."""
    if plan and "QUERY_STRING" in os.environ:  # set by Voila for every page
        return f"{notebook}?plan={quote(str(Path(plan).resolve()))}"
    return notebook


def _bar(fraction: float) -> str:
    width = round(fraction * 120)
    return f'<span class="ws-balk" style="width:{width}px"></span><span class="ws-balk-leeg" style="width:{120 - width}px"></span>'


def progress_html(plan_file: str, plan: Plan | None = None, linked: bool = True) -> str:
    """The plan's progress per step; linked: with links to the step notebooks (the app has its navigation bar)."""
    plan = plan or open_store(plan_file).plan
    rows = []
    for step in step_progress(plan):
        total = len(step.klaar) + len(step.open)
        todo = "".join(f"<li>{esc(t)}</li>" for t in step.open) or '<li class="ws-ok">klaar</li>'
        pages = [(link(nb, plan_file), label) for nb, label in STEP_NOTEBOOKS[step.nummer]]
        links = " · ".join(f'<a href="{esc(href)}">{esc(label)}</a>' if linked else esc(label)
                           for href, label in pages)
        rows.append([f"<b>{step.nummer}. {esc(step.naam)}</b><br>{links}",
                     f"{_bar(step.fraction)} {len(step.klaar)}/{total}", f"<ul>{todo}</ul>"])
    return (f"<h2>{esc(plan.gemeente.naam)} · meerjarenplan {esc(plan.cyclus)}</h2>{example_note(plan)}"
            f'<p class="ws-melding">Planbestand: {esc(plan_file)}</p>'
            + table(["Stap", "Voortgang", "Nog te doen"], rows, raw=True))


def plans_html(folder: Path, current: str, home: str = START) -> str:
    found = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not found:
        return f"<p>Nog geen plannen in {esc(folder)}.</p>"
    items = []
    for path in found:
        mark = " (geopend)" if current and path.resolve() == Path(current).resolve() else ""
        items.append(f'<li><a href="{esc(link(home, str(path)))}">{esc(path.name)}</a>{esc(mark)}</li>')
    return f"<p>Plannen in {esc(folder)}:</p><ul>{''.join(items)}</ul>"


def start_page(plan: str, home: str = START, opened: Plan | None = None) -> widgets.Widget:
    """Progress of the chosen plan with links to every step; other plans; a new plan.

    home: the page that opens a plan (the app's own page in the app, where the navigation bar
    opens the steps and the progress table has no links of its own).
    opened: the plan as already read (the app's session), so it is not read a second time.
    """
    linked = home == START
    title = widgets.HTML(f'{CSS}<div class="ws-titel"><h1>Werkboek Warme Steden &amp; Gemeenten</h1>'
                         "<p>Kies een plan, bekijk hoever elke stap staat en open de stap waaraan u werkt. "
                         "Alles wat u invult, wordt meteen bewaard in het planbestand.</p></div>")
    progress = widgets.HTML(progress_html(plan, opened, linked=linked) if plan else "<p>Er is nog geen plan gekozen.</p>")
    progress.add_class("ws-voortgang")
    folder = plans_dir(plan)
    others = widgets.HTML(plans_html(folder, plan, home))
    others.add_class("ws-plannen")
    names = [m.naam for m in reference.municipalities()]
    municipality = labelled(widgets.Combobox(options=names, description="Gemeente", ensure_option=False,
                                             placeholder="typ de naam of NIS-code"), "ws-gemeente")
    municipality.layout.width = "30em"
    create = widgets.Button(description="Maak een nieuw plan", icon="plus", button_style="primary",
                            layout=BUTTON)
    create.add_class("ws-plan-maken")
    result = widgets.HTML()
    result.add_class("ws-plan-nieuw")

    def on_create(_) -> None:
        try:
            new, note = new_plan(municipality.value)
            path = create_plan(folder / plan_filename(new), new)
        except WarmeStadError as exc:
            result.value = f'<p class="ws-status-error">{esc(exc)}</p>'
            return
        result.value = (f'<p class="ws-status-ok">{esc(note or "")} Nieuw plan voor {esc(new.gemeente.naam)}: '
                        f'<a href="{esc(link(home, str(path)))}">{esc(path.name)} openen</a></p>')
        others.value = plans_html(folder, plan, home)

    create.on_click(on_create)
    return widgets.VBox([title, progress, widgets.HTML("<h3>Een ander of een nieuw plan</h3>"), others,
                         widgets.HBox([municipality, create]), result])
