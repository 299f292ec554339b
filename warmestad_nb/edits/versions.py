"""The whole plan set back to an earlier version ("Ongedaan maken", the list of versions)."""

from __future__ import annotations

from ..model import Plan


def restore_version(plan: Plan, earlier: Plan) -> None:
    # All fields at once, not one assignment at a time: a partner and the actions that name it must
    # change together. The save validates the whole plan.
    plan.__dict__.update(earlier.model_copy(deep=True).__dict__)
    plan.__pydantic_fields_set__.update(earlier.model_fields_set)
