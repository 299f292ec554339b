"""Step 3 page: score the pillars, see the matrix, choose priorities, write SMART goals."""

from __future__ import annotations

import ipywidgets as widgets

from .. import formatting, reference
from ..analysis import priorities as analysis
from ..analysis.goals import smart_missing
from ..charts.priorities import priority_matrix
from ..edits import priorities as edits
from ..model import Plan
from ..report.document import Paragraph, Subheading, Table
from .common import (BUTTON, ItemEditor, esc, labelled, live_chart, live_html, named, page_header, pillar_options,
                     table)
from .plan_view import view
from .session import PlanSession, bind

SCORE_OPTIONS = [("–", None)] + [(str(n), n) for n in range(1, 6)]
SCORE_FIELDS = {
    "situatie": "Situatie nu (1 = zwak, 5 = sterk)",
    "belang": "Belang (1 = klein, 5 = groot)",
    "haalbaarheid": "Haalbaarheid (1 = moeilijk, 5 = makkelijk)",
}


def header(session: PlanSession) -> widgets.Widget:
    return page_header(session, 3)


def _score_widget(session: PlanSession, pillar: int, field: str) -> widgets.Dropdown:
    box = named(widgets.Dropdown(options=SCORE_OPTIONS, layout=widgets.Layout(width="5em")),
                f"{SCORE_FIELDS[field]}, pijler {pillar}")
    box.add_class(f"ws-score-{field}-{pillar}")
    return bind(box, session,
                lambda plan: getattr(analysis.score_of(plan, pillar), field),
                lambda plan, value: edits.set_score(plan, pillar, field, value))


def scores(session: PlanSession) -> widgets.Widget:
    """One row per pillar: three scores and a note, with the existing offer from step 2 beside it."""
    offer = analysis.offer_per_pillar(session.plan)
    cell = widgets.Layout(padding="2px 6px")
    heads = ["Pijler", "Situatie", "Belang", "Haalbaar", "Aanbod (stap 2)", "Toelichting"]
    items = [widgets.HTML(f"<b>{h}</b>", layout=cell) for h in heads]
    for pillar in reference.pillars():
        note = named(widgets.Text(placeholder="waarom deze scores?", continuous_update=False,
                                  layout=widgets.Layout(width="95%")), f"Toelichting bij pijler {pillar.nummer}")
        note.add_class(f"ws-score-toelichting-{pillar.nummer}")
        bind(note, session, lambda plan, n=pillar.nummer: analysis.score_of(plan, n).toelichting,
             lambda plan, value, n=pillar.nummer: edits.set_score(plan, n, "toelichting", value))
        items += [
            widgets.HTML(f'<span title="{esc(pillar.titel)}">{pillar.nummer}. {esc(pillar.kort)}</span>',
                         layout=cell),
            *(_score_widget(session, pillar.nummer, field) for field in SCORE_FIELDS),
            widgets.HTML(f"{offer[pillar.nummer]} initiatief" if offer[pillar.nummer] == 1
                         else f"{offer[pillar.nummer]} initiatieven", layout=cell),
            note,
        ]
    grid = widgets.GridBox(items, layout=widgets.Layout(
        grid_template_columns="16em 6em 6em 6em 11em minmax(14em, 1fr)", width="100%"))
    grid.add_class("ws-scores")
    legend = widgets.HTML("<p>" + " · ".join(esc(t) for t in SCORE_FIELDS.values()) + "</p>")
    return widgets.VBox([legend, grid, widgets.HTML(environment_table(session.plan))])


def environment_table(plan: Plan) -> str:
    rows = []
    for c in analysis.environment_figures(plan):
        flanders = c.gebieden[0].waarde
        rows.append([c.naam, formatting.value(c.waarde, c.measure.eenheid),
                     formatting.value(flanders, c.measure.eenheid), c.measure.jaar_kort, c.signaal,
                     formatting.source(c.measure.bron, c.measure.periode)])
    return view("ws-omgeving-cijfers", [
        Subheading("Cijfers uit de omgevingsanalyse (stap 2)"),
        Table(["Indicator", plan.gemeente.naam, "Vlaanderen", "Referentiejaar", "Tegenover vergelijkbare gemeenten",
               "Bron"], rows, titel="Cijfers uit de omgevingsanalyse")])


def matrix(session: PlanSession) -> widgets.Widget:
    def advice(plan: Plan) -> str:
        found = analysis.suggested(plan)
        if not found:
            return view("ws-matrix-advies-inhoud", [Paragraph("Nog geen pijler valt in het vak 'nu aanpakken'.")])
        names = {p.nummer: p.kort for p in reference.pillars()}
        listed = ", ".join(f"{n}. {names[n]}" for n in found)
        return view("ws-matrix-advies-inhoud", [Paragraph(f"Pijlers met een grote nood die goed haalbaar zijn: {listed}.")])

    chart = live_chart(session, analysis.positions, priority_matrix, "ws-matrix")
    return widgets.VBox([chart, live_html(session, advice, "ws-matrix-advies")])


def choice(session: PlanSession) -> widgets.Widget:
    boxes = []
    for pillar in reference.pillars():
        box = widgets.Checkbox(description=f"{pillar.nummer}. {pillar.kort}", indent=False,
                               layout=widgets.Layout(width="22em"))
        box.add_class(f"ws-prioriteit-pijler-{pillar.nummer}")
        bind(box, session, lambda plan, n=pillar.nummer: n in plan.prioriteiten.gekozen_pijlers,
             lambda plan, value, n=pillar.nummer: edits.toggle_pillar(plan, n, value))
        boxes.append(box)
    grid = widgets.GridBox(boxes, layout=widgets.Layout(grid_template_columns="repeat(2, 24em)"))
    grid.add_class("ws-prioriteiten")
    return grid


def goals_table(plan: Plan) -> str:
    if not plan.prioriteiten.doelstellingen:
        return "<p>Nog geen doelstellingen.</p>"
    rows = []
    for goal in plan.prioriteiten.doelstellingen:
        missing = smart_missing(goal, plan.cyclus)
        check = ('<span class="ws-ok">SMART</span>' if not missing
                 else f'<span class="ws-open">mist {esc(", ".join(missing))}</span>')
        rows.append([esc(goal.titel), esc(", ".join(map(str, goal.pijlers))), esc(goal.eigenaar),
                     esc(goal.deadline or ""), check])
    return table(["Doelstelling", "Pijlers", "Eigenaar", "Deadline", "SMART-check"], rows, raw=True)


def goals(session: PlanSession) -> widgets.Widget:
    """The goals as a table, a form for one goal at a time, and the SMART check for it."""
    overview = live_html(session, goals_table, "ws-doelen-tabel")
    new_title = widgets.Text(placeholder="Titel van een nieuwe doelstelling", continuous_update=False,
                             layout=widgets.Layout(width="40em"))
    new_title.add_class("ws-doel-nieuw")
    add = widgets.Button(description="Voeg doelstelling toe", icon="plus", button_style="primary",
                         layout=BUTTON)
    add.add_class("ws-doel-toevoegen")
    editor = ItemEditor(session, lambda plan: plan.prioriteiten.doelstellingen, lambda g: g.id,
                        lambda g: g.titel, "ws-doel-keuze", "Doelstelling")

    def text(name: str, label: str, placeholder: str = "") -> widgets.Text:
        box = widgets.Text(description=label, placeholder=placeholder, continuous_update=False)
        return editor.bind(box, f"ws-doel-{name}", name)

    fields = [
        text("titel", "Titel"),
        editor.bind(widgets.SelectMultiple(options=pillar_options(), description="Pijlers", rows=8),
                    "ws-doel-pijlers", "pijlers", empty=(), get=lambda g: tuple(g.pijlers),
                    put=lambda g, value: setattr(g, "pijlers", list(value))),
        text("doelgroep", "Doelgroep (S)", "bv. jongeren van 12 tot 18 jaar"),
        text("indicator", "Indicator (M)", "wat meet u?"),
        text("streefwaarde", "Streefwaarde (M)", "bv. 60 procent"),
        editor.bind(widgets.DatePicker(description="Deadline (T)"), "ws-doel-deadline", "deadline",
                    empty=None),
        text("eigenaar", "Eigenaar", "wie is verantwoordelijk?"),
    ]

    def smart(plan: Plan) -> str:
        goal = editor.item(plan)
        if goal is None:
            return ""
        missing = smart_missing(goal, plan.cyclus)
        if not missing:
            return '<p class="ws-ok"><b>SMART-check:</b> deze doelstelling is volledig.</p>'
        return f'<p class="ws-open"><b>SMART-check:</b> nog nodig: {esc(", ".join(missing))}.</p>'

    check = live_html(session, smart, "ws-smart-check")
    editor.on_choose(lambda _: setattr(check, "value", smart(session.plan)))

    def on_add(_) -> None:
        title = new_title.value.strip()
        if not title:
            session.refuse("Geef eerst een titel voor de nieuwe doelstelling.")
            return
        added = []
        if session.change(lambda plan: added.append(edits.add_goal(plan, title))):
            new_title.value = ""
            editor.sync(select=added[0].id)

    remove = editor.remove_button("Verwijder deze doelstelling", "ws-doel-verwijderen", edits.remove_goal)
    add.on_click(on_add)
    return widgets.VBox([overview, widgets.HBox([new_title, add]), editor.picker, *fields, check, remove])


def vision(session: PlanSession) -> widgets.Widget:
    """The municipality's own vision and mission, in a few sentences each (saved when a field is left)."""
    fields = []
    for name, label, example in (("visie", "Visie", "bv. In onze gemeente voelt elk kind en elke jongere zich "
                                                    "welkom en gehoord."),
                                 ("missie", "Missie", "bv. Samen met scholen, jeugdwerk en welzijn bouwen we aan ...")):
        area = labelled(widgets.Textarea(description=label, placeholder=example, rows=4, continuous_update=False),
                        f"ws-{name}")
        fields.append(bind(area, session, lambda plan, name=name: getattr(plan.visie, name),
                           lambda plan, value, name=name: setattr(plan.visie, name, value.strip())))
    return widgets.VBox(fields)
