"""Meerjarenplan suggestions and the anchoring overviews, measured on the example plans."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, ROOT
from warmestad_nb.analysis import linking
from warmestad_nb.analysis.mjp_links import (
    ancestors, anchoring_counts, anchoring_table, mjp_proposals, mjp_suggestions, pillar_coverage, shared_words,
    content_words,
)
from warmestad_nb.edits import links as link_edits
from warmestad_nb.store import read_plan

GENT = ROOT / "data" / "voorbeelden" / "44021-gent.yaml"


def _without_links(plan, kinds=("doelstelling", "actie")):
    copy = plan.model_copy(deep=True)
    for kind, subject in linking.subjects(copy):
        if kind in kinds:
            subject.mjp_codes = []
    return copy


def recovered(plans, kinds) -> tuple[int, int, int]:
    """How often the link the example plan has is the first suggestion, or among the suggestions."""
    first = any_ = total = 0
    for plan in plans:
        truth = {(k, s.id): set(s.mjp_codes) for k, s in linking.subjects(plan)}
        stripped = _without_links(plan, kinds)
        for kind, subject in linking.subjects(stripped):
            if kind not in kinds:
                continue
            codes = [s.code for s in mjp_suggestions(stripped, kind, subject)]
            total += 1
            first += bool(codes) and codes[0] in truth[(kind, subject.id)]
            any_ += bool(set(codes) & truth[(kind, subject.id)])
    return first, any_, total


def test_suggestions_find_the_links_the_example_plans_have():
    plans = [read_plan(p) for p in EXAMPLES]
    # Goals linked already (the usual order of work): the actions' own links are found.
    first, any_, total = recovered(plans, ("actie",))
    assert total == 25
    assert any_ / total >= 0.9 and first / total >= 0.8, (first, any_, total)
    # Nothing linked yet: still most links are among the (at most three) suggestions.
    first, any_, total = recovered(plans, ("doelstelling", "actie"))
    assert total == 35
    assert any_ / total >= 0.75 and first / total >= 0.65, (first, any_, total)


def test_a_suggestion_says_why():
    plan = _without_links(read_plan(GENT), ("actie",))
    action = next(a for a in plan.acties if a.id == "zorgzame-buurten-vier-wijken")
    best = mjp_proposals(plan, "actie", action)[0]
    assert best.code == "AC2.1.1"
    reasons = " | ".join(best.redenen)
    assert "gemeenschappelijke woorden: buurten, vier, wijken, zorgzame" in reasons
    assert "beleidsveld 0909 overig sociaal beleid past bij de praktijk uit de inspiratiebox" in reasons
    assert "de doelstelling van deze actie hangt al aan AP2.1" in reasons


def test_linked_and_rejected_items_are_not_suggested_again():
    plan = _without_links(read_plan(GENT), ("actie",))
    action = next(a for a in plan.acties if a.id == "hulplijnen-in-de-klas")
    first = mjp_suggestions(plan, "actie", action)[0].code
    link_edits.reject(action, "mjp", first)
    assert first in action.mjp_afgewezen
    assert first not in [s.code for s in mjp_suggestions(plan, "actie", action)]
    second = mjp_suggestions(plan, "actie", action)[0].code
    link_edits.accept(action, "mjp", second)
    assert action.mjp_codes == [second]
    assert second not in [s.code for s in mjp_suggestions(plan, "actie", action)]


def test_words_match_on_stems_not_on_generic_words():
    assert shared_words(content_words("Ouderavonden positief opvoeden"), content_words("Steun voor ouders")) == [
        "ouderavonden"]
    assert shared_words(content_words("Jeugdraad adviseert"), content_words("Afspraken in het jeugdwerk")) == []
    gent = frozenset({"gent"})  # the municipality's own name says nothing
    words = content_words("Kinderen en jongeren in Gent", gent)
    assert shared_words(words, content_words("Gentse kinderen", gent)) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_anchoring_table_and_counts(path):
    plan = read_plan(path)
    table = anchoring_table(plan)
    assert len(table) == len(plan.acties) + len(plan.prioriteiten.doelstellingen)
    counts = anchoring_counts(plan)
    assert counts["actie"] == (sum(bool(a.mjp_codes) for a in plan.acties), len(plan.acties))
    stripped = _without_links(plan, ("actie",))
    assert set(anchoring_table(stripped).query("soort == 'actie'")["verankerd"]) == {"nee"}


def test_pillar_coverage_counts_an_action_for_the_items_above_it_too():
    plan = read_plan(GENT)
    table = pillar_coverage(plan).set_index("code")
    assert list(table.index) == ["BD1", "AP1.1", "AC1.1.1", "AC1.1.2", "AP1.2", "AC1.2.1", "AC1.2.2", "BD2", "AP2.1",
                                 "AC2.1.1", "AC2.1.2", "AP2.2", "AC2.2.1"]
    for item in plan.meerjarenplan.items:
        serving = [s for _, s in linking.subjects(plan)
                   if any(c == item.code or item.code in ancestors(plan.meerjarenplan, c) for c in s.mjp_codes)]
        for pillar in range(1, 9):
            assert table.loc[item.code, str(pillar)] == sum(pillar in s.pijlers for s in serving), (item.code, pillar)
    assert table.loc["AC2.2.1", "8"] == 1 and table.loc["BD2", "8"] == 2  # jongerenpanel, + goal under AP2.2
    assert table.loc["AC1.2.1", "titel"].startswith("        Vorming")  # indented under AP1.2 under BD1
