"""analysis/ only reads plans; every change to a plan is in warmestad_nb/edits/.

Two checks:
- called: every public function of warmestad_nb.analysis runs on the three example plans, an empty
  plan and generated plans, with its arguments taken from the plan under test (each action, goal,
  score, link subject, ...), and the plan's model_dump is the same afterwards. A function this test
  cannot call fails it: a new function is either called here or named among those that take no
  part of a plan.
- read: the source of analysis/ assigns no attribute, calls no setattr and no list- or dict-changing
  method on an attribute (`plan.acties.append`): the ways the functions now in edits/ changed plans.
  A plan list first bound to a local name and then changed is not seen here; the called check runs
  such code on real plans.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import random
from collections import Counter
from datetime import date
from typing import Callable, Iterable

import pytest

from conftest import EXAMPLES, ROOT
from warmestad_nb import analysis, reference, vocab
from warmestad_nb.analysis import budget, indicators, kickoff, linking, mjp_links, region, sdg_links
from warmestad_nb.edits import actions as edits_actions
from warmestad_nb.edits.priorities import remove_goal
from warmestad_nb.errors import WarmeStadError
from warmestad_nb.model import Plan
from warmestad_nb.store import read_plan

ANALYSIS = ROOT / "warmestad_nb" / "analysis"

# Functions that take no plan and no part of one (reference data, codes, numbers, tables made earlier):
# they cannot change a plan.
NO_PLAN = {
    "actions.filter_catalogue", "actions.filter_options", "budget.cycle_years", "cycle.date_warning", "cycle.in_cycle", "cycle.plausible_years",
    "environment.area_label", "environment.band_columns", "environment.population_table",
    "environment.programme_bands", "environment.pyramid", "environment.youth_population",
    "indicators.comparable_municipalities", "indicators.compare", "indicators.comparisons", "indicators.footnotes",
    "indicators.measure", "indicators.measures", "indicators.rank_text", "indicators.rule_text",
    "indicators.summary_table", "indicators.weighted_mean", "indicators.weights", "linking.link_fields",
    "mjp_links.content_words", "mjp_links.shared_words", "mjp_links.words_match", "offer.pillar_label",
    "partners.gaps_in", "region.youth_population", "sdg_links.sdg_of", "summaries.flemish_figure_addresses",
    "summaries.flemish_figure_rows", "summaries.indicator_sentence",
}

Args = Callable[[Plan], Iterable[tuple]]


def _subjects(plan: Plan):
    return linking.subjects(plan)


def _open_suggestions(plan: Plan):
    for kind, subject in _subjects(plan):
        yield subject, "mjp", mjp_links.mjp_proposals(plan, kind, subject)
        yield subject, "sdg", sdg_links.sdg_proposals(subject)
        yield subject, "vizier", sdg_links.vizier_proposals(subject)


def _region(plan: Plan) -> tuple:
    summaries = [region.plan_summary(plan)]
    return summaries, region.region_tables(summaries)


# The functions that take more than the plan: their arguments, taken from the plan under test.
CALLS: dict[str, Args] = {
    "actions.gaps": lambda p: [(p, Counter(x for a in p.acties for x in a.pijlers),
                                Counter(g for a in p.acties for g in a.leeftijdsgroepen),
                                Counter(a.strategie for a in p.acties if a.strategie))],
    "budget.action_total": lambda p: [(a,) for a in p.acties],
    "budget.funding": lambda p: [(a,) for a in p.acties],
    "budget.per_year": lambda p: [(a, budget.cycle_years(p.cyclus)) for a in p.acties],
    "checklist.met": lambda p: [(p, i.id) for s in reference.steps() for i in s.checklist],
    "evaluation.evaluation": lambda p: [(p, e.jaar) for e in p.evaluaties],
    "evaluation.reached": lambda p: [(m,) for e in p.evaluaties for m in e.metingen],
    "goals.smart_missing": lambda p: [(g, c) for g in p.prioriteiten.doelstellingen for c in (None, p.cyclus)],
    "indicators.chosen_ids": lambda p: [(p.omgevingsanalyse.indicatoren,)],
    "kickoff.schedule": lambda p: [(p.kickoff.programma,), (kickoff.programme(p)[0],)],
    "kickoff.total_minutes": lambda p: [(p.kickoff.programma,), (kickoff.programme(p)[0],)],
    "linking.find_subject": lambda p: [(p, kind, s.id) for kind, s in _subjects(p)],
    "linking.open_suggestions": lambda p: list(_open_suggestions(p)),
    "mjp_links.ancestors": lambda p: [(p.meerjarenplan, i.code) for i in
                                      (p.meerjarenplan.items if p.meerjarenplan else [])],
    "mjp_links.mjp_proposals": lambda p: [(p, kind, s) for kind, s in _subjects(p)],
    "mjp_links.mjp_suggestions": lambda p: [(p, kind, s) for kind, s in _subjects(p)],
    "mjp_links.tree": lambda p: [(p.meerjarenplan,)],
    "needs.highlights": lambda p: [(p.omgevingsanalyse.enquete,)],
    "needs.survey_results": lambda p: [(p.omgevingsanalyse.enquete,)],
    **{f"offer.{name}": (lambda p: [(p.omgevingsanalyse.aanbod,)])
       for name in ("by_age", "by_strategy", "cells", "gaps", "health_matrix", "offer_table")},
    "open_points.refuse_final_with_open_points": lambda p: [("plan.yaml", p)],
    "priorities.need": lambda p: [(s,) for s in p.prioriteiten.scores],
    "priorities.score_of": lambda p: [(p, x.nummer) for x in reference.pillars()],
    "region.region_tables": lambda p: [(_region(p)[0],)],
    "region.region_gaps": lambda p: [(_region(p)[1], _region(p)[0])],
    "region.region_totals": lambda p: [(_region(p)[1],)],
    "sdg_links.rule_fires": lambda p: [(r, s) for r in reference.sdg_rules() for _, s in _subjects(p)],
    "sdg_links.rule_targets": lambda p: [(r, s) for r in reference.sdg_rules() for _, s in _subjects(p)
                                         if sdg_links.rule_fires(r, s)],  # asked only of a rule that fires
    **{f"sdg_links.{name}": (lambda p: [(s,) for _, s in _subjects(p)])
       for name in ("sdg_proposals", "sdg_suggestions", "vizier_proposals", "vizier_suggestions", "subject_text")},
}


def public_functions() -> dict[str, Callable]:
    found = {}
    for info in pkgutil.iter_modules(analysis.__path__):
        module = importlib.import_module(f"warmestad_nb.analysis.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                found[f"{info.name}.{name}"] = function
    return found


FUNCTIONS = public_functions()


def _plan_only(function: Callable) -> bool:
    required = [p.name for p in inspect.signature(function).parameters.values()
                if p.default is inspect.Parameter.empty and p.kind is not p.VAR_KEYWORD]
    return required == ["plan"]


def arguments(name: str, plan: Plan) -> list[tuple]:
    if name in CALLS:
        return list(CALLS[name](plan))
    if _plan_only(FUNCTIONS[name]):
        return [(plan,)]
    raise AssertionError(f"{name}: add how to call it to CALLS, or to NO_PLAN when it takes no part of a plan")


def generated(seed: int) -> Plan:
    """An example plan taken apart at random (seeded) through edits/: goals and actions removed, actions
    without owner, dates or budget, statuses logged, whole sections left empty."""
    rnd = random.Random(seed)
    plan = read_plan(EXAMPLES[seed % len(EXAMPLES)])
    for goal in list(plan.prioriteiten.doelstellingen):
        if rnd.random() < 0.3:
            remove_goal(plan, goal.id)
    for action in list(plan.acties):
        if rnd.random() < 0.2:
            edits_actions.remove_action(plan, action.id)
            continue
        for field in ("trekker", "start", "einde", "budget_eur"):
            if rnd.random() < 0.3:
                setattr(action, field, None)
        if rnd.random() < 0.3:
            edits_actions.record_status(plan, action.id, rnd.choice(list(vocab.ACTION_STATUSES)),
                                        action.start or date(2027, 3, 1))
    data = plan.model_dump()
    for section in ("evaluaties", "kickoff", "jongeren", "omgevingsanalyse", "verankering"):
        if rnd.random() < 0.4:
            data.pop(section)
    if rnd.random() < 0.4:
        data["partners"] = []
        data["kickoff"] = {}
        for action in data["acties"]:
            action["trekker"], action["partners"] = None, []
    return Plan.model_validate(data)


PLANS = ([pytest.param(lambda p=p: read_plan(p), id=p.stem) for p in EXAMPLES]
         + [pytest.param(lambda: Plan.model_validate({"gemeente": {"nis": "13013", "naam": "Herselt"}}), id="leeg")]
         + [pytest.param(lambda s=s: generated(s), id=f"gegenereerd-{s}") for s in range(6)])


def test_every_public_function_is_called_or_takes_no_plan():
    unknown = [name for name in FUNCTIONS if name not in NO_PLAN and name not in CALLS
               and not _plan_only(FUNCTIONS[name])]
    assert unknown == [], "add how to call these to CALLS, or to NO_PLAN when they take no part of a plan"
    assert sorted((set(NO_PLAN) | set(CALLS)) - set(FUNCTIONS)) == [], "no longer in analysis/"


@pytest.mark.parametrize("make", PLANS)
def test_no_analysis_changes_the_plan(make):
    plan = make()
    before = plan.model_dump(mode="json")
    changed, calls = [], 0
    for name, function in FUNCTIONS.items():
        if name in NO_PLAN:
            continue
        for args in arguments(name, plan):
            calls += 1
            try:
                function(*args)
            except WarmeStadError:
                pass  # a refusal (a final version with open points) is an answer too
        if plan.model_dump(mode="json") != before:
            changed.append(name)
            plan = make()  # go on with the plan as it was, to find every function that changes it
            before = plan.model_dump(mode="json")
    assert changed == [], "these analyses change the plan; the change belongs in warmestad_nb/edits/"
    assert calls >= len(FUNCTIONS) - len(NO_PLAN)


def test_the_generated_plans_differ_from_the_examples():
    shapes = {(len(p.acties), len(p.prioriteiten.doelstellingen), len(p.partners), len(p.evaluaties),
               sum(a.trekker is None for a in p.acties)) for p in map(generated, range(6))}
    examples = {(len(p.acties), len(p.prioriteiten.doelstellingen), len(p.partners), len(p.evaluaties),
                 sum(a.trekker is None for a in p.acties)) for p in map(read_plan, EXAMPLES)}
    assert len(shapes - examples) >= 4


MUTATORS = {"append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse", "update", "setdefault",
            "add", "discard", "popitem"}
PANDAS_INDEXERS = {"loc", "iloc", "at", "iat"}  # on a table the analysis made itself


def _inside_another_object(node: ast.AST) -> bool:
    """`plan.acties`, `plan.acties[0]`: reached through an attribute; `out`, `groups[key]`: a local's own."""
    if isinstance(node, ast.Attribute):
        return node.attr not in PANDAS_INDEXERS or _inside_another_object(node.value)
    if isinstance(node, ast.Subscript):
        return _inside_another_object(node.value)
    return False


def _changed_in_place(target: ast.AST) -> bool:
    if isinstance(target, (ast.Tuple, ast.List)):
        return any(_changed_in_place(t) for t in target.elts)
    return isinstance(target, ast.Attribute) or (isinstance(target, ast.Subscript)
                                                  and _inside_another_object(target.value))


def changes_in(source: str) -> list[tuple[int, str]]:
    """(line, what) for each place that changes an object it did not make: an attribute assigned or
    deleted, setattr, or a changing method called on an attribute."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            if any(_changed_in_place(t) for t in targets):
                found.append((node.lineno, ast.unparse(node).splitlines()[0]))
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in ("setattr", "delattr"):
                found.append((node.lineno, ast.unparse(node)))
            elif (isinstance(func, ast.Attribute) and func.attr in MUTATORS | {"__setattr__"}
                  and _inside_another_object(func.value)):
                found.append((node.lineno, ast.unparse(node)))
    return sorted(found)


def test_analysis_source_changes_nothing_in_place():
    found = [f"{path.relative_to(ROOT)}:{line}: {text}" for path in sorted(ANALYSIS.rglob("*.py"))
             for line, text in changes_in(path.read_text(encoding="utf-8"))]
    assert found == [], "analysis/ changes objects in place; move the change to edits/:\n" + "\n".join(found)


def test_the_source_check_sees_each_way_a_plan_was_changed():
    changes = changes_in(
        "def f(plan, a, i):\n"
        "    out = []\n"
        "    out.append(1)\n"  # a list of its own: fine
        "    groups = {}\n"
        "    groups['a'].append(1)\n"  # fine too
        "    plan.acties = []\n"
        "    plan.evaluaties.append(a)\n"
        "    plan.evaluaties.sort(key=len)\n"
        "    a.status += 'x'\n"
        "    setattr(a, 'status', 'x')\n"
        "    plan.acties[i] = a\n"
        "    del plan.acties[i]\n"
        "    table.loc[1, 2] += 1\n"  # a table of its own: fine
        "    plan.acties[0].doelstellingen.append(i)\n")
    assert [line for line, _ in changes] == [6, 7, 8, 9, 10, 11, 12, 14]
