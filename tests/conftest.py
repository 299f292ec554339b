"""Shared fixtures: the shipped example plans, copied so tests never touch the originals."""

from __future__ import annotations

import hashlib
import shutil
import signal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "data" / "voorbeelden").glob("*.yaml"))
GENT = ROOT / "data" / "voorbeelden" / "44021-gent.yaml"  # the largest example: many tables, all charts


def gent_and_overview(out: Path, fmt: str) -> dict[str, Path]:
    """Gent's policy plan and the examples' regional overview in one format, as `warmestad` makes them."""
    from warmestad_nb.cli import main

    assert main(["rapport", str(GENT), "--formaat", fmt, "--uit", str(out), "--datum", "2026-11-01"]) == 0
    assert main(["overzicht", str(GENT.parent), "--formaat", fmt, "--uit", str(out), "--datum", "2026-11-01"]) == 0
    return {"beleidsplan": next(out.glob(f"*/beleidsplan.{fmt}")), "overzicht": out / f"regio-overzicht.{fmt}"}
BROKEN = ROOT / "tests" / "data" / "kapotte_plannen"
HERSELT = ROOT / "data" / "voorbeelden" / "13013-herselt.yaml"

# Several tests press Ctrl-C (send SIGINT) to a command they started, as a user at a terminal
# would. A test run started in the background of a script (`make test &`, some CI runners)
# inherits an ignored SIGINT, and every command it starts would inherit that too and never
# stop. Restore the terminal's default here so the commands under test see a real Ctrl-C.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def example_path(request) -> Path:
    return request.param


@pytest.fixture
def example_copy(tmp_path, example_path) -> Path:
    target = tmp_path / example_path.name
    shutil.copyfile(example_path, target)
    return target


@pytest.fixture
def herselt(tmp_path) -> Path:
    """A copy of the small example plan (Herselt), for tests that change it."""
    target = tmp_path / HERSELT.name
    shutil.copyfile(HERSELT, target)
    return target


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file below `folder` with its content hash, to prove nothing changed on disk."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
