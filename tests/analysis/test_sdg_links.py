"""SDG and Vizier 2030 suggestions follow the rule table in data/sdg_regels.yaml, and nothing else."""

from __future__ import annotations

import re
import shutil
import unicodedata

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES, ROOT
from warmestad_nb import reference
from warmestad_nb.analysis.sdg_links import (
    sdg_overview, sdg_proposals, sdg_suggestions, vizier_proposals, vizier_suggestions,
)
from warmestad_nb.charts import to_png
from warmestad_nb.charts.links import sdg_contribution
from warmestad_nb.edits import links as link_edits
from warmestad_nb.errors import WarmeStadError
from warmestad_nb.model import Actie
from warmestad_nb.store import read_plan

DATA = ROOT / "data"


def _load(name):
    return YAML(typ="safe").load((DATA / name).read_text(encoding="utf-8"))


RULES = _load("sdg_regels.yaml")["items"]
PRACTICE_TARGETS = {p["id"]: p["sdg_targets"] for p in _load("inspiratiebox.yaml")["items"]}


def _plain(text):
    text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return " " + " ".join(re.findall(r"[a-z0-9]+", text))


def expected(action) -> tuple[set[str], set[str]]:
    """What the rule table says for this action, computed here from the YAML alone."""
    text = _plain(f"{action.titel} {getattr(action, 'omschrijving', '')}")
    targets, vizier = set(), set()
    for rule in RULES:
        conditions = []
        if "pijlers" in rule:
            conditions.append(bool(set(rule["pijlers"]) & set(action.pijlers)))
        if "settings" in rule:
            conditions.append(getattr(action, "setting", None) in rule["settings"])
        if "woorden" in rule:
            conditions.append(any(" " + _plain(w).strip() in text for w in rule["woorden"]))
        if rule.get("catalogus"):
            conditions.append(getattr(action, "catalogus_id", None) is not None)
        if conditions and all(conditions):
            targets |= set(rule.get("sdg_targets", []))
            vizier |= set(rule.get("vizier", []))
            if rule.get("catalogus"):
                targets |= set(PRACTICE_TARGETS[action.catalogus_id])
    return targets, vizier


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_each_action_gets_what_the_rule_table_says(path):
    plan = read_plan(path)
    for action in plan.acties:
        targets, vizier = expected(action)
        assert {s.code for s in sdg_proposals(action)} == targets, action.id
        assert {s.code for s in vizier_proposals(action)} == vizier, action.id
        # What is still open: not linked yet, not rejected before.
        assert {s.code for s in sdg_suggestions(action)} == targets - set(action.sdg_targets) - set(
            action.sdg_afgewezen), action.id
        assert {s.code for s in vizier_suggestions(action)} == vizier - set(action.vizier_doelen) - set(
            action.vizier_afgewezen), action.id


def test_the_rule_table_is_not_a_catch_all():
    # The example actions differ in what they are proposed: the rules look at the action.
    plan = read_plan(DATA / "voorbeelden" / "44021-gent.yaml")
    proposals = {frozenset(s.code for s in sdg_proposals(a)) for a in plan.acties}
    assert len(proposals) >= len(plan.acties) // 2


def test_no_practice_of_the_catalogue_ends_without_an_sdg_suggestion():
    for practice in reference.catalogue():
        for setting in practice.settings:
            action = Actie(id="x", titel=practice.titel, omschrijving=practice.omschrijving,
                           pijlers=list(practice.pijlers), setting=setting, catalogus_id=practice.id)
            assert sdg_proposals(action), practice.id
            # Also as a workgroup's own action, without the catalogue link: the pillars alone suffice.
            own = action.model_copy(update={"catalogus_id": None})
            assert sdg_proposals(own), practice.id


def test_every_suggestion_says_why():
    plan = read_plan(DATA / "voorbeelden" / "44021-gent.yaml")
    action = next(a for a in plan.acties if a.id == "kies-kleur-sport-jeugdwerk")
    by_code = {s.code: s for s in sdg_proposals(action)}
    uitleg = {r["id"]: r["uitleg"] for r in RULES}
    assert uitleg["woorden-pesten"] in by_code["16.2"].redenen
    assert by_code["16.2"].titel.startswith("Een einde maken aan misbruik")


def test_rejected_suggestions_are_remembered_and_not_proposed_again(tmp_path):
    plan = read_plan(DATA / "voorbeelden" / "13013-herselt.yaml")
    action = next(a for a in plan.acties if a.id == "babbelgroep-jonge-ouders")
    open_before = [s.code for s in sdg_suggestions(action)]
    assert open_before
    link_edits.reject(action, "sdg", open_before[0])
    assert open_before[0] not in [s.code for s in sdg_suggestions(action)]
    assert open_before[0] in action.sdg_afgewezen
    link_edits.accept(action, "sdg", open_before[0])  # changing one's mind: linked, no longer rejected
    assert open_before[0] in action.sdg_targets and open_before[0] not in action.sdg_afgewezen
    link_edits.reject(action, "sdg", "4.2")  # removing an accepted link remembers it too
    assert "4.2" not in action.sdg_targets and "4.2" in action.sdg_afgewezen
    with pytest.raises(ValueError, match="onbekende SDG-subdoelen: 99.9"):
        link_edits.accept(action, "sdg", "99.9")


def test_a_broken_rule_table_gives_a_dutch_message(tmp_path, monkeypatch):
    for path in DATA.iterdir():
        if path.is_file():
            shutil.copy(path, tmp_path / path.name)
    text = (tmp_path / "sdg_regels.yaml").read_text(encoding="utf-8")
    (tmp_path / "sdg_regels.yaml").write_text(text.replace('sdg_targets: ["16.7"]', 'sdg_targets: ["16.99"]', 1),
                                               encoding="utf-8")
    monkeypatch.setenv("WARMESTAD_DATA", str(tmp_path))
    reference.clear_cache()
    try:
        with pytest.raises(WarmeStadError, match=r"sdg_regels.yaml, item 'pijler-8-participatie', veld 'sdg_targets'"
                                                 r": onbekende waarde '16.99'"):
            reference.sdg_rules()
    finally:
        monkeypatch.delenv("WARMESTAD_DATA")
        reference.clear_cache()


def test_overview_has_all_17_sdgs_with_their_dutch_names():
    plan = read_plan(DATA / "voorbeelden" / "44021-gent.yaml")
    table = sdg_overview(plan)
    assert list(table["sdg"]) == list(range(1, 18))
    assert list(table["naam"]) == [s["naam"] for s in _load("sdgs.yaml")["items"]]
    for row in table.itertuples():
        linked = [a for a in plan.acties if any(t.split(".")[0] == str(row.sdg) for t in a.sdg_targets)]
        assert row.acties == len(linked)


def test_sdg_chart_is_legible_at_a4_width():
    plan = read_plan(DATA / "voorbeelden" / "44021-gent.yaml")
    fig = sdg_contribution(plan)
    width_cm = fig.get_figwidth() * 2.54
    assert 15 <= width_cm <= 17
    ax = fig.axes[0]
    by_height = [label for _, label in sorted(zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels())),
                                              reverse=True)]
    assert by_height[0] == "1. Geen armoede" and by_height[-1] == "17. Partnerschap om doelstellingen te bereiken"
    assert len(by_height) == 17
    assert all(t.get_fontsize() >= 7 for t in fig.axes[0].get_yticklabels())
    png = to_png(fig)
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


# ------------------------------------------------------------------ false positives of the word rules


def _all_subjects():
    """Every practice of the catalogue as an action in each of its settings, and every example action."""
    for practice in reference.catalogue():
        for setting in practice.settings:
            yield Actie(id="x", titel=practice.titel, omschrijving=practice.omschrijving,
                        pijlers=list(practice.pijlers), setting=setting, catalogus_id=practice.id)
    for path in EXAMPLES:
        yield from read_plan(path).acties


def test_an_action_at_work_is_not_about_young_people_without_work():
    ehbp = reference.practice("ehbp")
    course = Actie(id="ehbp-personeel", titel="EHBP-cursus voor het personeel", omschrijving=ehbp.omschrijving,
                   pijlers=list(ehbp.pijlers), setting="werk", catalogus_id="ehbp")
    assert "8.6" not in {s.code for s in sdg_proposals(course)}
    for subject in _all_subjects():
        if "8.6" in {s.code for s in sdg_proposals(subject)}:
            text = f"{subject.titel} {subject.omschrijving}".lower()
            own = reference.practice(subject.catalogus_id).sdg_targets if subject.catalogus_id else ()
            assert "8.6" in own or any(w in text for w in ("zonder werk", "werkzoek", "werkloos", "neet")), subject.titel


def test_inclusief_in_ordinary_dutch_is_not_about_discrimination():
    camp = Actie(id="kamp", titel="Zomerkamp", omschrijving="Het budget is inclusief materiaal en vervoer.",
                 pijlers=[4], setting="vrije-tijd")
    assert "10.3" not in {s.code for s in sdg_proposals(camp)}
    for subject in _all_subjects():
        if "10.3" in {s.code for s in sdg_proposals(subject)}:
            text = f" {subject.titel} {subject.omschrijving}".lower()
            assert any(w in text for w in (" discrimin", " racisme", " inclusieve", "sociale inclusie",
                                            " diversiteit")), subject.titel


def test_the_word_rules_still_find_what_they_are_for():
    neet = read_plan(DATA / "voorbeelden" / "44021-gent.yaml").acties
    buddy = next(a for a in neet if a.id == "buddyproject-neet")
    assert "8.6" in {s.code for s in sdg_proposals(buddy)}
    for text in ("Een inclusieve speelpleinwerking", "Samen tegen discriminatie op school",
                 "Vorming over diversiteit in het jeugdwerk"):
        action = Actie(id="x", titel=text, pijlers=[4], setting="vrije-tijd")
        assert "10.3" in {s.code for s in sdg_proposals(action)}, text
