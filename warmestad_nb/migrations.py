"""Upgrades of a plan's raw data from one schema version to the next (store.MIGRATIONS).

Each works on the tree as read (a plain dict, or ruamel's round-trip map with its comments) and
only moves what the new version keeps elsewhere; new sections simply start empty.
"""

from __future__ import annotations

from typing import Any


def _insert_at(tree: Any, position: int, key: str, value: Any) -> None:
    """Put `key: value` at a position of the mapping, so the file keeps a sensible order."""
    if hasattr(tree, "insert"):  # ruamel's round-trip map: comments stay where they were
        tree.insert(position, key, value)
        return
    rest = {k: tree.pop(k) for k in list(tree)[position:]}
    tree[key] = value
    tree.update(rest)


def version_1_to_2(tree: dict) -> None:
    """Version 2 has governance and adoption sections.

    - `projectgroep` (a list of people) becomes the body 'Projectgroep' under `bestuur.organen`.
    - `verankering.beleidsplan_goedgekeurd` (the date college or council approved the plan) becomes
      the council's decision under `vaststelling`, with the plan's status 'definitief'.
    """
    if "projectgroep" in tree:
        members = tree["projectgroep"] or []
        body = {"naam": "Projectgroep", "soort": "projectgroep", "leden": members}
        position = list(tree).index("projectgroep")
        del tree["projectgroep"]
        _insert_at(tree, position, "bestuur", {"organen": [body]} if members else {})
    anchoring = tree.get("verankering")
    if isinstance(anchoring, dict) and "beleidsplan_goedgekeurd" in anchoring:
        approved = anchoring.pop("beleidsplan_goedgekeurd")
        if approved is not None:
            adoption = {"status": "definitief", "gemeenteraad": {"datum": approved}}
            _insert_at(tree, list(tree).index("verankering"), "vaststelling", adoption)
