"""SDG targets and Vizier 2030 goals: suggestions from the rule table, and the plan's contribution.

The rules are data (data/sdg_regels.yaml, read by `reference.sdg_rules`): a rule fires for a goal
or action when all its conditions hold (pillars, setting, words, a practice of the inspiratiebox)
and proposes its SDG targets and Vizier goals; a practice's own SDG targets come with the
catalogue rule. Every suggestion carries the explanations of the rules behind it.
"""

from __future__ import annotations

import pandas as pd

from .. import reference
from ..model import Plan
from ..reference import SdgRule
from .linking import Subject, Suggestion, open_suggestions, subjects


def subject_text(subject: Subject) -> str:
    """The words the rules look at: title and description."""
    return f"{subject.titel} {getattr(subject, 'omschrijving', '')}"


def rule_fires(rule: SdgRule, subject: Subject) -> bool:
    """All conditions of the rule hold for this goal or action."""
    checks = []
    if rule.pijlers:
        checks.append(bool(set(rule.pijlers) & set(subject.pijlers)))
    if rule.settings:
        checks.append(getattr(subject, "setting", None) in rule.settings)
    if rule.woorden:
        text = subject_text(subject)
        checks.append(any(reference.words_match(w, text) for w in rule.woorden))
    if rule.catalogus:
        checks.append(getattr(subject, "catalogus_id", None) is not None)
    return bool(checks) and all(checks)


def rule_targets(rule: SdgRule, subject: Subject) -> tuple[str, ...]:
    """The SDG targets a rule proposes for this subject (the practice's own ones for the catalogue rule)."""
    own = reference.practice(subject.catalogus_id).sdg_targets if rule.catalogus else ()
    return tuple(dict.fromkeys(rule.sdg_targets + own))


def _proposals(subject: Subject, kind: str) -> list[Suggestion]:
    reasons: dict[str, list[str]] = {}
    for rule in reference.sdg_rules():
        if not rule_fires(rule, subject):
            continue
        codes = rule_targets(rule, subject) if kind == "sdg" else rule.vizier
        for code in codes:
            reasons.setdefault(code, []).append(rule.uitleg)
    if kind == "sdg":
        texts = {t.code: t.tekst for t in reference.sdg_targets()}
    else:
        texts = {v.id: v.titel for v in reference.vizier_goals()}
    order = list(texts)  # reference order: 1.2, 1.3, ... 17.17
    return [
        Suggestion(code=code, titel=texts[code], redenen=tuple(reasons[code]), score=len(reasons[code]))
        for code in sorted(reasons, key=order.index)
    ]


def sdg_proposals(subject: Subject) -> list[Suggestion]:
    """Every SDG target the rules give for this goal or action (linked or not)."""
    return _proposals(subject, "sdg")


def vizier_proposals(subject: Subject) -> list[Suggestion]:
    """Every Vizier 2030 goal the rules give for this goal or action (linked or not)."""
    return _proposals(subject, "vizier")


def sdg_suggestions(subject: Subject) -> list[Suggestion]:
    """SDG targets still to accept or reject: not linked, not rejected before."""
    return open_suggestions(subject, "sdg", sdg_proposals(subject))


def vizier_suggestions(subject: Subject) -> list[Suggestion]:
    return open_suggestions(subject, "vizier", vizier_proposals(subject))


def sdg_of(target: str) -> int:
    return int(target.split(".")[0])


def sdg_overview(plan: Plan) -> pd.DataFrame:
    """One row per SDG (all 17): how many actions and goals contribute, through which targets."""
    rows = []
    for sdg in reference.sdgs():
        actions = [a for a in plan.acties if any(sdg_of(t) == sdg.nummer for t in a.sdg_targets)]
        goals = [d for d in plan.prioriteiten.doelstellingen if any(sdg_of(t) == sdg.nummer for t in d.sdg_targets)]
        targets = sorted(
            {t for _, s in subjects(plan) for t in s.sdg_targets if sdg_of(t) == sdg.nummer},
            key=lambda t: [x.code for x in reference.sdg_targets()].index(t),
        )
        rows.append({
            "sdg": sdg.nummer,
            "naam": sdg.naam,
            "acties": len(actions),
            "doelstellingen": len(goals),
            "subdoelen": ", ".join(targets),
            "welke acties": "; ".join(a.titel for a in actions),
        })
    return pd.DataFrame(rows)


def vizier_overview(plan: Plan) -> pd.DataFrame:
    """One row per Vizier 2030 goal of the reference list: the goals and actions that serve it."""
    rows = []
    for goal in reference.vizier_goals():
        actions = [a for a in plan.acties if goal.id in a.vizier_doelen]
        goals = [d for d in plan.prioriteiten.doelstellingen if goal.id in d.vizier_doelen]
        rows.append({"thema": goal.thema, "doel": goal.titel, "acties": len(actions), "doelstellingen": len(goals)})
    return pd.DataFrame(rows)
