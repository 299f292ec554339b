"""The checklist of one step on its page: what is in order and what is still to do.

The answers come from analysis/checklist.py, as on the start page and in the document.
"""

from __future__ import annotations

from .. import reference
from ..analysis.checklist import met
from ..model import Plan
from ..report.document import Bullets, Paragraph
from .plan_view import mark, view


def step_checklist(plan: Plan, step: int) -> str:
    items = reference.steps()[step - 1].checklist
    done = [met(plan, item.id) for item in items]
    return view("ws-stap-checklist-inhoud", [
        Paragraph(f"Checklist van stap {step}: {sum(done)} van {len(items)} in orde."),
        Bullets([f"{mark(ok, 'nog te doen')}: {item.tekst}" for item, ok in zip(items, done)])])
