"""Widgets of step 2 (beginsituatie): live views, own figures, imports, existing offer and needs.

Every section function returns a Section: its view and its forms; every change goes through the
PlanSession (validated, saved at once) and all views redraw from the saved plan.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path
from typing import Callable

import ipywidgets as widgets
from pydantic import ValidationError

from .. import reference, vocab
from ..errors import WarmeStadError
from ..imports import indicators as indicator_import, offer as offer_import, statbel, survey
from ..imports.common import ImportResult
from ..imports.own import new_own_figure
from ..model import Aanbod, Nood, Plan
from . import step2_views as views
from .checklist_view import step_checklist
from .common import Section, live_html
from .session import PlanSession, bind

UPLOAD_TYPES = ".csv,.txt,.xlsx,.zip"


def _message(css: str) -> widgets.HTML:
    box = widgets.HTML()
    box.add_class("ws-melding")
    box.add_class(css)
    return box


def _show(box: widgets.HTML, text: str, ok: bool) -> None:
    lines = html.escape(text).split("\n")
    kind = "ws-ok" if ok else "ws-fout"
    box.value = f'<div class="{kind}">' + "<br>".join(lines) + "</div>"


def _button(label: str, css: str, style: str = "") -> widgets.Button:
    button = widgets.Button(description=label, button_style=style, layout=widgets.Layout(width="auto"))
    button.add_class(css)
    return button


def _text(label: str, css: str, placeholder: str = "", width: str = "32em") -> widgets.Text:
    field = widgets.Text(description=label, placeholder=placeholder, style={"description_width": "9em"},
                         layout=widgets.Layout(width=width))
    field.add_class(css)
    return field


def _run(session: PlanSession, box: widgets.HTML, make: Callable[[], ImportResult]) -> bool:
    """Check an import and store it in one save; the message says what happened or what is wrong."""
    try:
        result = make()
    except WarmeStadError as exc:
        _show(box, str(exc), ok=False)
        return False
    if session.change(result.apply):
        _show(box, result.summary(), ok=True)
        return True
    _show(box, "Niet opgeslagen: zie de melding bovenaan.", ok=False)
    return False


def _uploaded(upload: widgets.FileUpload) -> tuple[Path, str, tempfile.TemporaryDirectory] | None:
    """The uploaded file written to a temporary folder under its own name."""
    if not upload.value:
        return None
    item = upload.value[0]
    folder = tempfile.TemporaryDirectory(prefix="warmestad-upload-")
    path = Path(folder.name) / Path(item["name"]).name
    path.write_bytes(bytes(item["content"]))
    return path, item["name"], folder


def _import_from_upload(session, box, upload, make: Callable[[Path, str], ImportResult]) -> None:
    found = _uploaded(upload)
    if found is None:
        _show(box, "Kies eerst een bestand.", ok=False)
        return
    path, name, folder = found
    try:
        def checked() -> ImportResult:
            try:
                return make(path, name)
            except WarmeStadError as exc:
                # Messages name the user's file, not the temporary copy.
                raise WarmeStadError(str(exc).replace(str(path), name)) from None
        if _run(session, box, checked):
            upload.value = ()
    finally:
        folder.cleanup()


# ------------------------------------------------------------------------------- sections


def header(session: PlanSession) -> Section:
    session.watch()  # a change elsewhere is warned at once, with the reload button in the bar
    return Section(session.bar, live_html(session, views.header_view, "ws-stap2-kop-view"),
                   live_html(session, lambda p: step_checklist(p, 2), "ws-stap-checklist"))


def population_section(session: PlanSession) -> Section:
    return Section(live_html(session, views.population_view, "ws-bevolking-view"))


def indicator_section(session: PlanSession) -> Section:
    known = reference.indicator_defs()
    boxes = widgets.VBox()
    boxes.add_class("ws-indicatoren-keuze")
    checks = []
    for d in known:
        check = widgets.Checkbox(description=d.naam, indent=False, layout=widgets.Layout(width="auto"))
        check.add_class(f"ws-indicator-{d.id}")
        bind(check, session, lambda plan, i=d.id: i in plan.omgevingsanalyse.indicatoren,
             lambda plan, on, i=d.id: _toggle(plan, i, on))
        checks.append(check)
    boxes.children = [widgets.HTML("<b>Indicatoren voor de samenvatting en het beleidsplan</b> "
                                   "(geen keuze = alle drie):")] + checks
    return Section(live_html(session, views.indicators_view, "ws-indicatoren-view"), boxes)


def _toggle(plan: Plan, indicator: str, on: bool) -> None:
    chosen = [i for i in plan.omgevingsanalyse.indicatoren if i != indicator]
    if on:
        order = [d.id for d in reference.indicator_defs()]
        chosen = sorted(chosen + [indicator], key=lambda i: order.index(i) if i in order else len(order))
    plan.omgevingsanalyse.indicatoren = chosen


def own_figures_section(session: PlanSession) -> Section:
    view = live_html(session, views.own_figures_view, "ws-eigen-cijfers-view")
    name = _text("Indicator", "ws-eigen-indicator", "bv. Kinderen met verhoogde tegemoetkoming")
    year = _text("Jaar", "ws-eigen-jaar", "bv. 2025", width="18em")
    amount = _text("Waarde", "ws-eigen-waarde", "bv. 12,5", width="18em")
    unit = widgets.Combobox(description="Eenheid", options=["%", "aantal", "inwoners", "index"],
                            style={"description_width": "9em"}, layout=widgets.Layout(width="18em"))
    unit.add_class("ws-eigen-eenheid")
    flemish = _text("Vlaanderen", "ws-eigen-vlaanderen", "zelfde cijfer voor Vlaanderen (mag leeg)", width="32em")
    source = _text("Bron", "ws-eigen-bron", "bv. Gemeente-Stadsmonitor 2025, of: eigen telling jeugddienst")
    add = _button("Cijfer toevoegen", "ws-eigen-toevoegen", "primary")
    box = _message("ws-eigen-melding")

    def on_add(_):
        try:
            figure = new_own_figure(session.plan, name.value, year.value, amount.value, unit.value, source.value,
                                    flemish.value)
        except WarmeStadError as exc:
            _show(box, str(exc), ok=False)
            return
        if session.change(lambda plan: plan.omgevingsanalyse.eigen_cijfers.append(figure)):
            _show(box, f"Toegevoegd: {figure.indicator} ({figure.jaar}).", ok=True)
            for field in (name, year, amount, flemish):
                field.value = ""

    add.on_click(on_add)
    remove = _remover(session, "ws-eigen-verwijder",
                      lambda plan: [f"{f.indicator} ({f.jaar})" for f in plan.omgevingsanalyse.eigen_cijfers],
                      lambda plan, i: plan.omgevingsanalyse.eigen_cijfers.pop(i))
    typed = widgets.VBox([name, widgets.HBox([year, unit]), amount, flemish, source, add, box, remove])

    upload = widgets.FileUpload(accept=UPLOAD_TYPES, multiple=False, description="Kies bestand")
    upload.add_class("ws-cijfers-bestand")
    kind = widgets.ToggleButtons(options=[("Stadsmonitor / Provincies in Cijfers", "indicatoren"),
                                          ("Statbel-bevolkingsbestand (per leeftijd)", "statbel")])
    kind.add_class("ws-cijfers-soort")
    file_source = _text("Bron", "ws-cijfers-bron", "bv. Gemeente-Stadsmonitor, export van maart 2026")
    file_year = _text("Jaar", "ws-cijfers-jaar", "alleen als het niet in het bestand staat", width="32em")
    read = _button("Inlezen", "ws-cijfers-inlezen", "primary")
    file_box = _message("ws-cijfers-melding")

    def make(path: Path, shown: str) -> ImportResult:
        year_value = int(file_year.value) if file_year.value.strip().isdigit() else None
        if kind.value == "statbel":
            return statbel.import_population(path, session.plan, year_value, file_source.value, shown)
        return indicator_import.import_indicators(path, session.plan, file_source.value, year_value, shown_as=shown)

    read.on_click(lambda _: _import_from_upload(session, file_box, upload, make))
    from_file = widgets.VBox([kind, upload, file_source, file_year, read, file_box])
    tabs = widgets.Tab(children=[typed, from_file], titles=("Zelf invullen", "Uit een bestand"))
    tabs.add_class("ws-eigen-cijfers-invoer")
    return Section(view, tabs)


def _remover(session: PlanSession, css: str, labels: Callable[[Plan], list[str]],
             remove: Callable[[Plan, int], object]) -> widgets.HBox:
    """A dropdown of the items and a button that removes the chosen one."""
    choice = widgets.Dropdown(description="Verwijder", style={"description_width": "9em"},
                              layout=widgets.Layout(width="32em"))
    choice.add_class(f"{css}-keuze")
    button = _button("Verwijderen", f"{css}-knop", "warning")

    def refresh(plan: Plan) -> None:
        choice.options = [(label, i) for i, label in enumerate(labels(plan))]

    def on_remove(_):
        if choice.value is not None:
            index = choice.value
            session.change(lambda plan: remove(plan, index))

    refresh(session.plan)
    session.on_change(refresh)
    button.on_click(on_remove)
    row = widgets.HBox([choice, button])
    row.add_class(css)
    return row


def offer_section(session: PlanSession) -> Section:
    view = live_html(session, views.offer_view, "ws-aanbod-view")
    name = _text("Initiatief", "ws-aanbod-naam", "bv. Speelpleinwerking")
    provider = _text("Aanbieder", "ws-aanbod-aanbieder", "bv. Jeugddienst")
    pillars = widgets.SelectMultiple(description="Pijlers", rows=8, style={"description_width": "9em"},
                                     options=[(f"{p.nummer}. {p.kort}", p.nummer) for p in reference.pillars()],
                                     layout=widgets.Layout(width="32em"))
    pillars.add_class("ws-aanbod-pijlers")
    ages = widgets.SelectMultiple(description="Leeftijd", rows=5, style={"description_width": "9em"},
                                  options=[(label, code) for code, label in vocab.AGE_GROUPS.items()])
    ages.add_class("ws-aanbod-leeftijden")
    strategy = widgets.Dropdown(description="Strategie", style={"description_width": "9em"},
                                options=[("(niet gekozen)", None)] + [(v, k) for k, v in vocab.STRATEGIES.items()])
    strategy.add_class("ws-aanbod-strategie")
    level = widgets.Dropdown(description="Niveau", style={"description_width": "9em"},
                             options=[("(niet gekozen)", None)] + [(v, k) for k, v in vocab.LEVELS.items()])
    level.add_class("ws-aanbod-niveau")
    add = _button("Initiatief toevoegen", "ws-aanbod-toevoegen", "primary")
    box = _message("ws-aanbod-melding")

    def on_add(_):
        try:
            item = Aanbod(naam=name.value, aanbieder=provider.value, pijlers=list(pillars.value),
                          leeftijdsgroepen=list(ages.value), strategie=strategy.value, niveau=level.value)
        except ValidationError:
            _show(box, "Geef minstens de naam van het initiatief.", ok=False)
            return
        if any(a.naam.casefold() == item.naam.casefold() for a in session.plan.omgevingsanalyse.aanbod):
            _show(box, f"'{item.naam}' staat al in de lijst.", ok=False)
            return
        if session.change(lambda plan: plan.omgevingsanalyse.aanbod.append(item)):
            _show(box, f"Toegevoegd: {item.naam}.", ok=True)
            name.value = provider.value = ""

    add.on_click(on_add)
    remove = _remover(session, "ws-aanbod-verwijder", lambda plan: [a.naam for a in plan.omgevingsanalyse.aanbod],
                      lambda plan, i: plan.omgevingsanalyse.aanbod.pop(i))
    typed = widgets.VBox([name, provider, pillars, ages, strategy, level, add, box, remove])

    upload = widgets.FileUpload(accept=".xlsx,.csv", multiple=False, description="Kies bestand")
    upload.add_class("ws-aanbod-bestand")
    mode = widgets.ToggleButtons(options=[("Toevoegen aan de lijst", "toevoegen"), ("Lijst vervangen", "vervangen")])
    mode.add_class("ws-aanbod-modus")
    read = _button("Inlezen", "ws-aanbod-inlezen", "primary")
    template = _button("Maak een leeg Excel-sjabloon", "ws-aanbod-sjabloon")
    file_box = _message("ws-aanbod-bestand-melding")
    read.on_click(lambda _: _import_from_upload(
        session, file_box, upload, lambda p, shown: offer_import.import_offer(p, session.plan, mode.value,
                                                                              shown_as=shown)))

    def on_template(_):
        target = session.store.path.parent / f"aanbod-sjabloon-{session.plan.gemeente.nis}.xlsx"
        offer_import.template(target)
        _show(file_box, f"Sjabloon bewaard: {target}", ok=True)

    template.on_click(on_template)
    from_file = widgets.VBox([widgets.HTML("Kolommen: naam, aanbieder, pijlers, leeftijdsgroepen, strategie, niveau."),
                              mode, upload, read, template, file_box])
    tabs = widgets.Tab(children=[typed, from_file], titles=("Zelf invullen", "Uit Excel"))
    tabs.add_class("ws-aanbod-invoer")
    return Section(view, tabs)


def needs_section(session: PlanSession) -> Section:
    view = live_html(session, views.needs_view, "ws-noden-view")
    text = widgets.Textarea(description="Nood", placeholder="Wat hoorde u? In de woorden van de deelnemers.",
                            style={"description_width": "9em"}, layout=widgets.Layout(width="40em", height="5em"))
    text.add_class("ws-nood-tekst")
    origin = _text("Bron", "ws-nood-bron", "bv. Focusgroep jeugdhuis (mei 2026)")
    add = _button("Nood toevoegen", "ws-nood-toevoegen", "primary")
    box = _message("ws-nood-melding")

    def on_add(_):
        if not text.value.strip():
            _show(box, "Beschrijf eerst de nood.", ok=False)
            return
        item = Nood(bron=origin.value, omschrijving=text.value)
        if session.change(lambda plan: plan.omgevingsanalyse.noden.append(item)):
            _show(box, "Toegevoegd.", ok=True)
            text.value = ""

    add.on_click(on_add)
    remove = _remover(session, "ws-nood-verwijder",
                      lambda plan: [n.omschrijving[:60] for n in plan.omgevingsanalyse.noden],
                      lambda plan, i: plan.omgevingsanalyse.noden.pop(i))
    typed = widgets.VBox([text, origin, add, box, remove])

    upload = widgets.FileUpload(accept=".csv,.xlsx", multiple=False, description="Kies bestand")
    upload.add_class("ws-enquete-bestand")
    survey_source = _text("Bron", "ws-enquete-bron", "bv. Jeugdmonitor 2026, leerlingen 5de en 6de leerjaar")
    read = _button("Bevraging inlezen", "ws-enquete-inlezen", "primary")
    file_box = _message("ws-enquete-melding")
    read.on_click(lambda _: _import_from_upload(
        session, file_box, upload, lambda p, shown: survey.import_survey(p, session.plan, survey_source.value,
                                                                         shown_as=shown)))
    drop = _button("Bevraging verwijderen", "ws-enquete-verwijder", "warning")

    def on_drop(_):
        # The read-in results and their source go together; "Ongedaan maken" brings them back.
        def edit(plan: Plan) -> None:
            plan.omgevingsanalyse.enquete, plan.omgevingsanalyse.enquete_bron = [], ""

        if session.change(edit):
            _show(file_box, "De bevraging is verwijderd uit het plan.", ok=True)

    drop.on_click(on_drop)
    session.on_change(lambda plan: setattr(drop, "disabled", not plan.omgevingsanalyse.enquete))
    drop.disabled = not session.plan.omgevingsanalyse.enquete
    from_file = widgets.VBox([widgets.HTML("Kolommen: vraag, antwoord, aantal."), upload, survey_source, read,
                              file_box, drop])
    tabs = widgets.Tab(children=[typed, from_file], titles=("Noden uit gesprekken", "Bevraging (CSV of Excel)"))
    tabs.add_class("ws-noden-invoer")
    return Section(view, tabs)


def summary_section(session: PlanSession) -> Section:
    view = live_html(session, views.summary_view, "ws-samenvatting-view")
    notes = widgets.Textarea(description="Notities", style={"description_width": "9em"}, continuous_update=False,
                             layout=widgets.Layout(width="100%", height="12em"))
    notes.add_class("ws-notities")
    bind(notes, session, lambda plan: plan.omgevingsanalyse.notities,
         lambda plan, text: setattr(plan.omgevingsanalyse, "notities", text))
    copy = _button("Zet de samenvatting in de notities", "ws-samenvatting-kopieer")

    def on_copy(_):
        from ..analysis.summaries import all_texts

        text = "\n\n".join(all_texts(session.plan).values())
        current = session.plan.omgevingsanalyse.notities
        session.change(lambda plan: setattr(plan.omgevingsanalyse, "notities",
                                            f"{current}\n\n{text}" if current else text))

    copy.on_click(on_copy)
    return Section(view, widgets.VBox([notes, copy]))
