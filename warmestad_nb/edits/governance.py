"""Step 1's governance: members added to the project group, which is made when there is none yet."""

from __future__ import annotations

from typing import Optional

from ..model import Lid, Orgaan, Plan

GROUP_NAME = "Projectgroep"


def project_group(plan: Plan) -> Optional[Orgaan]:
    """The first body of the kind projectgroep, if any."""
    return next((body for body in plan.bestuur.organen if body.soort == "projectgroep"), None)


def add_project_group_member(plan: Plan, values: dict) -> None:
    body = project_group(plan)
    if body is None:
        body = Orgaan(naam=GROUP_NAME, soort="projectgroep")
        plan.bestuur.organen.append(body)
    body.leden.append(Lid(**values))
