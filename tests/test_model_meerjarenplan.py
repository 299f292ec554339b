"""The plan check for meerjarenplan links and hierarchy, on plan files a person could have edited by hand."""

from __future__ import annotations

import copy
import io

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES, ROOT
from warmestad_nb.errors import WarmeStadError
from warmestad_nb.store import read_plan

GENT = ROOT / "data" / "voorbeelden" / "44021-gent.yaml"
YAML_RT = YAML(typ="rt")
GENT_TREE = YAML_RT.load(GENT.read_text(encoding="utf-8"))


def _items(tree, code):
    return next(i for i in tree["meerjarenplan"]["items"] if i["code"] == code)


def _action(tree, action_id):
    return next(a for a in tree["acties"] if a["id"] == action_id)


def unknown_code(tree):
    _action(tree, "jongerenpanel")["mjp_codes"] = ["AC9.9.9"]


def no_meerjarenplan(tree):
    del tree["meerjarenplan"]


def parent_missing(tree):
    del _items(tree, "AC1.2.1")["ouder"]


def parent_unknown(tree):
    _items(tree, "AP2.2")["ouder"] = "BD7"


def parent_wrong_level(tree):
    _items(tree, "AC2.2.1")["ouder"] = "BD2"


def goal_with_parent(tree):
    _items(tree, "BD2")["ouder"] = "BD1"


def priority_parent_not_priority(tree):
    _items(tree, "AC2.1.1")["prioritair"] = True


def duplicate_code(tree):
    tree["meerjarenplan"]["items"].append(dict(_items(tree, "AC2.2.1"), titel="Nog een panel"))


def history_unknown_cycle(tree):
    _action(tree, "jongerenpanel")["mjp_vorige"] = [{"cyclus": "2020-2025", "mjp_codes": ["1.3.1"]}]


def history_unknown_code(tree):
    tree["vorige_meerjarenplannen"] = [{"cyclus": "2020-2025", "items": [
        {"code": "1", "titel": "Oud doel", "niveau": "beleidsdoelstelling"}]}]
    _action(tree, "jongerenpanel")["mjp_vorige"] = [{"cyclus": "2020-2025", "mjp_codes": ["1.3.1"]}]


def history_twice(tree):
    old = {"cyclus": "2020-2025", "items": [{"code": "1", "titel": "Oud doel", "niveau": "beleidsdoelstelling"}]}
    tree["vorige_meerjarenplannen"] = [old, copy.deepcopy(old)]


CASES = [
    (unknown_code, "actie 'jongerenpanel': meerjarenplan-code 'AC9.9.9' bestaat niet in het meerjarenplan 2026-2031"),
    (no_meerjarenplan, "doelstelling 'weg-naar-hulp': gekoppeld aan meerjarenplan-code 'AP1.1', maar er is nog geen"),
    (parent_missing,
     "meerjarenplan 2026-2031, item 6: actie 'AC1.2.1' hangt onder geen actieplan (veld ouder is leeg)"),
    (parent_unknown, "actieplan 'AP2.2' hangt onder 'BD7', maar die code bestaat niet"),
    (parent_wrong_level,
     "actie 'AC2.2.1' hangt onder 'BD2', een beleidsdoelstelling; een actie hangt onder een actieplan"),
    (goal_with_parent, "beleidsdoelstelling 'BD2' staat bovenaan en heeft geen ouder (nu: 'BD1')"),
    (priority_parent_not_priority, "actie 'AC2.1.1' is prioritair, dus ook actieplan 'AP2.1' moet prioritair zijn"),
    (duplicate_code, "item 14: de code 'AC2.2.1' komt meer dan eens voor"),
    (history_unknown_cycle, "mjp_vorige verwijst naar het meerjarenplan 2020-2025, maar dat staat niet bij"),
    (history_unknown_code, "actie 'jongerenpanel': code '1.3.1' bestaat niet in het vorige meerjarenplan 2020-2025"),
    (history_twice, "vorige_meerjarenplannen: de cyclus 2020-2025 staat er meer dan eens in"),
]


@pytest.mark.parametrize("edit, message", CASES, ids=[c[0].__name__ for c in CASES])
def test_hand_edited_meerjarenplan_problems_are_named(tmp_path, edit, message):
    tree = copy.deepcopy(GENT_TREE)
    edit(tree)
    path = tmp_path / "plan.yaml"
    buffer = io.StringIO()
    YAML_RT.dump(tree, buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    with pytest.raises(WarmeStadError) as caught:
        read_plan(path)
    assert any(message in problem for problem in caught.value.problems), caught.value.problems


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_plans_meet_the_meerjarenplan_rules(path):
    plan = read_plan(path)
    assert plan.meerjarenplan is not None
    linked = [c for s in [*plan.prioriteiten.doelstellingen, *plan.acties] for c in s.mjp_codes]
    assert linked and set(linked) <= {i.code for i in plan.meerjarenplan.items}
