"""Helpers shared by the step 2 tests."""

from __future__ import annotations

from pathlib import Path

from warmestad_nb.newplan import new_plan, plan_filename
from warmestad_nb.store import create_plan


def fresh_plan(folder: Path, municipality: str) -> Path:
    """A new, empty plan file for a municipality (small, so tests stay fast)."""
    plan, _ = new_plan(municipality)
    return create_plan(folder / plan_filename(plan), plan)
