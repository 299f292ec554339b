"""A whole session in the one-page app, as a coach runs it with a municipality's working group.

`warmestad nieuw` makes the plan; the app's start page opens; every step is filled in through its
widgets only (a few fields each, the project group included), opened with the navigation bar; a goal
is deleted and brought back with 'Ongedaan maken'; the plan file on disk is read back after each step; the policy plan is made from the Beleidsplan page and its three files are checked
(the PDF's text names the municipality and an action).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import ROOT, full_screenshot, new_context, open_in_app, type_into, wait_for_plan, workbook_server

pytestmark = pytest.mark.browser


def test_a_whole_session_from_a_new_plan_to_the_policy_plan(browser, tmp_path):
    made = subprocess.run([sys.executable, "-m", "warmestad_nb.cli", "nieuw", "Leuven", "--map", "plannen"],
                          cwd=tmp_path, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert made.returncode == 0, made.stderr
    plan = next((tmp_path / "plannen").glob("*.yaml"))
    with workbook_server("app", plan, tmp_path) as url:
        context = new_context(browser)
        page = context.new_page()
        page.goto(url)
        progress = page.locator(".ws-voortgang")
        progress.wait_for(timeout=90_000)
        assert "Leuven" in progress.inner_text()

        # Step 1: the coordinator and a partner.
        open_in_app(page, "1", ".ws-coordinator-naam")
        type_into(page, ".ws-coordinator-naam", "An Peeters (test)")
        type_into(page, ".ws-coordinator-email", "an.peeters@example.org")
        type_into(page, ".ws-partner-organisatie", "CAW Oost-Brabant (test)")
        page.locator(".ws-partner-sector select").select_option(label="Welzijn")
        page.locator(".ws-partner-toevoegen").click()
        saved = wait_for_plan(plan, lambda p: any(x.organisatie == "CAW Oost-Brabant (test)" for x in p.partners))
        assert saved.coordinator.naam == "An Peeters (test)"
        assert saved.coordinator.email == "an.peeters@example.org"
        assert [x.sector for x in saved.partners if x.organisatie == "CAW Oost-Brabant (test)"] == ["welzijn"]
        page.locator(".ws-status").first.locator("text=/Opgeslagen om \\d\\d:\\d\\d:\\d\\d/").wait_for()
        type_into(page, ".ws-projectgroep-naam", "Lies Janssens (test)")
        type_into(page, ".ws-projectgroep-functie", "jeugdconsulent")
        page.locator(".ws-projectgroep-toevoegen").click()
        saved = wait_for_plan(plan, lambda p: [m.naam for m in p.projectgroep] == ["Lies Janssens (test)"])
        assert saved.projectgroep[0].functie == "jeugdconsulent"

        # Step 2: an indicator chosen for the environment analysis.
        open_in_app(page, "2", ".ws-indicatoren-keuze")
        page.locator(".ws-indicatoren-keuze input[type=checkbox] >> visible=true").first.check()
        saved = wait_for_plan(plan, lambda p: len(p.omgevingsanalyse.indicatoren) > 0)
        assert saved.omgevingsanalyse.indicatoren

        # Step 3: a priority and a goal.
        open_in_app(page, "3", ".ws-prioriteit-pijler-7")
        page.locator(".ws-prioriteit-pijler-7 input").check()
        type_into(page, ".ws-doel-nieuw", "Jongeren vinden snel de weg naar hulp")
        page.locator(".ws-doel-toevoegen").click()
        saved = wait_for_plan(plan, lambda p: any(g.titel.startswith("Jongeren vinden")
                                                  for g in p.prioriteiten.doelstellingen))
        assert 7 in saved.prioriteiten.gekozen_pijlers
        # A second goal, deleted, then brought back with 'Ongedaan maken'.
        type_into(page, ".ws-doel-nieuw", "Ouders weten waar ze terechtkunnen (test)")
        page.locator(".ws-doel-toevoegen").click()

        def second_goal(p):
            return any(g.titel.startswith("Ouders weten") for g in p.prioriteiten.doelstellingen)

        wait_for_plan(plan, second_goal)
        page.locator(".ws-doel-verwijderen >> visible=true").click()
        assert [g.titel for g in wait_for_plan(plan, lambda p: not second_goal(p)).prioriteiten.doelstellingen] == [
            "Jongeren vinden snel de weg naar hulp"]
        page.locator(".ws-ongedaan >> visible=true").click()
        wait_for_plan(plan, second_goal)

        # Step 4: a practice of the inspiratiebox as an action.
        open_in_app(page, "4", ".ws-praktijk-keuze")
        page.locator(".ws-filter-pijler select").select_option(label="7. Weg naar hulp")
        page.locator(".ws-praktijk-keuze select").select_option(label="Awel (102)")
        page.locator(".ws-praktijk-toevoegen").click()
        saved = wait_for_plan(plan, lambda p: any(a.catalogus_id == "awel" for a in p.acties))
        action = next(a for a in saved.acties if a.catalogus_id == "awel")

        # Step 4b: a proposed SDG target accepted (for the goal or the action, whichever comes first).
        def linked(p):
            return [x.sdg_targets for x in (*p.prioriteiten.doelstellingen, *p.acties) if x.sdg_targets]

        open_in_app(page, "4b", ".ws-links-sdg .ws-accept")
        page.locator(".ws-links-sdg .ws-link-subject .ws-accept >> visible=true").first.click()
        assert linked(wait_for_plan(plan, linked))

        # Step 5: the action has started.
        open_in_app(page, "5", ".ws-statuswijziging-toevoegen")
        page.locator(".ws-statuswijziging-toevoegen >> visible=true").click()
        saved = wait_for_plan(plan, lambda p: any(a.statuslog for a in p.acties))
        assert [s.status for s in next(a for a in saved.acties if a.id == action.id).statuslog] == ["lopend"]

        # Step 6: the first year's evaluation.
        open_in_app(page, "6", ".ws-eval-nieuw-jaar")
        page.locator(".ws-eval-nieuw-jaar").click()
        saved = wait_for_plan(plan, lambda p: len(p.evaluaties) == 1)
        text = page.locator(".ws-eval-wat-werkte textarea")
        text.fill("De infoavond in de scholen werkte goed.")
        text.press("Tab")  # a text area is sent when the coach leaves it
        saved = wait_for_plan(plan, lambda p: p.evaluaties and p.evaluaties[0].wat_werkte)
        assert saved.evaluaties[0].wat_werkte == "De infoavond in de scholen werkte goed."

        # Step 7: the action anchored in the multi-year plan.
        open_in_app(page, "7", ".ws-anker-toevoegen")
        type_into(page, ".ws-anker-referentie", "actieplan AP1.2")
        page.locator(".ws-anker-toevoegen").click()
        saved = wait_for_plan(plan, lambda p: len(p.verankering.items) == 1)
        assert saved.verankering.items[0].referentie == "actieplan AP1.2"

        # The policy plan, made from the app.
        open_in_app(page, "beleidsplan", ".ws-beleidsplan-maken")
        page.locator(".ws-beleidsplan-maken").click()
        page.locator(".ws-beleidsplan-voortgang >> visible=true").wait_for()
        page.locator(".ws-beleidsplan-bestanden a").first.wait_for(timeout=240_000)
        links = page.locator(".ws-beleidsplan-bestanden a").all()
        assert [a.get_attribute("download") for a in links] == ["beleidsplan.html", "beleidsplan.pdf",
                                                                 "beleidsplan.docx"]
        with page.expect_download() as download:
            links[1].click()
        pdf = tmp_path / "gedownload.pdf"
        download.value.save_as(pdf)
        full_screenshot(page, "app-beleidsplan")
        context.close()

    folder = next((tmp_path / "plannen" / "uitvoer").iterdir())
    for ext in ("html", "pdf", "docx"):
        assert (folder / f"beleidsplan.{ext}").stat().st_size > 1000, ext
    assert pdf.read_bytes() == (folder / "beleidsplan.pdf").read_bytes()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Leuven" in text and action.titel in " ".join(text.split())
