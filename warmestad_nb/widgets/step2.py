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

from .. import reference, vocab
from ..errors import WarmeStadError
from ..imports import indicators as indicator_import, offer as offer_import, statbel, survey
from ..imports.common import ImportResult
from ..imports.own import is_percent, new_own_figure
from ..model import Aanbod, EnqueteAntwoord, Nood, Plan
from . import step2_views as views
from .checklist_view import step_checklist
from .common import Section, live_html, show_number
from .list_form import Input, ListForm
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


OWN_FIGURE_INPUTS = [
    Input("indicator", "Indicator", placeholder="bv. Kinderen met verhoogde tegemoetkoming"),
    Input("jaar", "Jaar", "whole", placeholder="bv. 2025"),
    Input("waarde", "Waarde", "number", placeholder="bv. 12,5"),
    Input("eenheid", "Eenheid", options=("%", "aantal", "inwoners", "index"), placeholder="bv. %"),
    Input("vlaanderen", "Vlaanderen", "number", placeholder="zelfde cijfer voor Vlaanderen (mag leeg)"),
    Input("bron", "Bron", placeholder="bv. Gemeente-Stadsmonitor 2025, of: eigen telling jeugddienst"),
]


def _add_own_figure(plan: Plan, values: dict) -> None:
    plan.omgevingsanalyse.eigen_cijfers.append(new_own_figure(
        plan, values["indicator"], values["jaar"], values["waarde"], values["eenheid"], values["bron"],
        values["vlaanderen"]))


def _own_figure_rules(plan: Plan) -> None:
    """What a typed figure must be, also after a change in place: a percentage up to 100, one per year."""
    seen: set[tuple[str, int]] = set()
    for figure in plan.omgevingsanalyse.eigen_cijfers:
        key = (figure.indicator.casefold(), figure.jaar)
        if key in seen:
            raise WarmeStadError(f"Eigen cijfers: '{figure.indicator}' voor {figure.jaar} staat al in het plan.")
        seen.add(key)
        if is_percent(figure.eenheid):
            for label, value in (("Waarde", figure.waarde), ("Vlaanderen", figure.vlaanderen)):
                if value is not None and not 0 <= value <= 100:
                    raise WarmeStadError(f"Eigen cijfers, '{figure.indicator}': {label}: een percentage ligt "
                                         f"tussen 0 en 100, niet {show_number(value)}.")


def own_figures_form(session: PlanSession) -> ListForm:
    """Own figures typed in: add one, or choose one to change it field by field, or remove it."""
    return ListForm(session, inputs=OWN_FIGURE_INPUTS, items=lambda plan: plan.omgevingsanalyse.eigen_cijfers,
                    create=_add_own_figure, after=_own_figure_rules, label=lambda f: f"{f.indicator} ({f.jaar})",
                    css="ws-eigen", what="Eigen cijfers", noun="cijfer", required=("indicator", "jaar", "waarde", "bron"),
                    empty_text="Nog geen eigen cijfers.", table=False, keep=("eenheid", "bron"))


def own_figures_section(session: PlanSession) -> Section:
    view = live_html(session, views.own_figures_view, "ws-eigen-cijfers-view")
    typed = own_figures_form(session).box

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


def _options(codes: dict) -> tuple:
    return tuple((label, code) for code, label in codes.items())


def _offer_inputs() -> list[Input]:
    pillars = tuple((f"{p.nummer}. {p.kort}", p.nummer) for p in reference.pillars())
    return [Input("naam", "Initiatief", placeholder="bv. Speelpleinwerking"),
            Input("aanbieder", "Aanbieder", placeholder="bv. Jeugddienst"),
            Input("pijlers", "Pijlers", "ages", pillars),
            Input("leeftijdsgroepen", "Leeftijd", "ages", _options(vocab.AGE_GROUPS)),
            Input("strategie", "Strategie", "choice", (("(niet gekozen)", None),) + _options(vocab.STRATEGIES)),
            Input("niveau", "Niveau", "choice", (("(niet gekozen)", None),) + _options(vocab.LEVELS))]


def _offer_rules(plan: Plan) -> None:
    names = [a.naam.casefold() for a in plan.omgevingsanalyse.aanbod]
    double = next((a.naam for a in plan.omgevingsanalyse.aanbod if names.count(a.naam.casefold()) > 1), None)
    if double:
        raise WarmeStadError(f"Bestaand aanbod: '{double}' staat al in de lijst.")


def offer_form(session: PlanSession) -> ListForm:
    """The existing offer typed in: add an initiative, or choose one to change or remove it."""
    return ListForm(session, inputs=_offer_inputs(), items=lambda plan: plan.omgevingsanalyse.aanbod,
                    create=lambda plan, values: plan.omgevingsanalyse.aanbod.append(Aanbod(**values)),
                    after=_offer_rules, label=lambda a: a.naam, css="ws-initiatief", what="Bestaand aanbod",
                    noun="initiatief", required=("naam",), empty_text="Nog geen aanbod.", table=False)


def offer_section(session: PlanSession) -> Section:
    view = live_html(session, views.offer_view, "ws-aanbod-view")
    typed = offer_form(session).box

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


NEED_INPUTS = [Input("omschrijving", "Nood", "area"),
               Input("bron", "Bron", placeholder="bv. Focusgroep jeugdhuis (mei 2026)")]


def needs_form(session: PlanSession) -> ListForm:
    """Needs heard in conversations: add one, or choose one to change or remove it."""
    return ListForm(session, inputs=NEED_INPUTS, items=lambda plan: plan.omgevingsanalyse.noden,
                    create=lambda plan, values: plan.omgevingsanalyse.noden.append(Nood(**values)),
                    label=lambda n: n.omschrijving[:60], css="ws-nood", what="Noden", noun="nood", new="(nieuwe nood)",
                    required=("omschrijving",), empty_text="Nog geen noden.", table=False, keep=("bron",))


ANSWER_INPUTS = [Input("vraag", "Vraag"), Input("antwoord", "Antwoord"), Input("aantal", "Aantal", "whole")]


def answers_form(session: PlanSession) -> ListForm:
    """The survey's answers, one by one: a count corrected, a missing answer added, a wrong one removed."""
    return ListForm(session, inputs=ANSWER_INPUTS, items=lambda plan: plan.omgevingsanalyse.enquete,
                    create=lambda plan, values: plan.omgevingsanalyse.enquete.append(EnqueteAntwoord(**values)),
                    label=lambda a: f"{a.vraag}: {a.antwoord} ({a.aantal})"[:90], css="ws-antwoord",
                    what="Bevraging", noun="antwoord", required=("vraag", "antwoord", "aantal"), table=False,
                    empty_text="Nog geen bevraging ingelezen.")


def needs_section(session: PlanSession) -> Section:
    view = live_html(session, views.needs_view, "ws-noden-view")
    typed = needs_form(session).box

    upload = widgets.FileUpload(accept=".csv,.xlsx", multiple=False, description="Kies bestand")
    upload.add_class("ws-enquete-bestand")
    # The source of the survey in the plan: typed before reading the file in, changed afterwards.
    survey_source = _text("Bron", "ws-enquete-bron", "bv. Jeugdmonitor 2026, leerlingen 5de en 6de leerjaar")
    survey_source.continuous_update = False
    bind(survey_source, session, lambda plan: plan.omgevingsanalyse.enquete_bron,
         lambda plan, text: setattr(plan.omgevingsanalyse, "enquete_bron", text.strip()))
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
                              file_box, drop, widgets.HTML("<b>Antwoorden in het plan</b>"), answers_form(session).box])
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
