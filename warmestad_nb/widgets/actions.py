"""Step 4 page: browse the inspiratiebox, build the action plan, and see the balance of the mix."""

from __future__ import annotations

import ipywidgets as widgets

from .. import reference, vocab
from ..analysis import actions as analysis
from ..analysis.cycle import action_dates_outside_cycle
from ..charts.actions import balance_chart
from ..analysis.budget import cycle_years
from ..edits import actions as edits
from ..errors import WarmeStadError
from ..model import Budgetregel, Plan
from ..report.document import Bullets, Note, Paragraph, Table
from .common import (BUTTON, ItemEditor, code_options, esc, euro, labelled, lines, live_chart, live_html, scroll_box,
                     page_header, parse_number, pillar_options, show_number, table)
from .list_form import Input, ListForm
from .plan_view import view
from .session import PlanSession


def header(session: PlanSession) -> widgets.Widget:
    return page_header(session, 4)


def _practice_row(practice, used: set[str]) -> list[str]:
    mark = " ✔ in actieplan" if practice.id in used else ""
    return [
        f"<b>{esc(practice.titel)}</b>{esc(mark)}",
        esc(vocab.PRACTICE_KINDS[practice.soort]),
        esc(", ".join(map(str, practice.pijlers))),
        esc(", ".join(practice.leeftijden)),
        esc(", ".join(vocab.SETTINGS[s] for s in practice.settings)),
        esc(vocab.STRATEGIES[practice.strategie]),
        esc(vocab.PREVENTION_TYPES[practice.preventietype]),
        esc(vocab.COST_LEVELS[practice.kosten]),
        esc(practice.aanbieder),
    ]


def _link(address: str) -> str:
    return f'<a href="{esc(address)}" target="_blank" rel="noopener">{esc(address)}</a>' if address else ""


def _fiche(practice) -> str:
    if practice is None:
        return "<p>Geen praktijk past bij deze filters.</p>"
    example = f"<br><b>Voorbeeldgemeente:</b> {esc(practice.voorbeeldgemeente)}" if practice.voorbeeldgemeente else ""
    return (f"<div><h3>{esc(practice.titel)}</h3><p>{esc(practice.omschrijving)}</p>"
            f"<p><b>Soort:</b> {esc(vocab.PRACTICE_KINDS[practice.soort])}"
            f"<br><b>Doel:</b> {esc(practice.doel)}<br><b>Aanbieder:</b> {esc(practice.aanbieder)} {_link(practice.website)}"
            f"<br><b>Evaluatie:</b> {esc(practice.evaluatie or 'niet nagegaan')}{example}"
            f"<br><b>Bron:</b> {_link(practice.bron_adres)}</p></div>")


def catalogue(session: PlanSession) -> widgets.Widget:
    """Filter the inspiratiebox and add a practice to the action plan with one click."""
    filters = {}
    for name, (label, _, _) in analysis.FILTERS.items():
        box = widgets.Dropdown(options=[("alle", "")] + [(v, k) for k, v in analysis.filter_options(name).items()],
                               description=label, layout=widgets.Layout(width="26em"))
        box.style.description_width = "6em"
        box.add_class(f"ws-filter-{name}")
        filters[name] = box
    results = widgets.HTML()
    results.add_class("ws-catalogus-tabel")
    picker = labelled(widgets.Dropdown(description="Praktijk"), "ws-praktijk-keuze")
    fiche = widgets.HTML()
    fiche.add_class("ws-praktijk-fiche")
    add = widgets.Button(description="Voeg toe aan het actieplan", icon="plus", button_style="primary",
                         layout=BUTTON)
    add.add_class("ws-praktijk-toevoegen")

    def matching():
        return analysis.filter_catalogue(**{name: box.value for name, box in filters.items()})

    def render(*_) -> None:
        found = matching()
        used = {a.catalogus_id for a in session.plan.acties if a.catalogus_id}
        heads = ["Praktijk", "Soort", "Pijlers", "Leeftijd", "Setting", "Strategie", "Preventie", "Kosten", "Aanbieder"]
        results.value = (f"<p>{len(found)} van de {len(analysis.filter_catalogue())} praktijken.</p>"
                         + scroll_box(table(heads, [_practice_row(p, used) for p in found], raw=True),
                                      "Praktijken uit de inspiratiebox"))
        keep = picker.value
        ids = [p.id for p in found]
        picker.options = [(p.titel, p.id) for p in found]
        # New options leave a Dropdown without a value: keep the choice, else show the first match.
        picker.value = keep if keep in ids else (ids[0] if ids else None)
        show_fiche()

    def show_fiche(*_) -> None:
        fiche.value = _fiche(reference.practice(picker.value) if picker.value else None)
        add.disabled = not picker.value

    def on_add(_) -> None:
        practice = reference.practice(picker.value)
        session.change(lambda plan: edits.add_action_from_practice(plan, practice))

    for box in filters.values():
        box.observe(render, names="value")
    picker.observe(show_fiche, names="value")
    add.on_click(on_add)
    session.on_change(lambda plan: render())
    render()
    grid = widgets.GridBox(list(filters.values()), layout=widgets.Layout(grid_template_columns="repeat(3, 27em)"))
    return widgets.VBox([grid, results, picker, fiche, add])


def actions_table(plan: Plan) -> str:
    if not plan.acties:
        return view("ws-acties-inhoud", [Paragraph("Nog geen acties.")])
    rows = []
    for a in plan.acties:
        period = f"{a.start or '?'} – {a.einde or '?'}" if a.start or a.einde else ""
        rows.append([a.titel, ", ".join(map(str, a.pijlers)), ", ".join(a.leeftijdsgroepen),
                     plan.partner_name(a.trekker), period, euro(a.budget_eur),
                     vocab.ACTION_STATUSES[a.status]])
    heads = ["Actie", "Pijlers", "Leeftijd", "Trekker", "Periode", "Budget", "Status"]
    warnings = [Note(w) for w in action_dates_outside_cycle(plan)]
    return view("ws-acties-inhoud", [Paragraph(f"{len(plan.acties)} acties."), *warnings]) + scroll_box(
        view("ws-acties-lijst", [Table(heads, rows, titel="Acties van het plan", rechts=[5])]),
        "Alle acties, om door te scrollen")  # a name of its own: the table in it is a region too


def action_plan(session: PlanSession) -> widgets.Widget:
    """All actions in one table; an own action can be added; one action at a time is filled in."""
    overview = live_html(session, actions_table, "ws-acties-tabel")
    new_title = widgets.Text(placeholder="Titel van een eigen actie", continuous_update=False,
                             layout=widgets.Layout(width="40em"))
    new_title.add_class("ws-actie-nieuw")
    add = widgets.Button(description="Voeg eigen actie toe", icon="plus", layout=BUTTON)
    add.add_class("ws-actie-toevoegen")

    goals = widgets.SelectMultiple(description="Doelstellingen", rows=4)
    lead = widgets.Dropdown(description="Trekker")
    partners = widgets.SelectMultiple(description="Partners", rows=8)

    def partner_options(plan: Plan) -> None:
        wanted_goals = [(g.titel, g.id) for g in plan.prioriteiten.doelstellingen]
        wanted_partners = [(p.organisatie, p.id) for p in plan.partners]
        if list(goals.options) != wanted_goals:
            goals.options = wanted_goals
        if list(partners.options) != wanted_partners:
            partners.options = wanted_partners
            lead.options = [("–", None)] + wanted_partners

    partner_options(session.plan)
    session.on_change(partner_options)
    editor = ItemEditor(session, lambda plan: plan.acties, lambda a: a.id, lambda a: a.titel,
                        "ws-actie-keuze", "Actie")

    def many(name: str, widget, css: str, convert=lambda v: v):
        return editor.bind(widget, css, name, empty=(), get=lambda a: tuple(getattr(a, name)),
                           put=lambda a, value: setattr(a, name, [convert(v) for v in value]))

    def text(name: str, label: str, area: bool = False):
        cls = widgets.Textarea if area else widgets.Text
        return editor.bind(cls(description=label, continuous_update=False), f"ws-actie-{name}", name)

    def euros(name: str, label: str):
        return editor.bind(widgets.Text(description=label, continuous_update=False, placeholder="bv. 1500"),
                           f"ws-actie-{name}", name, get=lambda a: show_number(getattr(a, name)),
                           put=lambda a, value: setattr(a, name, parse_number(value, label)))

    fields = [
        text("titel", "Titel"),
        text("omschrijving", "Omschrijving", area=True),
        many("doelstellingen", goals, "ws-actie-doelstellingen"),
        many("pijlers", widgets.SelectMultiple(options=pillar_options(), description="Pijlers", rows=8),
             "ws-actie-pijlers"),
        many("leeftijdsgroepen", widgets.SelectMultiple(options=code_options(vocab.AGE_GROUPS),
                                                        description="Leeftijd", rows=5), "ws-actie-leeftijd"),
        editor.bind(widgets.Dropdown(options=code_options(vocab.SETTINGS, "–"), description="Setting"),
                    "ws-actie-setting", "setting", empty=None),
        editor.bind(widgets.Dropdown(options=code_options(vocab.STRATEGIES, "–"), description="Strategie"),
                    "ws-actie-strategie", "strategie", empty=None),
        editor.bind(lead, "ws-actie-trekker", "trekker", empty=None),
        many("partners", partners, "ws-actie-partners"),
        editor.bind(widgets.DatePicker(description="Start"), "ws-actie-start", "start", empty=None),
        editor.bind(widgets.DatePicker(description="Einde"), "ws-actie-einde", "einde", empty=None),
        euros("budget_eur", "Budget (euro)"),
        editor.bind(widgets.Textarea(description="Indicatoren", placeholder="één indicator per regel",
                                     continuous_update=False),
                    "ws-actie-indicatoren", "indicatoren", get=lambda a: "\n".join(a.indicatoren),
                    put=lambda a, value: setattr(a, "indicatoren", lines(value))),
    ]
    remove = widgets.Button(description="Verwijder deze actie", icon="trash", button_style="danger",
                            layout=BUTTON)
    remove.add_class("ws-actie-verwijderen")
    armed = {"id": None}

    def on_remove(_) -> None:
        if armed["id"] != editor.current:  # a second click confirms
            armed["id"] = editor.current
            remove.description = "Klik nogmaals om te bevestigen"
            return
        target, armed["id"] = editor.current, None
        remove.description = "Verwijder deze actie"
        session.change(lambda plan: edits.remove_action(plan, target))

    def on_add(_) -> None:
        title = new_title.value.strip()
        if not title:
            session.refuse("Geef eerst een titel voor de eigen actie.")
            return
        if session.change(lambda plan: edits.add_own_action(plan, title)):
            new_title.value = ""

    add.on_click(on_add)
    remove.on_click(on_remove)
    editor.on_choose(lambda key: setattr(remove, "disabled", key is None))
    budget = budget_lines(session, editor)
    return widgets.VBox([overview, widgets.HBox([new_title, add]), editor.picker, *fields,
                         widgets.HTML("<b>Budget per jaar en financiering</b> (het budget hierboven wordt de som van de jaren)"), budget.box, remove])


def budget_lines(session: PlanSession, editor: ItemEditor) -> ListForm:
    """The chosen action's budget per year of the cycle with its funding source; the action's total
    budget follows the sum of its years."""
    inputs = [Input("jaar", "Jaar", "choice", tuple((str(y), y) for y in cycle_years(session.plan.cyclus))),
              Input("bedrag_eur", "Bedrag (euro)", "euro"),
              Input("financiering", "Financiering", "choice", tuple(code_options(vocab.FUNDING_SOURCES))),
              Input("toelichting", "Toelichting", placeholder="bv. welke subsidie of welke partner")]

    def lines_of(plan: Plan):
        action = editor.item(plan)
        return action.budget if action else None

    def create(plan: Plan, values: dict) -> None:
        found = lines_of(plan)
        if found is None:
            raise WarmeStadError("Budget per jaar: kies eerst een actie.")
        found.append(Budgetregel(**values))

    def total(plan: Plan) -> None:
        action = editor.item(plan)
        if action is not None:
            edits.total_budget_from_years(action)

    form = ListForm(session, inputs=inputs, items=lines_of, create=create, after=total,
                    label=lambda line: f"{line.jaar}: {euro(line.bedrag_eur)}, {vocab.FUNDING_SOURCES[line.financiering]}",
                    css="ws-actie-budget", what="Budget per jaar", noun="jaarbedrag", required=("jaar", "bedrag_eur"),
                    empty_text="Het budget van deze actie is nog niet over de jaren verdeeld.")
    form.follow(editor.current)  # the action chosen now; a save that chooses it again keeps the entry
    editor.on_choose(form.follow)
    return form


def balance(session: PlanSession) -> widgets.Widget:
    chart = live_chart(session, lambda plan: (analysis.balance(plan), tuple(plan.prioriteiten.gekozen_pijlers)),
                       lambda data: balance_chart(*data), "ws-balans")

    def gaps(plan: Plan) -> str:
        found = analysis.balance(plan).hiaten
        if not found:
            return view("ws-hiaten-inhoud", [Paragraph("De acties dekken de prioriteiten, alle leeftijdsgroepen en strategieën.")])
        return view("ws-hiaten-inhoud", [Paragraph("Aandachtspunten:"), Bullets(found)])

    return widgets.VBox([chart, live_html(session, gaps, "ws-hiaten")])
