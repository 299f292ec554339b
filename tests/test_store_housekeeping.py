"""The store's side files: temp files of killed saves, backups and refused versions, odd plan names."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from warmestad_nb import store
from warmestad_nb.errors import ConflictError
from warmestad_nb.store import PlanStore, read_plan


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _temp_files(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_temp_files_of_killed_saves_are_removed_by_the_next_save(herselt):
    dead = _dead_pid()
    folder = herselt.parent
    leftovers = [folder / f".{herselt.name}.{dead}.abcd1234.tmp",  # a save killed before the rename
                 folder / f".{herselt.name}.x7_k0p9z.tmp"]  # from before the process id was in the name
    for path in leftovers:
        path.write_text("half", encoding="utf-8")
    running = folder / f".{herselt.name}.{os.getpid()}.zzzz9999.tmp"  # a writer that is still at work
    running.write_text("bezig", encoding="utf-8")
    other = folder / ".gent.yaml.12.abcd1234.tmp"  # another plan's: not this save's business
    other.write_text("x", encoding="utf-8")
    plan_store = PlanStore(herselt)
    plan_store.plan.omgevingsanalyse.notities = "na de crash"
    plan_store.save()
    assert _temp_files(folder) == sorted([running.name, other.name])
    assert read_plan(herselt).omgevingsanalyse.notities == "na de crash"


def test_temp_files_of_killed_saves_are_removed_when_the_plan_is_opened(herselt):
    """Saves killed before any finished (on a busy machine) must not pile up temp files."""
    dead = _dead_pid()
    backups = herselt.parent / ".backups" / herselt.stem
    backups.mkdir(parents=True)
    plan_leftover = herselt.parent / f".{herselt.name}.{dead}.abcd1234.tmp"
    backup_leftover = backups / f".{herselt.stem}.00002.yaml.{dead}.abcd1234.tmp"
    for path in (plan_leftover, backup_leftover):
        path.write_text("half", encoding="utf-8")
    running = herselt.parent / f".{herselt.name}.{os.getpid()}.zzzz9999.tmp"
    running.write_text("bezig", encoding="utf-8")
    PlanStore(herselt)
    assert _temp_files(herselt.parent) == [running.name]
    assert _temp_files(backups) == []


def test_a_stray_file_among_the_backups_never_stops_a_save(herselt):
    plan_store = PlanStore(herselt)
    plan_store.plan.omgevingsanalyse.notities = "eerste"
    plan_store.save()
    strays = ["herselt.kopie.yaml", "13013-herselt.oud.yaml", "13013-herselt..yaml", "notities.txt"]
    for name in strays:
        (plan_store.backup_dir / name).write_text("iets van de gebruiker", encoding="utf-8")
    (plan_store.backup_dir / "13013-herselt.00009.yaml.map").mkdir()
    plan_store.plan.omgevingsanalyse.notities = "tweede"
    assert plan_store.save() is True
    assert read_plan(herselt).omgevingsanalyse.notities == "tweede"
    assert [p.name for p in plan_store.backups()] == ["13013-herselt.00001.yaml", "13013-herselt.00002.yaml"]
    for name in strays:  # the user's files stay
        assert (plan_store.backup_dir / name).read_text(encoding="utf-8") == "iets van de gebruiker"


def test_backups_are_bounded_and_the_newest_is_kept(herselt):
    plan_store = PlanStore(herselt)
    for n in range(store.BACKUPS_KEPT + 5):
        previous = herselt.read_bytes()
        plan_store.plan.omgevingsanalyse.notities = f"versie {n}"
        plan_store.save()
    backups = plan_store.backups()
    assert len(backups) == store.BACKUPS_KEPT
    assert backups[-1].read_bytes() == previous  # the version just before the last save


def test_refused_versions_are_bounded_and_the_newest_is_kept(herselt):
    for n in range(store.CONFLICTS_KEPT + 3):
        plan_store = PlanStore(herselt)
        herselt.write_text(herselt.read_text(encoding="utf-8") + f"# hand {n}\n", encoding="utf-8")
        plan_store.plan.omgevingsanalyse.notities = f"geweigerd {n}"
        with pytest.raises(ConflictError):
            plan_store.save()
    kept = plan_store.conflicts()
    assert len(kept) == store.CONFLICTS_KEPT
    assert f"geweigerd {store.CONFLICTS_KEPT + 2}" in kept[-1].read_text(encoding="utf-8")
    assert "geweigerd 3\n" in kept[0].read_text(encoding="utf-8")
    assert not _temp_files(herselt.parent / ".conflicten")
