"""Step 3: pillar scores, the chosen pillars and goals."""

from __future__ import annotations

from ..ids import new_id
from ..model import Doelstelling, PijlerScore, Plan


def set_score(plan: Plan, pillar: int, field: str, value) -> None:
    """Change one field of a pillar's score, adding the score when it is missing."""
    scores = plan.prioriteiten.scores
    for score in scores:
        if score.pijler == pillar:
            setattr(score, field, value)
            return
    scores.append(PijlerScore(pijler=pillar, **{field: value}))
    scores.sort(key=lambda s: s.pijler)


def toggle_pillar(plan: Plan, pillar: int, chosen: bool) -> None:
    current = set(plan.prioriteiten.gekozen_pijlers)
    current = current | {pillar} if chosen else current - {pillar}
    plan.prioriteiten.gekozen_pijlers = sorted(current)


def add_goal(plan: Plan, title: str) -> Doelstelling:
    """Add a goal with only its title (an id made from it); returns it."""
    goal = Doelstelling(id=new_id([g.id for g in plan.prioriteiten.doelstellingen], title), titel=title)
    plan.prioriteiten.doelstellingen.append(goal)
    return goal


def remove_goal(plan: Plan, goal_id: str) -> None:
    """Remove a goal, its anchoring entries and the actions' references to it (the actions stay).

    References first: the plan is checked on every assignment, and a reference to nowhere is refused.
    """
    plan.verankering.items = [v for v in plan.verankering.items if v.onderwerp != goal_id]
    for action in plan.acties:
        if goal_id in action.doelstellingen:
            action.doelstellingen = [g for g in action.doelstellingen if g != goal_id]
    plan.prioriteiten.doelstellingen = [g for g in plan.prioriteiten.doelstellingen if g.id != goal_id]
