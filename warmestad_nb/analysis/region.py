"""The region over many plans: progress, priorities, actions, budget and partners, with totals and gaps.

Pure functions: plans in, plain records and pandas tables out. `plan_summary` keeps of one plan only
what the overview needs (small, so many plans fit in memory); `region_tables` lines the summaries
up per municipality; `region_totals` and `region_gaps` say what a coach shows in a regional meeting.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from .. import reference
from ..model import Plan
from .budget import action_total, counted, totals
from .progress import step_progress


@dataclass(frozen=True)
class PlanSummary:
    nis: str
    naam: str
    regio: str  # the Gezondheidsmakers region ("" when the plan does not say)
    voorbeeld: bool
    cyclus: str
    stappen: tuple[float, ...]  # fraction of each step's checklist done, steps 1-7
    prioriteiten: tuple[int, ...]  # chosen pillars
    acties_per_pijler: dict[int, int]  # an action counts for each of its pillars
    acties: int
    acties_zonder_budget: int
    budget_acties: float  # euro, the actions that have a budget
    werkingsbudget: float | None  # euro per year for running the project (engagement)
    partners_per_sector: dict[str, int]
    partners: int
    jongeren: int | None  # inhabitants aged 0-24 on 1 January 2026 (Statbel); None if unknown


def youth_population(nis: str) -> int | None:
    row = reference.population_2026().get(nis)
    if row is None:
        return None
    return sum(row[f"{sex}_{band}"] for sex in "mf" for band in reference.YOUTH_BANDS)


def plan_summary(plan: Plan) -> PlanSummary:
    g = plan.gemeente
    return PlanSummary(
        nis=g.nis, naam=g.naam, regio=g.gezondheidsmakers or reference.municipality(g.nis).gezondheidsmakers,
        voorbeeld=plan.voorbeeld, cyclus=plan.cyclus,
        stappen=tuple(s.fraction for s in step_progress(plan)),
        prioriteiten=tuple(sorted(set(plan.prioriteiten.gekozen_pijlers))),
        acties_per_pijler=dict(Counter(p for a in plan.acties for p in set(a.pijlers))),
        acties=len(plan.acties),
        acties_zonder_budget=sum(action_total(a) is None for a in counted(plan)),
        budget_acties=totals(plan).totaal,  # without stopped actions, as in each plan's document
        werkingsbudget=plan.engagement.budget_eur,
        partners_per_sector=dict(Counter(p.sector for p in plan.partners)),
        partners=len(plan.partners),
        jongeren=youth_population(g.nis),
    )


@dataclass
class RegionTables:
    """One row per municipality (index: the name), in the order of the summaries."""

    stappen: pd.DataFrame  # columns 1-7: fraction done
    prioriteit: pd.DataFrame  # columns 1-8: True when a priority pillar
    acties: pd.DataFrame  # columns 1-8: number of actions
    partners: pd.DataFrame  # columns: sector ids; number of partners
    kern: pd.DataFrame  # regio, acties, budget_acties, werkingsbudget, jongeren, budget_per_jongere, ...


def region_tables(summaries: list[PlanSummary]) -> RegionTables:
    names = [s.naam for s in summaries]
    pillars = [p.nummer for p in reference.pillars()]
    steps = [s.nummer for s in reference.steps()]
    sectors = [s.id for s in reference.sectors()]
    kern = pd.DataFrame({
        "nis": [s.nis for s in summaries],
        "regio": [s.regio for s in summaries],
        "voortgang": [sum(s.stappen) / len(s.stappen) if s.stappen else 0.0 for s in summaries],
        "acties": [s.acties for s in summaries],
        "acties_zonder_budget": [s.acties_zonder_budget for s in summaries],
        "budget_acties": [s.budget_acties for s in summaries],
        "werkingsbudget": [s.werkingsbudget for s in summaries],
        "partners": [s.partners for s in summaries],
        "jongeren": [s.jongeren for s in summaries],
    }, index=names)
    kern["budget_per_jongere"] = kern["budget_acties"] / kern["jongeren"].where(kern["jongeren"] > 0)
    return RegionTables(
        stappen=pd.DataFrame([list(s.stappen) for s in summaries], index=names, columns=steps),
        prioriteit=pd.DataFrame([[p in s.prioriteiten for p in pillars] for s in summaries], index=names,
                                columns=pillars, dtype=bool),
        acties=pd.DataFrame([[s.acties_per_pijler.get(p, 0) for p in pillars] for s in summaries],
                            index=names, columns=pillars, dtype=int),
        partners=pd.DataFrame([[s.partners_per_sector.get(x, 0) for x in sectors] for s in summaries],
                              index=names, columns=sectors, dtype=int),
        kern=kern,
    )


@dataclass(frozen=True)
class RegionTotals:
    gemeenten: int
    acties: int
    budget_acties: float
    acties_zonder_budget: int
    werkingsbudget: float
    partners: int
    jongeren: int
    stappen_klaar: dict[int, int]  # step -> municipalities that finished its whole checklist
    prioriteit_per_pijler: dict[int, int]  # pillar -> municipalities that chose it
    acties_per_pijler: dict[int, int]  # pillar -> actions in the region
    partners_per_sector: dict[str, int]  # sector -> partners in the region


def region_totals(tables: RegionTables) -> RegionTotals:
    kern = tables.kern
    return RegionTotals(
        gemeenten=len(kern),
        acties=int(kern["acties"].sum()),
        budget_acties=float(kern["budget_acties"].sum()),
        acties_zonder_budget=int(kern["acties_zonder_budget"].sum()),
        werkingsbudget=float(kern["werkingsbudget"].fillna(0).sum()),
        partners=int(kern["partners"].sum()),
        jongeren=int(kern["jongeren"].fillna(0).sum()),
        stappen_klaar={int(c): int((tables.stappen[c] >= 1.0).sum()) for c in tables.stappen.columns},
        prioriteit_per_pijler={int(c): int(tables.prioriteit[c].sum()) for c in tables.prioriteit.columns},
        acties_per_pijler={int(c): int(tables.acties[c].sum()) for c in tables.acties.columns},
        partners_per_sector={str(c): int(tables.partners[c].sum()) for c in tables.partners.columns},
    )


@dataclass(frozen=True)
class RegionGaps:
    zonder_plan: dict[str, list[str]] = field(default_factory=dict)  # region -> municipalities without a plan
    pijlers_zonder_prioriteit: list[int] = field(default_factory=list)
    pijlers_zonder_actie: list[int] = field(default_factory=list)
    prioriteit_zonder_actie: dict[str, list[int]] = field(default_factory=dict)  # municipality -> pillars
    sector_ontbreekt: dict[str, list[str]] = field(default_factory=dict)  # sector id -> municipalities
    achterstand_per_stap: dict[int, int] = field(default_factory=dict)  # step -> municipalities under half
    zonder_acties: list[str] = field(default_factory=list)


def region_gaps(tables: RegionTables, summaries: list[PlanSummary]) -> RegionGaps:
    """What is missing in the region: plans, pillars, sectors, steps."""
    covered = {s.nis for s in summaries}
    regions = sorted({s.regio for s in summaries if s.regio})
    without_plan = {}
    for region in regions:
        missing = [m.naam for m in reference.municipalities() if m.gezondheidsmakers == region and m.nis not in covered]
        if missing:
            without_plan[region] = missing
    priority_no_action = {}
    for name in tables.prioriteit.index:
        pillars = [int(p) for p in tables.prioriteit.columns
                   if tables.prioriteit.at[name, p] and tables.acties.at[name, p] == 0]
        if pillars:
            priority_no_action[name] = pillars
    return RegionGaps(
        zonder_plan=without_plan,
        pijlers_zonder_prioriteit=[int(p) for p in tables.prioriteit.columns if not tables.prioriteit[p].any()],
        pijlers_zonder_actie=[int(p) for p in tables.acties.columns if tables.acties[p].sum() == 0],
        prioriteit_zonder_actie=priority_no_action,
        sector_ontbreekt={str(c): list(tables.partners.index[tables.partners[c] == 0]) for c in tables.partners.columns
                          if (tables.partners[c] == 0).any()},
        achterstand_per_stap={int(c): int((tables.stappen[c] < 0.5).sum()) for c in tables.stappen.columns},
        zonder_acties=list(tables.kern.index[tables.kern["acties"] == 0]),
    )
