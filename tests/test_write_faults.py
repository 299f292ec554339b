"""A full disk, a folder without write permission, a read-only plan: a Dutch message, nothing changed."""

from __future__ import annotations

import shutil
import time

import pytest

from conftest import HERSELT, tree_digest
from faults import fill, full_disk, run_as_nobody, shared_folder
from step2_helpers import fresh_plan
from warmestad_nb.cli import main
from warmestad_nb.errors import WarmeStadError
from warmestad_nb.exports.partners import partners_workbook
from warmestad_nb.store import PlanStore, read_plan

FIGURES = "Gemeente;Jaar;Leefloners 18-24 (aantal)\nHerselt;2024;12\nVlaams Gewest;2024;8123\n"


def _inputs(folder):
    """What a user brings: a figures file and a filled-in partner list (Herselt's partners)."""
    figures = folder / "cijfers.csv"
    figures.write_text(FIGURES, encoding="utf-8")
    partners = folder / "partners.xlsx"
    partners.write_bytes(partners_workbook(read_plan(HERSELT)))
    return figures, partners


def _saved_once(folder):
    """A new Herselt plan that was saved before, as a plan in use is (its lock and backup folder exist)."""
    plan = fresh_plan(folder, "Herselt")
    plan_store = PlanStore(plan)
    plan_store.plan.omgevingsanalyse.notities = "eerste sessie"
    plan_store.save()
    return plan


def _commands(plan, figures, partners):
    return {
        "importeer": ["importeer", "cijfers", str(plan), str(figures), "--bron", "Gemeente-Stadsmonitor (test)"],
        "partners-inlezen": ["partners-inlezen", str(plan), str(partners)],
    }


@pytest.mark.parametrize("command", ["importeer", "partners-inlezen"])
def test_a_full_disk_gives_a_dutch_message_and_changes_nothing(tmp_path, capsys, command):
    figures, partners = _inputs(tmp_path)
    with full_disk() as disk:
        plan = _saved_once(disk)
        fill(disk)
        before = tree_digest(disk)
        assert main(_commands(plan, figures, partners)[command]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"Fout: {plan}") and "de schijf is vol" in err and "Maak ruimte vrij" in err
        assert "Traceback" not in err
        assert tree_digest(disk) == before
        assert read_plan(plan).omgevingsanalyse.notities == "eerste sessie"


@pytest.mark.parametrize("command", ["importeer", "partners-inlezen"])
def test_a_folder_without_write_permission_gives_a_dutch_message_and_changes_nothing(command):
    base = shared_folder()
    try:
        figures, partners = _inputs(base)
        plans = base / "plannen"
        plans.mkdir()
        plan = _saved_once(plans)
        plans.chmod(0o555)  # root made it; nobody may read but not write
        before = tree_digest(base)
        done = run_as_nobody(*_commands(plan, figures, partners)[command])
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith(f"Fout: {plan}") and "geen rechten" in done.stderr
        assert "Kies een map waarin u mag schrijven" in done.stderr and "Traceback" not in done.stderr
        assert tree_digest(base) == before
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_a_plan_made_read_only_is_not_replaced(tmp_path, capsys):
    figures, partners = _inputs(tmp_path)
    plan = _saved_once(tmp_path)
    plan.chmod(0o444)
    before = tree_digest(tmp_path)
    for command in _commands(plan, figures, partners).values():
        assert main(command) == 2
        err = capsys.readouterr().err
        assert f"Fout: {plan}: dit plan is alleen-lezen gemaakt" in err and "chmod u+w" in err
    plan_store = PlanStore(plan)
    plan_store.plan.omgevingsanalyse.notities = "tweede sessie"
    with pytest.raises(WarmeStadError):
        plan_store.save()
    assert tree_digest(tmp_path) == before
    assert plan.stat().st_mode & 0o777 == 0o444


def test_the_app_says_not_saved_and_why_on_a_full_disk():
    from warmestad_nb.widgets.session import PlanSession

    with full_disk() as disk:
        plan = _saved_once(disk)
        session = PlanSession(str(plan))
        fill(disk)
        before = tree_digest(disk)
        changed = session.change(lambda p: setattr(p.omgevingsanalyse, "notities", "tweede sessie"))
        assert changed is False
        assert "Niet opgeslagen: " in session.status.value and "de schijf is vol" in session.status.value
        assert session.state == "ws-status-error"
        assert tree_digest(disk) == before


def _documents_commands(plan, out):
    return {
        "rapport": ["rapport", str(plan), "--formaat", "html", "--uit", str(out)],
        "batch": ["batch", str(plan), "--formaat", "html", "--uit", str(out)],
    }


@pytest.mark.parametrize("command", ["rapport", "batch"])
def test_an_output_folder_without_write_permission_is_refused_before_any_work(command):
    base = shared_folder()
    try:
        plan = base / HERSELT.name
        shutil.copyfile(HERSELT, plan)
        plan.chmod(0o644)
        closed = base / "gedeeld"
        closed.mkdir(mode=0o555)
        closed.chmod(0o555)
        before = tree_digest(base)
        started = time.perf_counter()
        done = run_as_nobody(*_documents_commands(plan, closed / "uitvoer")[command])
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith(f"Fout: {closed / 'uitvoer'}: ") and "geen rechten" in done.stderr
        assert "Traceback" not in done.stderr
        assert time.perf_counter() - started < 10  # refused before any kernel or worker starts
        assert tree_digest(base) == before and list(closed.iterdir()) == []
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.parametrize("command, named", [
    ("batch", "uitvoer"),  # its first write, the state file, fails: before any worker starts
    pytest.param("rapport", "uitvoer/13013-herselt", marks=pytest.mark.slow),  # the documents, after the run
])
def test_documents_on_a_full_disk_give_a_dutch_message_and_no_file(capsys, command, named):
    with full_disk() as disk:
        fill(disk)
        before = tree_digest(disk)
        assert main(_documents_commands(HERSELT, disk / "uitvoer")[command]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"Fout: {disk / named}") and "de schijf is vol" in err and "Traceback" not in err
        assert tree_digest(disk) == before
