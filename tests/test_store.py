"""Loading and saving plan files: round trips, comments, crash safety, conflicts, backups."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date

import pytest

from warmestad_nb import store
from warmestad_nb.errors import ConflictError, WarmeStadError
from warmestad_nb.model import Partner
from warmestad_nb.store import PlanStore, read_plan


def test_load_and_save_gives_identical_file(example_copy):
    original = example_copy.read_bytes()
    plan_store = PlanStore(example_copy)
    # Force a full re-serialisation, not just the "nothing changed" shortcut.
    rewritten = store.dump(store.merge_into(plan_store._tree, plan_store.plan.model_dump(mode="python")))
    assert rewritten == original
    assert plan_store.save() is False
    assert example_copy.read_bytes() == original


def test_hand_written_comment_survives_a_save(example_copy):
    text = example_copy.read_text(encoding="utf-8")
    text = text.replace("partners:", "# Notitie van de coach: nog bellen met de sportclubs.\npartners:", 1)
    example_copy.write_text(text, encoding="utf-8")
    plan_store = PlanStore(example_copy)
    plan_store.plan.partners[0].rol = "Nieuwe rol na de stuurgroep van maart"
    assert plan_store.save() is True
    saved = example_copy.read_text(encoding="utf-8")
    assert "# Notitie van de coach: nog bellen met de sportclubs." in saved
    assert read_plan(example_copy).partners[0].rol == "Nieuwe rol na de stuurgroep van maart"


def test_added_partner_is_written_and_read_back(example_copy):
    plan_store = PlanStore(example_copy)
    plan_store.plan.partners.append(
        Partner(id="bib-nieuw", organisatie="Bibliotheek: leesclub \"Boekenwurm\"", sector="vrije-tijd")
    )
    plan_store.save()
    reloaded = read_plan(example_copy)
    assert reloaded.partners[-1].organisatie == "Bibliotheek: leesclub \"Boekenwurm\""
    assert reloaded == plan_store.plan


def test_failure_between_write_and_replace_keeps_previous_file(example_copy, monkeypatch):
    original = example_copy.read_bytes()
    plan_store = PlanStore(example_copy)
    plan_store.plan.partners[0].rol = "gewijzigd"

    def broken_replace(src, dst):
        raise OSError("schijf vol")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        plan_store.save()
    monkeypatch.undo()
    assert example_copy.read_bytes() == original
    assert read_plan(example_copy).gemeente.naam
    assert not list(example_copy.parent.glob(f".{example_copy.name}.*.tmp"))


_SAVER = """
import sys
from warmestad_nb.store import PlanStore
s = PlanStore(sys.argv[1])
n = 0
print("ready", flush=True)
while True:
    n += 1
    s.plan.omgevingsanalyse.notities = ("regel %d\\n" % n) * 2000
    s.save()
"""


def test_killing_a_process_while_it_saves_leaves_a_loadable_plan(example_copy):
    for attempt in range(6):
        child = subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(example_copy)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout.readline().strip() == "ready"
        time.sleep(0.15 + 0.1 * attempt)
        child.send_signal(signal.SIGKILL)
        child.wait()
        plan = read_plan(example_copy)  # must load: old or new version, never half
        assert plan.gemeente.nis


def test_second_store_cannot_overwrite_the_first(example_copy):
    first, second = PlanStore(example_copy), PlanStore(example_copy)
    first.plan.partners[0].rol = "wijziging uit venster 1"
    second.plan.partners[1].rol = "wijziging uit venster 2"
    first.save()
    with pytest.raises(ConflictError) as refused:
        second.save()
    message = str(refused.value)
    assert "gewijzigd sinds het geopend werd" in message and "Herlaad" in message
    on_disk = read_plan(example_copy)
    assert on_disk.partners[0].rol == "wijziging uit venster 1"
    # The refused change is kept aside, so nothing is lost.
    kept = list((example_copy.parent / ".conflicten").glob("*.yaml"))
    assert len(kept) == 1 and "wijziging uit venster 2" in kept[0].read_text(encoding="utf-8")
    second.reload()
    second.plan.partners[1].rol = "wijziging uit venster 2"
    second.save()
    final = read_plan(example_copy)
    assert final.partners[0].rol == "wijziging uit venster 1"
    assert final.partners[1].rol == "wijziging uit venster 2"


def test_hand_edit_is_detected(example_copy):
    plan_store = PlanStore(example_copy)
    example_copy.write_text(example_copy.read_text(encoding="utf-8") + "\n# met de hand\n", encoding="utf-8")
    assert plan_store.changed_on_disk()
    plan_store.plan.partners[0].rol = "x"
    with pytest.raises(ConflictError):
        plan_store.save()
    assert example_copy.read_text(encoding="utf-8").endswith("# met de hand\n")


@pytest.mark.parametrize("suffix", ["", " [kopie]"], ids=["naam", "naam-met-haken"])
def test_previous_versions_are_kept_as_numbered_backups(example_copy, monkeypatch, suffix):
    # "[kopie]" would be a glob character class: the backups must still be found.
    monkeypatch.setattr(store, "BACKUPS_KEPT", 3)
    example_copy = example_copy.rename(example_copy.with_name(f"{example_copy.stem}{suffix}.yaml"))
    plan_store = PlanStore(example_copy)
    versions = [example_copy.read_bytes()]
    for n in range(5):
        plan_store.plan.omgevingsanalyse.notities = f"versie {n}"
        plan_store.save()
        versions.append(example_copy.read_bytes())
    backups = plan_store.backups()
    assert [p.name.split(".")[-2] for p in backups] == ["00003", "00004", "00005"]
    assert [p.read_bytes() for p in backups] == versions[2:5]


def test_saving_an_unchanged_plan_writes_nothing(example_copy):
    plan_store = PlanStore(example_copy)
    before = example_copy.stat().st_mtime_ns
    assert plan_store.save() is False
    assert example_copy.stat().st_mtime_ns == before
    assert not plan_store.backups()


def test_nested_change_is_validated_before_saving(example_copy):
    plan_store = PlanStore(example_copy)
    original = example_copy.read_bytes()
    plan_store.plan.acties[0].pijlers.append(12)  # list mutation bypasses assignment checks
    with pytest.raises(WarmeStadError) as refused:
        plan_store.save()
    assert "pijlers" in str(refused.value)
    assert example_copy.read_bytes() == original


def test_empty_field_is_removed_from_the_file(example_copy):
    plan_store = PlanStore(example_copy)
    plan_store.plan.kickoff.verslag = ""
    plan_store.plan.kickoff.datum = date(2026, 2, 3)
    plan_store.save()
    text = example_copy.read_text(encoding="utf-8")
    assert "verslag:" not in text and "datum: 2026-02-03" in text


def test_the_fast_reader_reads_a_plan_exactly_as_the_round_trip_reader(tmp_path):
    """Reading only (documents, batch, overview) uses the C loader with its own resolver; it must give
    the same values as the round-trip loader that saves, also for scalars YAML 1.1 would turn into
    booleans, octal numbers or minutes ('no', 'on', '010', '19:30')."""
    from conftest import EXAMPLES

    values = ["no", "on", "Yes", "'010'", "010", "19:30", "1_000", "0x1F", ".5", "~", "2026-03-01", "1e3"]
    tricky = "tricky:\n" + "".join(f"  - {v}\n" for v in values)
    for example in EXAMPLES:
        path = tmp_path / example.name
        path.write_text(example.read_text(encoding="utf-8") + tricky, encoding="utf-8")
        text = path.read_text(encoding="utf-8")
        fast = store._parse(path, text, round_trip=False)
        slow = store._parse(path, text, round_trip=True)
        assert fast == slow
        assert fast["tricky"] == ["no", "on", "Yes", "010", 10, "19:30", 1000, 31, 0.5, None, date(2026, 3, 1),
                                  1000.0]


def test_a_float_in_exponent_notation_keeps_its_value_through_saves(herselt):
    """ruamel re-wrote 1.519569217093949e-66 as ...948e-66 (found by the round-trip property test)."""
    plan = read_plan(herselt)
    tiny = 1.519569217093949e-66
    changed = plan.model_copy(update={"acties": [plan.acties[0].model_copy(update={"budget_eur": tiny})]})
    plan_store = PlanStore(herselt)
    plan_store.save(changed)
    assert read_plan(herselt).acties[0].budget_eur == tiny
    PlanStore(herselt).save(read_plan(herselt))  # the value now comes from the file itself
    assert read_plan(herselt).acties[0].budget_eur == tiny
