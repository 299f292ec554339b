"""The checklist of one step on its page: what is in order and what is still to do.

The answers come from analysis/checklist.py, as on the start page and in the document.
"""

from __future__ import annotations

import html

from .. import reference
from ..analysis.checklist import met
from ..model import Plan


def step_checklist(plan: Plan, step: int) -> str:
    items = reference.steps()[step - 1].checklist
    done = [met(plan, item.id) for item in items]
    rows = "".join(
        f'<li><span class="{"ws-klaar" if ok else "ws-open"}">{"✔ in orde" if ok else "✘ nog te doen"}</span> '
        f"{html.escape(item.tekst)}</li>" for item, ok in zip(items, done))
    return (f'<div class="ws-stap-checklist-inhoud"><p><b>Checklist van stap {step}: {sum(done)} van '
            f"{len(items)} in orde.</b></p><ul>{rows}</ul></div>")
