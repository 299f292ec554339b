"""Step 4: the inspiratiebox filtered, and the balance of the action mix."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .. import formatting as fmt
from .. import reference, vocab
from ..model import Plan
from ..reference import Practice

# Filters of the catalogue: name -> (Dutch label, code list, how a practice matches a code).
FILTERS = {
    "pijler": ("Pijler", None, lambda p, v: int(v) in p.pijlers),
    "leeftijd": ("Leeftijd", vocab.AGE_GROUPS, lambda p, v: v in p.leeftijden),
    "setting": ("Setting", vocab.SETTINGS, lambda p, v: v in p.settings),
    "strategie": ("Strategie", vocab.STRATEGIES, lambda p, v: p.strategie == v),
    "preventietype": ("Preventie", vocab.PREVENTION_TYPES, lambda p, v: p.preventietype == v),
    "kosten": ("Kosten", vocab.COST_LEVELS, lambda p, v: p.kosten == v),
}


def filter_options(name: str) -> dict[str, str]:
    """Code -> Dutch label for one catalogue filter."""
    if name == "pijler":
        return {str(p.nummer): f"{p.nummer}. {p.kort}" for p in reference.pillars()}
    return dict(FILTERS[name][1])


def filter_catalogue(**chosen: str | None) -> list[Practice]:
    """Practices that match every chosen filter value (None or '' means: any). Practices without a
    checked source are never suggested."""
    unknown = set(chosen) - set(FILTERS)
    if unknown:
        raise ValueError(f"unknown catalogue filter(s): {sorted(unknown)}")
    return [
        practice for practice in reference.catalogue()
        if practice.has_source and all(FILTERS[name][2](practice, value) for name, value in chosen.items() if value)
    ]


@dataclass(frozen=True)
class Balance:
    """How many actions cover each pillar, age group and strategy, and what is missing."""

    pijlers: dict[int, int]
    leeftijden: dict[str, int]
    strategieen: dict[str, int]
    hiaten: list[str] = field(default_factory=list)


def balance(plan: Plan) -> Balance:
    pillars = Counter(p for a in plan.acties for p in a.pijlers)
    ages = Counter(g for a in plan.acties for g in a.leeftijdsgroepen)
    strategies = Counter(a.strategie for a in plan.acties if a.strategie)
    return Balance(
        pijlers={p.nummer: pillars.get(p.nummer, 0) for p in reference.pillars()},
        leeftijden={g: ages.get(g, 0) for g in vocab.AGE_GROUPS},
        strategieen={s: strategies.get(s, 0) for s in vocab.STRATEGIES},
        hiaten=gaps(plan, pillars, ages, strategies),
    )


def gaps(plan: Plan, pillars: Counter, ages: Counter, strategies: Counter) -> list[str]:
    """Dutch sentences naming what the action mix lacks against the priorities."""
    names = {p.nummer: p.kort for p in reference.pillars()}
    out = []
    for pillar in plan.prioriteiten.gekozen_pijlers:
        if not pillars.get(pillar):
            out.append(f"Prioriteit pijler {pillar} ({names[pillar]}) heeft nog geen actie.")
    covered = {g for a in plan.acties for g in a.doelstellingen}
    for goal in plan.prioriteiten.doelstellingen:
        if goal.id not in covered:
            out.append(f"Doelstelling '{goal.titel}' heeft nog geen actie.")
    if plan.acties:
        missing_ages = [vocab.AGE_GROUPS[g] for g in vocab.AGE_GROUPS if not ages.get(g)]
        if missing_ages:
            out.append("Geen actie voor de leeftijdsgroep(en) " + ", ".join(missing_ages) + ".")
        missing = [vocab.STRATEGIES[s] for s in vocab.STRATEGIES if not strategies.get(s)]
        if missing:
            out.append("Geen actie met de strategie " + ", ".join(missing) + " uit de gezondheidsmatrix.")
        without = [a.titel for a in plan.acties if not a.trekker]
        if without:
            shown = ", ".join(f"'{t}'" for t in without[:3]) + (" ..." if len(without) > 3 else "")
            out.append(f"{fmt.count(len(without), 'actie', 'acties')} zonder trekker: {shown}.")
    return out
