"""The one-page app without a browser: its pages, the shared session, a step notebook run as a page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell

from warmestad_nb.widgets import session as session_module
from warmestad_nb.widgets.app import NOTEBOOKS, App, page_list
from warmestad_nb.widgets.notebook_view import notebook_view
from warmestad_nb.widgets.session import PlanSession

ROOT = Path(__file__).resolve().parents[2]
GENT = ROOT / "data" / "voorbeelden" / "44021-gent.yaml"


@pytest.fixture
def plan(tmp_path, monkeypatch):
    InteractiveShell.instance()  # what a kernel has: display() goes through its display publisher
    monkeypatch.setattr(session_module, "_SHARED", [])
    path = tmp_path / GENT.name
    shutil.copyfile(GENT, path)
    return path


def classes(widget) -> set[str]:
    found, stack = set(), [widget]
    while stack:
        w = stack.pop()
        found.update(getattr(w, "_dom_classes", ()))
        stack.extend(getattr(w, "children", ()))
    return found


def test_the_navigation_has_start_every_step_notebook_and_the_policy_plan():
    pages = page_list()
    assert [key for key, _, _ in pages] == ["start", "1", "2", "3", "4", "4b", "5", "6", "7", "beleidsplan"]
    for key, _, notebook in pages:
        assert notebook is None or (NOTEBOOKS / notebook).is_file(), key


def test_a_shared_session_is_the_one_every_step_opens(plan, monkeypatch):
    shared = PlanSession(str(plan)).share()
    monkeypatch.chdir(plan.parent)
    assert PlanSession(plan.name) is shared  # the same file, however named
    other = plan.parent / "ander.yaml"
    shutil.copyfile(plan, other)
    assert PlanSession(str(other)) is not shared


def test_a_step_notebook_becomes_a_page_with_its_forms(plan):
    view = notebook_view(NOTEBOOKS / "03_prioriteiten.ipynb", str(plan))
    found = classes(view)
    assert {"ws-prioriteit-pijler-7", "ws-doel-nieuw", "ws-statusbalk"} <= found
    assert "ws-status-error" not in " ".join(getattr(w, "value", "") for w in view.children if hasattr(w, "value"))
    assert any("Scores per pijler" in getattr(w, "value", "") for w in view.children)  # its markdown


def test_pages_are_built_when_first_opened_and_then_kept(plan):
    app = App(str(plan))
    assert list(app.views) == ["start"]
    app.open("3")
    page = app.views["3"]
    app.open("start")
    app.open("3")
    assert app.views["3"] is page and page.layout.display is None
    assert app.views["start"].layout.display == "none"
    # A change made on one page is saved through the one session and shown in its one status line.
    assert app.session.change(lambda p: setattr(p.prioriteiten, "gekozen_pijlers", [7]))
    assert "Opgeslagen om" in app.session.status.value


def test_the_policy_plan_job_reports_a_bad_plan_in_dutch(tmp_path, capsys):
    import json

    from warmestad_nb.plan_job import make

    broken = tmp_path / "kapot.yaml"
    broken.write_text("gemeente: [\n", encoding="utf-8")
    assert make(str(broken), str(tmp_path / "uitvoer")) == 2
    last = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert last["fase"] == "fout" and "kapot.yaml" in last["melding"] and "geen geldige YAML" in last["melding"]
    assert not (tmp_path / "uitvoer").exists()


def test_the_policy_plan_page_shows_a_failure_and_can_be_tried_again(plan):
    from warmestad_nb.widgets.plan_page import PlanPage

    page = PlanPage(PlanSession(str(plan)))
    page.button.disabled = True
    page._show("fout", {"melding": "Het beleidsplan kon niet gemaakt worden: het hoofdstuk Actieplan liep fout."})
    assert "hoofdstuk Actieplan" in page.phase.value and "ws-status-error" in page.phase.value
    assert not page.button.disabled and page.files.value == ""


def test_a_hidden_page_is_brought_up_to_date_when_shown_not_at_every_change(plan):
    app = App(str(plan))
    app.open("3")
    calls = []
    app.listeners["3"].append(lambda p: calls.append(list(p.prioriteiten.gekozen_pijlers)))
    assert app.session.change(lambda p: setattr(p.prioriteiten, "gekozen_pijlers", [1]))
    assert calls == [[1]]  # shown: updated at once
    app.open("4")
    assert app.session.change(lambda p: setattr(p.prioriteiten, "gekozen_pijlers", [2]))
    assert app.session.change(lambda p: setattr(p.prioriteiten, "gekozen_pijlers", [3]))
    assert calls == [[1]]  # hidden: not updated for each change
    app.open("3")
    assert calls == [[1], [3]]  # shown again: once, with the plan as it is now


def test_listeners_kept_apart_are_the_callers_to_run(plan):
    session = PlanSession(str(plan))
    calls = []
    session.on_change(lambda p: calls.append("sessie"))
    with session.listeners_kept_apart() as kept:
        session.on_change(lambda p: calls.append("pagina"))
    assert len(kept) == 1
    assert session.change(lambda p: setattr(p.prioriteiten, "gekozen_pijlers", [1]))
    assert calls == ["sessie"]  # the page's listener is not the session's any more
    kept[0](session.plan)
    assert calls == ["sessie", "pagina"]
