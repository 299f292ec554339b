"""Widgets for notebook 04b: the meerjarenplan (import, typed entry), links with suggestions, overviews.

Every change goes through `PlanSession.change`, so it is checked and saved at once; views that
show derived tables register with `session.on_change` and redraw themselves.
"""

from __future__ import annotations

import html
import shutil
import tempfile
from pathlib import Path
from typing import Any, Callable

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle

from .. import reference, vocab
from ..formatting import euro
from ..analysis import linking
from ..analysis.mjp_links import anchoring_counts, anchoring_table, mjp_suggestions, pillar_coverage, tree
from ..analysis.sdg_links import sdg_overview, sdg_suggestions, vizier_overview, vizier_suggestions
from ..carryover import CYCLE_ORDER, carry_over, install_meerjarenplan
from ..charts.links import sdg_contribution
from ..edits import links as link_edits
from ..edits.meerjarenplan import add_item, propagate_priority, remove_item, rename_item
from ..errors import WarmeStadError
from ..imports.meerjarenplan import ImportResult, read_meerjarenplan
from ..model import Meerjarenplan, MjpItem, Plan
from ..store import create_plan
from ..report.document import Paragraph, Subheading
from .common import BUTTON, field, live_html, page_header, table
from .list_form import Input, ListForm
from .plan_view import chart, frame, view
from .session import PlanSession

# Rows of inputs and buttons wrap on a narrow screen instead of squeezing the buttons' text.
ROW = dict(flex_flow="row wrap", align_items="center")


def header(session: PlanSession) -> widgets.Widget:
    """The page header of the other pages (title, aim, save status with reload) for this extra page."""
    return page_header(session, None, "Koppelingen: meerjarenplan, SDG's en Vizier 2030",
                       "Geef elke doelstelling en actie een plaats in het meerjarenplan en zie hoe het plan "
                       "bijdraagt aan de SDG's en aan Vizier 2030.")


def _message(css: str, text: str) -> str:
    return f'<div class="{css}">{html.escape(text)}</div>'


def _lines(css: str, lines: list[str] | tuple[str, ...]) -> str:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return f'<ul class="{css}">{items}</ul>'


def _error_html(exc: WarmeStadError) -> str:
    return _message("ws-error", exc.message) + (_lines("ws-problems", exc.problems) if exc.problems else "")


def mjp_tree_html(mjp: Meerjarenplan | None) -> str:
    """The meerjarenplan as an indented list (priority items marked)."""
    if mjp is None or not mjp.items:
        return _message("ws-empty", "Er is nog geen meerjarenplan ingevuld.")
    fields = {b.code: b.naam for b in reference.beleidsvelden()}
    rows = []
    for depth, item in tree(mjp):
        extra = [vocab.MJP_LEVELS[item.niveau]]
        if item.prioritair:
            extra.append("prioritair")
        if item.beleidsveld:
            extra.append(f"beleidsveld {item.beleidsveld} {fields[item.beleidsveld].lower()}")
        if item.budget_eur is not None:
            extra.append(euro(item.budget_eur))
        rows.append(
            f'<div class="ws-mjp-item" style="margin-left:{depth * 1.5}em"><b>{html.escape(item.code)}</b> '
            f"{html.escape(item.titel)} <small>({html.escape(', '.join(extra))})</small></div>"
        )
    return f'<div class="ws-mjp-tree"><p>Meerjarenplan {html.escape(mjp.cyclus)}</p>{"".join(rows)}</div>'


def _read_upload(upload: widgets.FileUpload, cyclus: str) -> ImportResult:
    """Read the uploaded file (written to a temporary folder first: the reader needs a path with a suffix)."""
    if not upload.value:
        raise WarmeStadError("Kies eerst een bestand (.xlsx of .csv).")
    item = upload.value[0]
    folder = Path(tempfile.mkdtemp(prefix="ws-upload-"))
    try:
        path = folder / Path(item["name"]).name
        path.write_bytes(bytes(item["content"]))
        return read_meerjarenplan(path, cyclus)
    except WarmeStadError as exc:
        # Name the file as the user knows it, not by its temporary copy.
        raise WarmeStadError(exc.message.replace(f"{folder}/", ""), exc.problems) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _cycle_choice(session: PlanSession) -> widgets.Dropdown:
    choice = widgets.Dropdown(options=[(label, code) for code, label in vocab.CYCLES.items()],
                              value=session.plan.meerjarenplan.cyclus if session.plan.meerjarenplan
                              else session.plan.cyclus, description="Cyclus",
                              layout=widgets.Layout(width="26em"))  # the whole "meerjarenplan 2026-2031"
    choice.add_class("ws-mjp-cycle")
    return choice


def meerjarenplan_import(session: PlanSession) -> widgets.VBox:
    """Upload an export of the meerjarenplan, see what was read, then take it over into the plan."""
    upload = widgets.FileUpload(accept=".xlsx,.xlsm,.csv,.txt", multiple=False, description="Bestand kiezen",
                                layout=widgets.Layout(width="auto"))
    upload.add_class("ws-mjp-upload")
    cycle = _cycle_choice(session)
    read = widgets.Button(description="Inlezen", icon="upload", layout=BUTTON)
    read.add_class("ws-mjp-read")
    apply = widgets.Button(description="Overnemen in het plan", button_style="primary", disabled=True,
                           layout=BUTTON)
    apply.add_class("ws-mjp-apply")
    result = widgets.HTML()
    result.add_class("ws-mjp-import-result")
    state: dict[str, ImportResult] = {}

    def on_read(_):
        state.clear()
        apply.disabled = True
        try:
            state["result"] = _read_upload(upload, cycle.value)
        except WarmeStadError as exc:
            result.value = _error_html(exc)
            return
        found = state["result"]
        result.value = _lines("ws-mjp-notes", found.notes) + mjp_tree_html(found.meerjarenplan)
        apply.disabled = False

    def on_apply(_):
        found = state.get("result")
        if found is None:
            return
        report: list[str] = []

        def edit(plan: Plan) -> None:
            report.extend(install_meerjarenplan(plan, found.meerjarenplan).lines())

        if session.change(edit):
            result.value = _lines("ws-mjp-report", report)
            apply.disabled = True
        else:
            result.value = _message("ws-error", "Het meerjarenplan is niet overgenomen; zie de melding hierboven.")

    read.on_click(on_read)
    apply.on_click(on_apply)
    box = widgets.VBox([widgets.HBox([upload, cycle, read, apply], layout=widgets.Layout(**ROW)), result])
    box.add_class("ws-mjp-import")
    return box


def _parents(plan: Plan) -> tuple:
    """The items another item can hang under (the hierarchy itself is checked when the plan is saved)."""
    items = plan.meerjarenplan.items if plan.meerjarenplan else []
    return (("(geen: bovenaan)", None),) + tuple((f"{i.code} {i.titel}"[:70], i.code) for i in items
                                                 if i.niveau != "actie")


def _item_inputs() -> list[Input]:
    fields = tuple((f"{b.code} {b.naam}", b.code) for b in reference.beleidsvelden())
    return [Input("niveau", "Niveau", "choice", tuple((label, code) for code, label in vocab.MJP_LEVELS.items())),
            Input("code", "Code", placeholder="bv. AP1.2"),
            Input("titel", "Titel"),
            Input("ouder", "Hangt onder", "choice", _parents),
            Input("prioritair", "Prioritair", "check"),
            Input("beleidsveld", "Beleidsveld", "choice", (("(geen)", None),) + fields),
            Input("budget_eur", "Budget (euro)", "euro", placeholder="bv. 12.500"),
            Input("reden_verschil", "Reden verschil", "area",
                  placeholder="waarom de gekoppelde acties samen een ander bedrag hebben")]


def _set_item_field(plan: Plan, item: MjpItem, name: str, value: Any) -> None:
    if name == "code":
        rename_item(plan, item.code, value)  # what hangs under it and the links follow the new code
    else:
        setattr(item, name, value)


def _priority_upwards(plan: Plan) -> None:
    if plan.meerjarenplan is not None:
        propagate_priority(plan.meerjarenplan.items)


def meerjarenplan_entry(session: PlanSession) -> widgets.VBox:
    """Type in the meerjarenplan item by item (for municipalities without an export), or choose an item to
    change it field by field or remove it."""
    cycle = field(_cycle_choice(session), "ws-mjp-cycle")  # aligned with the form's inputs
    view = widgets.HTML()
    view.add_class("ws-mjp-entry-tree")

    def create(plan: Plan, values: dict) -> None:
        if plan.meerjarenplan is None:
            plan.meerjarenplan = Meerjarenplan(cyclus=cycle.value)
        add_item(plan.meerjarenplan, MjpItem(**values))

    form = ListForm(session, inputs=_item_inputs(), items=lambda plan: plan.meerjarenplan.items if plan.meerjarenplan
                    else None, create=create, label=lambda i: f"{i.code} {i.titel}"[:70], css="ws-mjp-invoer",
                    what="Meerjarenplan", noun="item", required=("code", "titel"),
                    empty_text="Er is nog geen meerjarenplan ingevuld.", after=_priority_upwards,
                    change=_set_item_field, table=False,
                    discard=lambda plan, index: remove_item(plan, plan.meerjarenplan.items[index].code))

    def refresh(plan: Plan) -> None:
        cycle.disabled = plan.meerjarenplan is not None
        view.value = mjp_tree_html(plan.meerjarenplan)

    session.on_change(refresh)
    refresh(session.plan)
    box = widgets.VBox([cycle, form.box, view])
    box.add_class("ws-mjp-entry")
    return box


def _options(plan: Plan, kind: str) -> list[tuple[str, str]]:
    if kind == "mjp":
        items = plan.meerjarenplan.items if plan.meerjarenplan else []
        return [(f"{i.code} {i.titel}", i.code) for i in items]
    if kind == "sdg":
        return [(f"{t.code} {t.tekst}", t.code) for t in reference.sdg_targets()]
    return [(v.titel, v.id) for v in reference.vizier_goals()]


def _suggestions(plan: Plan, kind: str, subject_kind: str, subject) -> list[linking.Suggestion]:
    if kind == "mjp":
        return mjp_suggestions(plan, subject_kind, subject)
    return sdg_suggestions(subject) if kind == "sdg" else vizier_suggestions(subject)


class _Look:
    """Layout and style models shared by the many small buttons of an editor (fewer widget models to sync)."""

    def __init__(self) -> None:
        self.button = widgets.Layout(width="auto")
        self.box = widgets.Layout(border="1px solid #d0d7de", padding="4px", margin="4px 0")
        self.row = widgets.Layout(**ROW)
        self.text = widgets.Layout()
        self.text_style = HTMLStyle()
        self.button_style = widgets.ButtonStyle()

    def html(self, value: str, css: str = "") -> widgets.HTML:
        text = widgets.HTML(value, layout=self.text, style=self.text_style)
        if css:
            text.add_class(css)
        return text

    def hbox(self, children: list[widgets.Widget], css: str = "") -> widgets.HBox:
        box = widgets.HBox(children, layout=self.row)
        if css:
            box.add_class(css)
        return box


def _button(look: _Look, text: str, css: str, action: Callable[[], None], style: str = "") -> widgets.Button:
    button = widgets.Button(description=text, button_style=style, layout=look.button, style=look.button_style)
    button.add_class(css)
    button.on_click(lambda _: action())
    return button


def _subject_box(session: PlanSession, look: _Look, kind: str, subject_kind: str, subject,
                 labels: dict[str, str], suggestions: list[linking.Suggestion]) -> widgets.VBox:
    linked_field, rejected_field = linking.LINK_FIELDS[kind]
    rows: list[widgets.Widget] = []

    def do(operation, code: str, row: widgets.Widget) -> Callable[[], None]:
        def run() -> None:
            # The row leaves the page first, in one small message, before the save and the redraw:
            # a quick next click then meets the page as it will be, not a button already used.
            before = box.children
            box.children = tuple(child for child in before if child is not row)
            if not session.change(lambda p: operation(linking.find_subject(p, subject_kind, subject.id), kind, code)):
                box.children = before
        return run

    def row_of(children: Callable[[widgets.Widget], list[widgets.Widget]], css: str = "") -> widgets.HBox:
        row = look.hbox([], css)
        row.children = children(row)
        return row

    rows.append(look.html(f"<b>{subject_kind.capitalize()}: {html.escape(subject.titel)}</b>"))
    for code in getattr(subject, linked_field):
        rows.append(row_of(lambda row, code=code: [
            look.html(f"&#10003; {html.escape(labels.get(code, code))}", "ws-link"),
            _button(look, "Verwijderen", "ws-link-remove", do(link_edits.reject, code, row))]))
    for suggestion in suggestions:
        rows.append(row_of(lambda row, suggestion=suggestion: [
            look.html(f"Voorstel: <b>{html.escape(suggestion.code)}</b> {html.escape(suggestion.titel)}"
                      f"<br><small>{html.escape('; '.join(suggestion.redenen))}</small>", "ws-suggestion-text"),
            _button(look, "Aanvaarden", "ws-accept", do(link_edits.accept, suggestion.code, row), "success"),
            _button(look, "Afwijzen", "ws-reject", do(link_edits.reject, suggestion.code, row)),
        ], "ws-suggestion"))
    rejected = getattr(subject, rejected_field)
    if rejected:
        def forget() -> None:
            def edit(p: Plan) -> None:
                found = linking.find_subject(p, subject_kind, subject.id)
                for code in list(getattr(found, rejected_field)):
                    link_edits.forget_rejection(found, kind, code)
            session.change(edit)
        rows.append(look.hbox([look.html(f"<small>Afgewezen: {html.escape(', '.join(rejected))}</small>"),
                               _button(look, "Opnieuw voorstellen", "ws-forget", forget)]))
    box = widgets.VBox(rows, layout=look.box)
    box.add_class("ws-link-subject")
    return box


def _free_choice(session: PlanSession, look: _Look, kind: str) -> widgets.HBox:
    """One row to link any goal or action to any item of the list, also one that was not suggested."""
    plan = session.plan
    subject = widgets.Dropdown(options=[(f"{k}: {s.titel}"[:60], (k, s.id)) for k, s in linking.subjects(plan)],
                               description="Zelf koppelen")
    subject.add_class("ws-link-subject-choice")
    code = widgets.Dropdown(options=_options(plan, kind), description="aan", layout=widgets.Layout(width="30em"))
    code.style.description_width = "2em"
    code.add_class("ws-link-choice")

    def add() -> None:
        if subject.value and code.value:
            kind_, sid = subject.value
            session.change(lambda p: link_edits.accept(linking.find_subject(p, kind_, sid), kind, code.value))

    return widgets.HBox([subject, code, _button(look, "Toevoegen", "ws-link-add", add, "success")],
                        layout=widgets.Layout(**ROW))


def link_editor(session: PlanSession, kind: str) -> widgets.VBox:
    """Per goal and action: its links of one kind, the open suggestions (accept / reject), and a free choice."""
    box = widgets.VBox()
    box.add_class(f"ws-links-{kind}")
    look = _Look()

    linked_field, rejected_field = linking.LINK_FIELDS[kind]
    # Each goal's or action's box is drawn again only when what it shows changed: a click then
    # costs one small box instead of the whole page (hundreds of widgets, a second under load).
    shown: dict[tuple, tuple[tuple, widgets.VBox]] = {}
    free: dict[str, Any] = {}

    def redraw(plan: Plan) -> None:
        if kind == "mjp" and plan.meerjarenplan is None:
            box.children = [widgets.HTML(_message("ws-empty", "Lees eerst het meerjarenplan in of tik het in."))]
            return
        subjects = linking.subjects(plan)
        if not subjects:
            box.children = [widgets.HTML(_message("ws-empty", "Er zijn nog geen doelstellingen of acties."))]
            return
        options = _options(plan, kind)
        labels = {code: label for label, code in options}
        boxes = []
        for k, s in subjects:
            suggestions = _suggestions(plan, kind, k, s)
            state = (tuple(options), s.titel, tuple(getattr(s, linked_field)), tuple(getattr(s, rejected_field)),
                     tuple((x.code, x.titel, tuple(x.redenen)) for x in suggestions))
            old = shown.get((k, s.id))
            if old is None or old[0] != state:
                shown[(k, s.id)] = (state, _subject_box(session, look, kind, k, s, labels, suggestions))
            boxes.append(shown[(k, s.id)][1])
        choice_state = (tuple(options), tuple((k, s.id, s.titel) for k, s in subjects))
        if free.get("state") != choice_state:
            free.update(state=choice_state, row=_free_choice(session, look, kind))
        box.children = [*boxes, free["row"]]

    session.on_change(redraw)
    redraw(session.plan)
    return box


def _anchoring_html(plan: Plan) -> str:
    counts = anchoring_counts(plan)
    head = "; ".join(f"{done} van de {total} {'doelstellingen' if kind == 'doelstelling' else 'acties'} "
                     "gekoppeld aan het meerjarenplan" for kind, (done, total) in counts.items())
    rows = anchoring_table(plan)[["soort", "titel", "verankerd", "meerjarenplan"]]
    rows.columns = ["Soort", "Titel", "Gekoppeld", "In het meerjarenplan"]
    return view("ws-verankering-mjp", [Paragraph(head), frame(rows, titel="Doelstellingen en acties in het meerjarenplan")])


def anchoring_view(session: PlanSession) -> widgets.HTML:
    return live_html(session, _anchoring_html, "ws-anchoring")


def _coverage_html(plan: Plan) -> str:
    coverage = pillar_coverage(plan)
    if coverage.empty:
        return _message("ws-empty", "Er is nog geen meerjarenplan ingevuld.")
    pillars = [str(p.nummer) for p in reference.pillars()]
    cells = coverage.astype(str).map(html.escape)
    # pandas strips leading spaces from cells: the tree's indentation is written as &nbsp; (escape=False,
    # every cell escaped above); a zero is left empty so the pillars that are served stand out.
    cells["titel"] = ["&nbsp;" * (len(t) - len(t.lstrip(" "))) + html.escape(t.lstrip(" ")) for t in coverage["titel"]]
    for column in pillars:
        cells[column] = ["" if n == 0 else str(n) for n in coverage[column]]
    legend = "; ".join(f"{p.nummer} {p.kort}" for p in reference.pillars())
    heads = ["Code", "Titel", "Niveau", *(f"Pijler {n}" for n in pillars)]
    return (table(heads, cells.itertuples(index=False), raw=True)
            + f"<p><small>Pijlers: {html.escape(legend)}.</small></p>")


def pillar_view(session: PlanSession) -> widgets.HTML:
    return live_html(session, _coverage_html, "ws-pillar-coverage")


def _sdg_html(plan: Plan) -> str:
    sdgs = sdg_overview(plan).reindex(columns=["sdg", "naam", "acties", "doelstellingen", "subdoelen"])
    sdgs.columns = ["SDG", "Naam", "Acties", "Doelstellingen", "Subdoelen"]
    vizier = vizier_overview(plan).reindex(columns=["thema", "doel", "acties", "doelstellingen"])
    vizier.columns = ["Thema", "Doel van Vizier 2030", "Acties", "Doelstellingen"]
    return view("ws-sdg-inhoud", [
        chart(sdg_contribution(plan), titel=f"Bijdrage aan de SDG's - {plan.gemeente.naam}",
              alt="Liggende staven: per SDG (alle 17) het aantal acties van het plan dat aan een van zijn subdoelen "
                  "gekoppeld is.", bron=f"de SDG-koppelingen in het plan van {plan.gemeente.naam}"),
        frame(sdgs, titel="Bijdrage aan de 17 SDG's"),
        Subheading("Vizier 2030"), frame(vizier, titel="Bijdrage aan Vizier 2030")])


def sdg_view(session: PlanSession) -> widgets.HTML:
    return live_html(session, _sdg_html, "ws-sdg-overview")


def _next_cycle(cycle: str) -> str | None:
    position = CYCLE_ORDER.index(cycle)
    return CYCLE_ORDER[position + 1] if position + 1 < len(CYCLE_ORDER) else None


def carry_over_form(session: PlanSession) -> widgets.VBox:
    """Make the plan for the next cycle as a new file next to this one (this file stays as it is)."""
    target = _next_cycle(session.plan.cyclus)
    if target is None:
        box = widgets.VBox([widgets.HTML(_message(
            "ws-empty", f"Dit plan loopt al in de laatste cyclus ({session.plan.cyclus}); overzetten is niet nodig."))])
        box.add_class("ws-carry-over")
        return box
    upload = widgets.FileUpload(accept=".xlsx,.xlsm,.csv,.txt", multiple=False,
                                description=f"Meerjarenplan {target} (mag later)", layout=widgets.Layout(width="auto"))
    upload.add_class("ws-carry-upload")
    run = widgets.Button(description=f"Maak het plan voor {target}", button_style="primary", layout=BUTTON)
    run.add_class("ws-carry-run")
    result = widgets.HTML()
    result.add_class("ws-carry-result")

    def on_run(_):
        try:
            mjp = _read_upload(upload, target).meerjarenplan if upload.value else None
            new, report = carry_over(session.plan, target, mjp)
            path = session.store.path
            out = create_plan(path.with_name(f"{path.stem}-{target}.yaml"), new)
        except WarmeStadError as exc:
            result.value = _error_html(exc)
            return
        result.value = _lines("ws-carry-report", [*report.lines(), f"Nieuw plan bewaard: {out}"])

    run.on_click(on_run)
    box = widgets.VBox([widgets.HBox([upload, run], layout=widgets.Layout(**ROW)), result])
    box.add_class("ws-carry-over")
    return box
