"""A session as a coach runs it: `warmestad app` on a copy of an example plan, driven in chromium.

The app is one page: its navigation bar opens each step. Every change made in the browser is then
read back from the plan file on disk.
"""

from __future__ import annotations

import pytest

from .conftest import (ROOT, copy_plan, full_screenshot, new_context, open_in_app, type_into,
                       wait_for_plan, workbook_server)

pytestmark = pytest.mark.browser

EXAMPLE = ROOT / "data" / "voorbeelden" / "13013-herselt.yaml"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("app")
    plan = copy_plan(EXAMPLE, tmp / "plannen")
    with workbook_server("app", plan, tmp) as url:
        yield url, plan


@pytest.fixture(scope="module")
def page(browser, app):
    context = new_context(browser)
    yield context.new_page()
    context.close()


def open_step(page, url: str, notebook: str, ready: str):
    if page.url != url:  # a test run on its own: open the app first
        page.goto(url)
    open_in_app(page, notebook.split("_")[0].lstrip("0"), ready)  # 03_prioriteiten.ipynb: page 3


def test_start_page_shows_progress_and_a_link_to_every_step(page, app):
    url, plan = app
    response = page.goto(url)
    assert response.ok, f"HTTP {response.status}"
    progress = page.locator(".ws-voortgang")
    progress.wait_for(timeout=60_000)
    text = progress.inner_text()
    assert "Herselt" in text and "VOORBEELDPLAN" in text
    assert "Het integrale beleidsplan is opgemaakt" in text  # what step 7 still needs
    nav = page.locator(".ws-app-nav").inner_text()
    for label in ("Start", "1. Draagvlak en partners", "2. Omgevingsanalyse", "3. Prioriteiten en doelstellingen",
                  "4. Actieplan", "4b. Koppelingen met meerjarenplan en SDG's", "5. Uitvoering", "6. Evaluatie",
                  "7. Verankering", "Beleidsplan"):
        assert label in nav, label
    full_screenshot(page, "00-start")
    page.locator("button:has-text('3. Prioriteiten en doelstellingen')").click()
    page.locator(".ws-prioriteit-pijler-7").wait_for(timeout=60_000)  # the button opens the step


def test_step1_add_partner(page, app):
    url, plan = app
    open_step(page, url, "01_draagvlak.ipynb", ".ws-partner-organisatie")
    type_into(page, ".ws-partner-organisatie", "CGG Kempen (test)")
    page.locator(".ws-partner-sector select").select_option(label="Zorg")
    page.locator(".ws-partner-toevoegen").click()
    saved = wait_for_plan(plan, lambda p: any(x.organisatie == "CGG Kempen (test)" for x in p.partners))
    partner = [x for x in saved.partners if x.organisatie == "CGG Kempen (test)"]
    assert partner and partner[0].sector == "zorg"
    page.locator(".ws-partner-tabel").locator("text=CGG Kempen (test)").first.wait_for(timeout=30_000)
    assert "Opgeslagen om" in page.locator(".ws-status").first.inner_text()
    full_screenshot(page, "01-draagvlak")


def test_step3_choose_priority_and_write_goal(page, app):
    url, plan = app
    open_step(page, url, "03_prioriteiten.ipynb", ".ws-prioriteit-pijler-7")
    page.locator(".ws-prioriteit-pijler-7 input").check()
    wait_for_plan(plan, lambda p: 7 in p.prioriteiten.gekozen_pijlers)
    type_into(page, ".ws-doel-nieuw", "Jongeren vinden snel de weg naar hulp")
    page.locator(".ws-doel-toevoegen").click()
    wait_for_plan(plan, lambda p: any(g.titel.startswith("Jongeren vinden") for g in p.prioriteiten.doelstellingen))
    check = page.locator(".ws-smart-check")
    check.locator("text=/een specifieke doelgroep/").wait_for()  # the new goal is chosen and checked
    type_into(page, ".ws-doel-doelgroep", "Jongeren van 12 tot 18 jaar")
    type_into(page, ".ws-doel-indicator", "Aandeel jongeren dat weet waar ze hulp vinden")
    type_into(page, ".ws-doel-streefwaarde", "80 procent")
    page.locator(".ws-doel-deadline input").fill("2028-12-31")
    page.locator(".ws-doel-deadline input").press("Enter")
    type_into(page, ".ws-doel-eigenaar", "Jeugddienst")
    check.locator("text=/volledig/").wait_for()
    saved = wait_for_plan(plan, lambda p: any(g.eigenaar == "Jeugddienst" for g in p.prioriteiten.doelstellingen))
    goal = next(g for g in saved.prioriteiten.doelstellingen if g.titel.startswith("Jongeren vinden"))
    assert (goal.doelgroep, goal.streefwaarde, str(goal.deadline), goal.eigenaar) == (
        "Jongeren van 12 tot 18 jaar", "80 procent", "2028-12-31", "Jeugddienst")
    assert 7 in saved.prioriteiten.gekozen_pijlers
    assert "Opgeslagen om" in page.locator(".ws-status").first.inner_text()
    full_screenshot(page, "03-prioriteiten")


def test_step4_add_practice_from_catalogue(page, app):
    url, plan = app
    open_step(page, url, "04_acties.ipynb", ".ws-praktijk-keuze")
    page.locator(".ws-filter-pijler select").select_option(label="7. Weg naar hulp")
    page.locator(".ws-filter-leeftijd select").select_option(label="12-18 jaar")
    assert "Awel" in page.locator(".ws-catalogus-tabel").inner_text()
    page.locator(".ws-praktijk-keuze select").select_option(label="Awel (102)")
    page.locator(".ws-praktijk-fiche").locator("text=/102/").first.wait_for()
    page.locator(".ws-praktijk-toevoegen").click()
    saved = wait_for_plan(plan, lambda p: any(a.catalogus_id == "awel" for a in p.acties))
    action = next(a for a in saved.acties if a.catalogus_id == "awel")
    assert 7 in action.pijlers and action.strategie == "zorg"
    # The new action is chosen in the form: give it a lead partner and a budget.
    page.locator(".ws-actie-trekker select").select_option(label="CLB regio Zuiderkempen (voorbeeld)")
    type_into(page, ".ws-actie-budget_eur", "1.250")
    saved = wait_for_plan(plan, lambda p: next(a for a in p.acties if a.catalogus_id == "awel").budget_eur == 1250)
    action = next(a for a in saved.acties if a.catalogus_id == "awel")
    assert (action.trekker, action.budget_eur) == ("clb-zuiderkempen", 1250)
    assert "Awel (102)" in page.locator(".ws-acties-tabel").inner_text()
    full_screenshot(page, "04-acties")


@pytest.mark.parametrize("notebook,ready,name", [
    ("02_beginsituatie.ipynb", ".ws-indicatoren-keuze", "02-beginsituatie"),
    ("04b_koppelingen.ipynb", ".ws-mjp-cycle", "04b-koppelingen"),
    ("05_uitvoering.ipynb", ".ws-tijdlijn svg", "05-uitvoering"),
    ("06_evaluatie.ipynb", ".ws-eval-nieuw-jaar", "06-evaluatie"),
    ("07_verankering.ipynb", ".ws-verankering-tabel", "07-verankering"),
])
def test_other_steps_open_without_errors(page, app, notebook, ready, name):
    url, _ = app
    open_step(page, url, notebook, ready)
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert page.locator(".ws-app-pagina .ws-status-error >> visible=true").count() == 0
    assert "Traceback" not in page.content()
    full_screenshot(page, name)
