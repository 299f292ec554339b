"""axe-core on every page of the app: no critical and no serious accessibility violation."""

from __future__ import annotations

import pytest

from .conftest import ROOT, accessibility_problems, copy_plan, new_context, open_in_app, step_url, workbook_server

pytestmark = pytest.mark.browser

EXAMPLE = ROOT / "data" / "voorbeelden" / "13013-herselt.yaml"

PAGES = [  # notebook, an element that shows the page is built
    ("00_start.ipynb", ".ws-voortgang"),
    ("01_draagvlak.ipynb", ".ws-partner-organisatie"),
    ("02_beginsituatie.ipynb", ".ws-indicatoren-keuze"),
    ("03_prioriteiten.ipynb", ".ws-prioriteit-pijler-7"),
    ("04_acties.ipynb", ".ws-praktijk-keuze"),
    ("04b_koppelingen.ipynb", ".ws-mjp-cycle"),
    ("05_uitvoering.ipynb", ".ws-tijdlijn svg"),
    ("06_evaluatie.ipynb", ".ws-eval-nieuw-jaar"),
    ("07_verankering.ipynb", ".ws-verankering-tabel"),
]


# The forms of plan schema version 2 sit low on their pages: axe waits for them too, so it checks them.
LATER = {
    "01_draagvlak.ipynb": (".ws-orgaan-soort", ".ws-orgaan-lid-rol", ".ws-projectgroep-naam", ".ws-inspraak-wie"),
    "03_prioriteiten.ipynb": (".ws-visie", ".ws-missie"),
    "04_acties.ipynb": (".ws-actie-budget-financiering",),
    "05_uitvoering.ipynb": (".ws-communicatie-voor_wie",),
    "07_verankering.ipynb": (".ws-plan-status", ".ws-college-referentie", ".ws-gemeenteraad-referentie"),
}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("a11y")
    plan = copy_plan(EXAMPLE, tmp / "plannen")
    with workbook_server("app", plan, tmp) as url:
        yield url


@pytest.fixture(scope="module")
def page(browser, app):
    context = new_context(browser)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("notebook,ready", PAGES, ids=[n for n, _ in PAGES])
def test_page_has_no_serious_accessibility_violation(page, app, notebook, ready):
    page.goto(step_url(app, notebook))
    for marker in (ready, *LATER.get(notebook, ())):
        page.locator(marker).first.wait_for(timeout=90_000)
    page.wait_for_timeout(500)  # widgets still attaching below the marker
    problems = accessibility_problems(page, ("critical", "serious", "moderate"))
    assert not problems, "\n".join(problems)


APP_PAGES = [("1", ".ws-partner-organisatie"), ("2", ".ws-indicatoren-keuze"), ("3", ".ws-prioriteit-pijler-7"),
             ("4", ".ws-praktijk-keuze"), ("4b", ".ws-mjp-cycle"), ("5", ".ws-tijdlijn svg"),
             ("6", ".ws-eval-nieuw-jaar"), ("7", ".ws-verankering-tabel"), ("beleidsplan", ".ws-beleidsplan-maken")]


def test_the_one_page_app_has_no_accessibility_violation_on_any_page(page, app):
    """The app page itself: its navigation bar and status line with each page shown in turn."""
    page.goto(app)
    page.locator(".ws-voortgang").wait_for(timeout=90_000)
    found = {"start": accessibility_problems(page, ("critical", "serious", "moderate"))}
    for key, ready in APP_PAGES:
        open_in_app(page, key, ready)
        page.wait_for_timeout(500)  # widgets still attaching below the marker
        found[key] = accessibility_problems(page, ("critical", "serious", "moderate"))
    assert not any(found.values()), "\n".join(f"{key}: {p}" for key, problems in found.items() for p in problems)
