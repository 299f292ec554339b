"""The step pages' widgets driven from Python: what they save, what they refuse, and conflicts."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pytest

from warmestad_nb.errors import WarmeStadError
from warmestad_nb.field_labels import labels
from warmestad_nb.store import read_plan
from warmestad_nb.widgets import actions, anchoring, evaluation, implementation, priorities, start
from warmestad_nb.widgets.session import PlanSession, plan_path




def find(widget, css: str):
    """The widget below `widget` with this CSS class (as the browser tests select them)."""
    if css in getattr(widget, "_dom_classes", ()):
        return widget
    for child in getattr(widget, "children", ()):
        found = find(child, css)
        if found is not None:
            return found
    return None


def test_plan_path_order(monkeypatch):
    monkeypatch.setenv("WARMESTAD_PLAN", "/plannen/uit-omgeving.yaml")
    monkeypatch.setenv("QUERY_STRING", "plan=%2Fplannen%2Fuit-adres.yaml")
    assert plan_path("/plannen/parameter.yaml") == "/plannen/parameter.yaml"
    assert plan_path("") == "/plannen/uit-adres.yaml"
    monkeypatch.delenv("QUERY_STRING")
    assert plan_path("") == "/plannen/uit-omgeving.yaml"
    monkeypatch.delenv("WARMESTAD_PLAN")
    assert plan_path("", required=False) == ""
    with pytest.raises(WarmeStadError, match="geen plan gekozen"):
        plan_path("")


def test_goal_is_added_chosen_and_checked(herselt):
    session = PlanSession(str(herselt))
    page = priorities.goals(session)
    find(page, "ws-doel-nieuw").value = "Elke jongere kent een vertrouwenspersoon"
    find(page, "ws-doel-toevoegen").click()
    assert "Opgeslagen om" in session.status.value
    assert find(page, "ws-doel-keuze").value == "elke-jongere-kent-een-vertrouwenspersoon"
    assert "een specifieke doelgroep" in find(page, "ws-smart-check").value
    find(page, "ws-doel-doelgroep").value = "jongeren van 12 tot 18"
    goal = read_plan(herselt).prioriteiten.doelstellingen[-1]
    assert (goal.titel, goal.doelgroep) == ("Elke jongere kent een vertrouwenspersoon", "jongeren van 12 tot 18")
    assert "een specifieke doelgroep" not in find(page, "ws-smart-check").value


def test_a_wrong_budget_is_refused_and_nothing_changes_on_disk(herselt):
    session = PlanSession(str(herselt))
    page = actions.action_plan(session)
    before = herselt.read_bytes()
    budget = find(page, "ws-actie-budget_eur")
    shown = budget.value
    budget.value = "veel"
    assert "Niet opgeslagen" in session.status.value and "&#x27;veel&#x27; is geen getal" in session.status.value
    assert budget.value == shown  # snapped back
    assert herselt.read_bytes() == before
    budget.value = "27.500,50"
    assert read_plan(herselt).acties[0].budget_eur == 27500.5


def test_a_refusal_names_the_field_by_its_dutch_label_with_a_dutch_number(herselt):
    session = PlanSession(str(herselt))
    page = actions.action_plan(session)
    find(page, "ws-actie-budget_eur").value = "-500"
    status = html.unescape(session.status.value)
    assert "Niet opgeslagen: Budget (EUR): moet 0 of meer zijn (nu: -500)" in status
    assert "budget_eur" not in status and "veld" not in status
    find(page, "ws-actie-budget_eur").value = "-1.500,5"
    assert "(nu: -1.500,5)" in html.unescape(session.status.value)


def test_every_field_of_the_plan_has_a_dutch_label():
    found = labels()
    assert {"budget_eur", "duur_min", "email", "deadline", "leeftijdsgroepen"} <= set(found)
    assert all(text[0].isupper() and "_" not in text for text in found.values())
    assert (found["budget_eur"], found["email"]) == ("Budget (EUR)", "E-mail")


def test_practice_from_catalogue_and_removal(herselt):
    session = PlanSession(str(herselt))
    catalogue, plan_page = actions.catalogue(session), actions.action_plan(session)
    find(catalogue, "ws-filter-pijler").value = "7"
    assert "awel" in [key for _, key in find(catalogue, "ws-praktijk-keuze").options]
    find(catalogue, "ws-praktijk-keuze").value = "awel"
    find(catalogue, "ws-praktijk-toevoegen").click()
    assert find(plan_page, "ws-actie-keuze").value == "awel-102"  # the new action is chosen
    assert read_plan(herselt).acties[-1].catalogus_id == "awel"
    remove = find(plan_page, "ws-actie-verwijderen")
    remove.click()
    assert "awel-102" in [a.id for a in read_plan(herselt).acties]  # the first click only asks
    remove.click()
    assert "awel-102" not in [a.id for a in read_plan(herselt).acties]


def test_the_practice_picker_shows_a_practice_on_opening(herselt):
    session = PlanSession(str(herselt))
    catalogue = actions.catalogue(session)
    picker = find(catalogue, "ws-praktijk-keuze")
    assert picker.options and picker.value == picker.options[0][1]
    assert "Geen praktijk past" not in find(catalogue, "ws-praktijk-fiche").value
    assert not find(catalogue, "ws-praktijk-toevoegen").disabled
    find(catalogue, "ws-filter-pijler").value = "7"  # a filter that drops the shown practice
    assert picker.value in [key for _, key in picker.options]
    assert not find(catalogue, "ws-praktijk-toevoegen").disabled


def test_a_goal_deadline_outside_the_cycle_fails_the_smart_check(herselt):
    session = PlanSession(str(herselt))
    page = priorities.goals(session)
    goal = read_plan(herselt).prioriteiten.doelstellingen[0]
    find(page, "ws-doel-keuze").value = goal.id
    find(page, "ws-doel-deadline").value = date(2019, 6, 30)
    assert read_plan(herselt).prioriteiten.doelstellingen[0].deadline == date(2019, 6, 30)  # a warning, saved
    check = html.unescape(find(page, "ws-smart-check").value)
    assert "een deadline binnen het meerjarenplan 2026-2031 (nu 30-06-2019)" in check
    assert "SMART</span>" not in find(page, "ws-doelen-tabel").value.split(html.escape(goal.titel))[1].split("</tr>")[0]
    find(page, "ws-doel-deadline").value = date(2028, 12, 31)
    assert "deadline" not in find(page, "ws-smart-check").value


def test_an_action_date_outside_the_cycle_is_flagged(herselt):
    session = PlanSession(str(herselt))
    page = actions.action_plan(session)
    find(page, "ws-actie-start").value = date(2019, 9, 1)
    warning = html.unescape(find(page, "ws-acties-tabel").value)
    assert "De start van '" in warning and "(01-09-2019) valt buiten het meerjarenplan 2026-2031." in warning


def test_a_status_dated_before_the_action_starts_is_refused(herselt):
    session = PlanSession(str(herselt))
    status = implementation.status(session)
    find(status, "ws-uitvoering-actie").value = "babbelgroep-jonge-ouders"
    action = next(a for a in read_plan(herselt).acties if a.id == "babbelgroep-jonge-ouders")
    before = herselt.read_bytes()
    find(status, "ws-statuswijziging-status").value = "lopend"
    find(status, "ws-statuswijziging-datum").value = action.start - timedelta(days=1)
    find(status, "ws-statuswijziging-toevoegen").click()
    assert "ligt voor de start van de actie 'Babbelgroep voor jonge ouders' (15-01-2027)" in html.unescape(
        session.status.value)
    assert herselt.read_bytes() == before
    find(status, "ws-statuswijziging-datum").value = action.start
    find(status, "ws-statuswijziging-toevoegen").click()
    assert read_plan(herselt).acties != []
    assert next(a for a in read_plan(herselt).acties if a.id == action.id).statuslog[-1].datum == action.start


def test_status_evaluation_and_anchoring_pages_save(herselt):
    session = PlanSession(str(herselt))
    status = implementation.status(session)
    find(status, "ws-uitvoering-actie").value = "babbelgroep-jonge-ouders"
    find(status, "ws-statuswijziging-status").value = "stopgezet"
    find(status, "ws-statuswijziging-notitie").value = "geen zaal gevonden"
    find(status, "ws-statuswijziging-toevoegen").click()
    action = next(a for a in read_plan(herselt).acties if a.id == "babbelgroep-jonge-ouders")
    assert action.status == "stopgezet" and action.statuslog[-1].notitie == "geen zaal gevonden"
    assert "geen zaal gevonden" in find(status, "ws-statuslog").value

    year = evaluation.year(session)
    find(year, "ws-eval-nieuw-jaar").click()
    saved = read_plan(herselt).evaluaties
    assert len(saved) == 1 and find(year, "ws-eval-jaar").value == saved[0].jaar
    assert len(find(year, "ws-metingen").children) == 1 + len(saved[0].metingen)
    find(year, "ws-eval-bijsturing").value = "Meer inzetten op 18-plussers."
    assert read_plan(herselt).evaluaties[0].bijsturing == "Meer inzetten op 18-plussers."

    add = anchoring.add(session).box
    find(add, "ws-anker-onderwerp").value = "babbelgroep-jonge-ouders"
    find(add, "ws-anker-plaats").value = "beleidsnota"
    find(add, "ws-anker-referentie").value = "Beleidsnota Welzijn 2027"
    find(add, "ws-anker-toevoegen").click()
    assert read_plan(herselt).verankering.items[-1].referentie == "Beleidsnota Welzijn 2027"


def test_step_pages_count_actions_in_proper_dutch(herselt):
    session = PlanSession(str(herselt))
    overview, timeline, budget = (anchoring.overview(session), implementation.timeline(session),
                                  implementation.budget(session))
    assert "acties verankerd" in overview.children[0].value and "actieen" not in overview.children[0].value
    session.change(lambda plan: setattr(plan, "acties", plan.acties[:1]))
    session.change(lambda plan: (setattr(plan.acties[0], "budget_eur", None), setattr(plan.acties[0], "start", None)))
    text = html.unescape(overview.children[0].value + find(timeline, "ws-tijdlijn-notities").value
                         + find(budget, "ws-budget-totaal").value)
    assert "van 1 actie verankerd" in text and "actie(s)" not in text
    assert "1 actie heeft nog geen startdatum" in text and "1 actie zonder budget" in text


def _restore_last_backup(session: PlanSession) -> None:
    """What a user does to undo a save: put the newest backup back in place of the plan."""
    session.store.path.write_bytes(session.store.backups()[-1].read_bytes())


def test_a_goal_can_be_removed_and_the_backup_undoes_it(herselt):
    session = PlanSession(str(herselt))
    page = priorities.goals(session)
    find(page, "ws-doel-keuze").value = "steun-jonge-ouders"
    find(page, "ws-doel-verwijderen").click()
    plan = read_plan(herselt)
    assert "steun-jonge-ouders" not in [g.id for g in plan.prioriteiten.doelstellingen]
    assert all("steun-jonge-ouders" not in a.doelstellingen for a in plan.acties)  # the actions stay
    assert len(plan.acties) == 5 and "steun-jonge-ouders" not in [v.onderwerp for v in plan.verankering.items]
    assert find(page, "ws-doel-keuze").value != "steun-jonge-ouders"
    _restore_last_backup(session)
    assert "steun-jonge-ouders" in [g.id for g in read_plan(herselt).prioriteiten.doelstellingen]


def test_a_status_entry_can_be_removed(herselt):
    session = PlanSession(str(herselt))
    page = implementation.status(session)
    find(page, "ws-uitvoering-actie").value = "kansentarief-vrije-tijd"
    assert len(find(page, "ws-statuswijziging-kies").options) == 1 + 1  # a new entry, and the one in the plan
    find(page, "ws-statuswijziging-kies").value = 0
    find(page, "ws-statuswijziging-verwijderen").click()
    action = next(a for a in read_plan(herselt).acties if a.id == "kansentarief-vrije-tijd")
    assert (action.statuslog, action.status) == ([], "gepland")
    assert len(find(page, "ws-statuswijziging-kies").options) == 1  # nothing left to remove
    assert "Nog geen statuswijzigingen" in find(page, "ws-statuslog").value
    _restore_last_backup(session)
    assert len(next(a for a in read_plan(herselt).acties if a.id == "kansentarief-vrije-tijd").statuslog) == 1


def test_an_anchoring_entry_can_be_removed(herselt):
    session = PlanSession(str(herselt))
    page, overview = anchoring.add(session).box, anchoring.overview(session)
    picker = find(page, "ws-anker-kies")
    assert len(picker.options) == 1 + 3  # a new entry, and the three in the plan
    picker.value = 1
    assert "Budget" in picker.label or "budget" in picker.label
    find(page, "ws-anker-verwijderen").click()
    items = read_plan(herselt).verankering.items
    assert [v.onderwerp for v in items] == ["iedereen-doet-mee", "steun-jonge-ouders"]
    assert len(picker.options) == 1 + 2
    _restore_last_backup(session)
    assert len(read_plan(herselt).verankering.items) == 3


def test_two_sessions_cannot_overwrite_each_other(herselt):
    first, second = PlanSession(str(herselt)), PlanSession(str(herselt))
    box_first = priorities.choice(first).children[0]  # pillar 1
    box_second = priorities.choice(second).children[2]  # pillar 3
    box_first.value = True
    assert second.check_disk() and second.state == "ws-status-conflict"
    assert second.reload_button.layout.display is None  # the reload button is shown
    box_second.value = True
    assert "Niet opgeslagen" in second.status.value and box_second.value is False
    on_disk = read_plan(herselt).prioriteiten.gekozen_pijlers
    assert 1 in on_disk and 3 not in on_disk
    kept = list((herselt.parent / ".conflicten").glob("*.yaml"))
    assert len(kept) == 1 and "- 3" in kept[0].read_text(encoding="utf-8")
    second.reload_button.click()
    assert "Herladen om" in second.status.value and priorities.choice(second).children[0].value
    box_second.value = True
    assert {1, 3} <= set(read_plan(herselt).prioriteiten.gekozen_pijlers)


def test_broken_hand_edit_is_reported_on_reload(herselt):
    session = PlanSession(str(herselt))
    herselt.write_text("gemeente: [kapot\n", encoding="utf-8")
    assert session.check_disk()
    session.reload()
    assert "Herladen lukt niet" in session.status.value and session.plan.gemeente.naam == "Herselt"


def test_start_page_creates_a_plan_once(tmp_path, monkeypatch):
    monkeypatch.setenv("WARMESTAD_MAP", str(tmp_path))
    page = start.start_page("")
    find(page, "ws-gemeente").value = "Kruibeke"
    find(page, "ws-plan-maken").click()
    created = tmp_path / "46030-beveren-kruibeke-zwijndrecht.yaml"
    assert created.exists() and "opgegaan in Beveren-Kruibeke-Zwijndrecht" in find(page, "ws-plan-nieuw").value
    before = created.read_bytes()
    find(page, "ws-plan-maken").click()
    assert "bestaat al een plan" in find(page, "ws-plan-nieuw").value and created.read_bytes() == before
    assert created.name in find(page, "ws-plannen").value
