"""What every section builder gets: the plan, the options, and short labels from the reference data."""

from __future__ import annotations

from dataclasses import dataclass

from ... import reference, vocab
from ...model import Plan
from ..outline import is_final


@dataclass(frozen=True)
class Context:
    plan: Plan
    taalniveau: str = "standaard"
    versie: str = ""

    @property
    def final(self) -> bool:
        return is_final(self.versie)

    @property
    def simple(self) -> bool:
        return self.taalniveau == "eenvoudig"

    @property
    def gemeente(self) -> str:
        return self.plan.gemeente.naam


def pillar_label(number: int) -> str:
    return f"{number}. {reference.lookup('pijlers')[number].kort}"


def pillar_list(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in sorted(numbers)) or "-"


def ages(codes: list[str]) -> str:
    order = list(vocab.AGE_GROUPS)
    return ", ".join(sorted(codes, key=order.index)) or "-"


def source_label(table: str) -> str:
    """'Statbel (...), 2026' for a reference table: every figure carries its source and year."""
    src = reference.source(table)
    return f"{src.uitgever}, {src.titel} ({src.jaar})"


def plan_source(ctx: Context) -> str:
    """The plan itself as a source: the municipality's own choices for its policy period."""
    return f"Plan van {ctx.gemeente} voor het meerjarenplan {ctx.plan.cyclus}"


def subject_titles(plan: Plan) -> dict[str, str]:
    """Goal and action ids -> their titles (links in the plan refer to ids)."""
    titles = {d.id: d.titel for d in plan.prioriteiten.doelstellingen}
    titles.update({a.id: a.titel for a in plan.acties})
    return titles
