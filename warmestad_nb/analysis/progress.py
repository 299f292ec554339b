"""Progress over the 7 steps: which checklist items of data/stappen.yaml a plan meets (rules in `checklist`)."""

from __future__ import annotations

from dataclasses import dataclass

from .. import reference
from ..model import Plan
from .checklist import met


@dataclass(frozen=True)
class StepProgress:
    nummer: int
    naam: str
    klaar: tuple[str, ...]  # checklist texts that are done
    open: tuple[str, ...]  # checklist texts still to do

    @property
    def fraction(self) -> float:
        total = len(self.klaar) + len(self.open)
        return len(self.klaar) / total if total else 0.0


def step_progress(plan: Plan) -> list[StepProgress]:
    result = []
    for step in reference.steps():
        done = [item.tekst for item in step.checklist if met(plan, item.id)]
        todo = [item.tekst for item in step.checklist if not met(plan, item.id)]
        result.append(StepProgress(step.nummer, step.naam, tuple(done), tuple(todo)))
    return result
