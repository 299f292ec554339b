"""Carrying a plan from 2020-2025 to 2026-2031, and merging the plans of two former municipalities."""

from __future__ import annotations

import csv
import re
import shutil
import unicodedata
from collections import Counter

import pytest

from conftest import ROOT, tree_digest
from warmestad_nb import reference
from warmestad_nb.cli import main
from warmestad_nb.model import Gemeente, Plan
from warmestad_nb.store import create_plan, read_plan

EXAMPLES = ROOT / "data" / "voorbeelden"
TURNHOUT = EXAMPLES / "13040-turnhout.yaml"
HERSELT = EXAMPLES / "13013-herselt.yaml"
GENT = EXAMPLES / "44021-gent.yaml"


def _org(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", plain)


DROPPED = {"1.2.2", "2.1.2"}
LEVEL_PREFIX = {0: "BD", 1: "AP", 2: "AC"}  # by the number of dots in the old code


def _new_mjp_file(path, old_plan):
    """The 2026-2031 meerjarenplan: new BD/AP/AC codes; titles kept, one reworded, two items dropped."""
    renamed = {"1.1.2": "Signalen opvangen op school en in het jeugdwerk en de sport"}
    rows = [["code", "titel", "beleidsveld"]]
    for item in old_plan.meerjarenplan.items:
        if item.code in DROPPED:
            continue
        rows.append([LEVEL_PREFIX[item.code.count(".")] + item.code, renamed.get(item.code, item.titel),
                     item.beleidsveld or ""])
    rows.append(["AC1.1.3", "Een tweede OverKop-plek in de deelgemeenten", "0751"])
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _without_links(subject) -> dict:
    return subject.model_dump(exclude={"mjp_codes", "mjp_vorige", "mjp_afgewezen"})


def test_carry_over_2020_2025_to_2026_2031_loses_nothing(tmp_path, capsys):
    plan_path = tmp_path / TURNHOUT.name
    shutil.copyfile(TURNHOUT, plan_path)
    old = read_plan(plan_path)
    mjp = _new_mjp_file(tmp_path / "meerjarenplan-2026.csv", old)
    before = plan_path.read_bytes()
    assert main(["overzetten", str(plan_path), "--meerjarenplan", str(mjp)]) == 0
    out = capsys.readouterr().out
    new_path = tmp_path / "13040-turnhout-2026-2031.yaml"
    assert plan_path.read_bytes() == before  # the 2020-2025 plan stays as it was
    new = read_plan(new_path)
    assert new.cyclus == "2026-2031" and new.meerjarenplan.cyclus == "2026-2031"
    assert [m.cyclus for m in new.vorige_meerjarenplannen] == ["2020-2025"]
    assert new.vorige_meerjarenplannen[0] == old.meerjarenplan
    # Same partners, goals and actions; only the links changed.
    assert new.partners == old.partners
    for olds, news in ((old.prioriteiten.doelstellingen, new.prioriteiten.doelstellingen), (old.acties, new.acties)):
        assert [_without_links(s) for s in news] == [_without_links(s) for s in olds]
        for o, n in zip(olds, news):
            # The old links are kept as history, exactly.
            assert [(v.cyclus, v.mjp_codes) for v in n.mjp_vorige] == [("2020-2025", o.mjp_codes)]
            # Re-pointed to the same item under its new code (also the reworded one); dropped items: no link.
            expected = [LEVEL_PREFIX[c.count(".")] + c for c in o.mjp_codes if c not in DROPPED]
            assert n.mjp_codes == expected, n.id
    assert "actie 'check-het-even': 1.1.2 -> AC1.1.2 (gelijkaardige titel" in out
    assert "actie 'emotiekoffer': 2.1.2 - niet teruggevonden in het nieuwe meerjarenplan" in out
    assert "actie 'geestig-gezond-sporten': 1.2.2 - niet teruggevonden" in out
    assert f"Nieuw plan: {new_path}" in out
    # A second run refuses to overwrite the new plan, and changes nothing.
    after = tree_digest(tmp_path)
    assert main(["overzetten", str(plan_path), "--meerjarenplan", str(mjp)]) == 2
    assert "wordt niet overschreven" in capsys.readouterr().err
    assert tree_digest(tmp_path) == after


def test_carry_over_first_and_the_new_meerjarenplan_later(tmp_path, capsys):
    plan_path = tmp_path / TURNHOUT.name
    shutil.copyfile(TURNHOUT, plan_path)
    old = read_plan(plan_path)
    out_path = tmp_path / "turnhout-nieuw.yaml"
    assert main(["overzetten", str(plan_path), "--uit", str(out_path)]) == 0
    waiting = read_plan(out_path)
    assert waiting.meerjarenplan is None and all(not a.mjp_codes for a in waiting.acties)
    assert [a.mjp_vorige[0].mjp_codes for a in waiting.acties] == [a.mjp_codes for a in old.acties]
    assert "wordt omgezet zodra het nieuwe meerjarenplan ingelezen is" in capsys.readouterr().out
    # Reading the new meerjarenplan later re-points the links kept as history.
    mjp = _new_mjp_file(tmp_path / "mjp.csv", old)
    assert main(["meerjarenplan", str(out_path), str(mjp)]) == 0
    done = read_plan(out_path)
    direct = tmp_path / "direct.yaml"
    assert main(["overzetten", str(plan_path), "--meerjarenplan", str(mjp), "--uit", str(direct)]) == 0
    assert [a.mjp_codes for a in done.acties] == [a.mjp_codes for a in read_plan(direct).acties]
    assert [a.mjp_vorige for a in done.acties] == [a.mjp_vorige for a in waiting.acties]


def test_a_plan_of_the_current_cycle_is_not_carried_over(tmp_path, capsys):
    plan_path = tmp_path / GENT.name
    shutil.copyfile(GENT, plan_path)
    assert main(["overzetten", str(plan_path)]) == 2
    assert "loopt al in de cyclus 2026-2031" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == [GENT.name]


def _as_merelbeke_melle(source, target):
    """A plan of a former municipality: since 2025 it is filed under the new municipality."""
    plan = read_plan(source)
    m = reference.municipality("44088")
    data = plan.model_dump()
    data["gemeente"] = Gemeente(nis=m.nis, naam=m.naam, provincie=m.provincie, logo=m.logo,
                                gezondheidsmakers=m.gezondheidsmakers, eerstelijnszone=m.eerstelijnszone)
    return create_plan(target, Plan.model_validate(data))


@pytest.fixture
def former_plans(tmp_path):
    melle = _as_merelbeke_melle(TURNHOUT, tmp_path / "44040-melle.yaml")
    merelbeke_plan = read_plan(HERSELT)
    # Both plans work with the regional Gezondheidsmakers and with the same CAW: one partner each in the result.
    shared = [p for p in read_plan(TURNHOUT).partners if p.id in ("gezondheidsmakers-kempen", "jac-turnhout")]
    data = merelbeke_plan.model_dump()
    data["partners"] = data["partners"] + [p.model_dump() for p in shared if p.id != "gezondheidsmakers-kempen"]
    m = reference.municipality("44088")
    data["gemeente"] = {"nis": m.nis, "naam": m.naam}
    merelbeke = create_plan(tmp_path / "44043-merelbeke.yaml", Plan.model_validate(data))
    return melle, merelbeke


def test_merge_melle_and_merelbeke_loses_nothing(tmp_path, capsys, former_plans):
    melle_path, merelbeke_path = former_plans
    melle, merelbeke = read_plan(melle_path), read_plan(merelbeke_path)
    before = tree_digest(tmp_path)
    out_path = tmp_path / "44088-merelbeke-melle.yaml"
    assert main(["samenvoegen", str(melle_path), str(merelbeke_path), "--uit", str(out_path)]) == 0
    report = capsys.readouterr().out
    assert {k: v for k, v in tree_digest(tmp_path).items() if k != out_path.name} == before
    merged = read_plan(out_path)
    assert (merged.gemeente.nis, merged.gemeente.naam) == ("44088", "Merelbeke-Melle")
    # Every partner exactly once: an organisation in both plans (same name, or same id and type) is one partner.
    sources = [("Melle", melle), ("Merelbeke", merelbeke)]
    identities = {}
    for _, plan in sources:
        for p in plan.partners:
            key = next((k for k in identities if _org(p.organisatie) in k[0] or (p.id, p.type) == k[1]), None)
            if key is None:
                identities[(frozenset({_org(p.organisatie)}), (p.id, p.type))] = p
            else:
                identities[(key[0] | {_org(p.organisatie)}, key[1])] = identities.pop(key)
    assert len(merged.partners) == len(identities) == len(melle.partners) + len(merelbeke.partners) - 2
    for names, _ in identities:
        assert sum(_org(p.organisatie) in names for p in merged.partners) == 1
    # Every goal and action exactly once, with the same content and the same people behind it.
    same_as = {"gezondheidsmakerskempen": "gezondheidsmakerskempenvroegerlogokempen"}  # Merelbeke's name for it
    names = {p.id: _org(p.organisatie) for p in merged.partners}
    assert len(merged.acties) == len(melle.acties) + len(merelbeke.acties)
    assert len({a.id for a in merged.acties}) == len(merged.acties)
    merged_actions = Counter(
        (a.titel, a.start, a.budget_eur, names.get(a.trekker), tuple(sorted(names[p] for p in a.partners)),
         tuple(sorted(g.titel for g in merged.prioriteiten.doelstellingen if g.id in a.doelstellingen)))
        for a in merged.acties)
    source_actions = Counter()
    for _, plan in sources:
        own = {p.id: same_as.get(_org(p.organisatie), _org(p.organisatie)) for p in plan.partners}
        source_actions.update(
            (a.titel, a.start, a.budget_eur, own.get(a.trekker), tuple(sorted(own[p] for p in a.partners)),
             tuple(sorted(g.titel for g in plan.prioriteiten.doelstellingen if g.id in a.doelstellingen)))
            for a in plan.acties)
    assert merged_actions == source_actions
    assert sorted(g.titel for g in merged.prioriteiten.doelstellingen) == sorted(
        g.titel for _, plan in sources for g in plan.prioriteiten.doelstellingen)
    assert len(merged.verankering.items) == len(melle.verankering.items) + len(merelbeke.verankering.items)
    # Merelbeke's project is a fixed agenda item of an existing body; Melle's plan says nothing about it.
    assert merelbeke.engagement.vast_agendapunt and not melle.engagement.vast_agendapunt
    assert merged.engagement.vast_agendapunt == merelbeke.engagement.vast_agendapunt
    # Merelbeke's 2026-2031 meerjarenplan is the current one; Melle's 2020-2025 plan and links are history.
    assert merged.meerjarenplan == merelbeke.meerjarenplan
    assert merged.vorige_meerjarenplannen == [melle.meerjarenplan]
    by_title = {a.titel: a for a in merged.acties}
    for action in merelbeke.acties:
        assert by_title[action.titel].mjp_codes == action.mjp_codes
    for action in melle.acties:
        assert by_title[action.titel].mjp_codes == []
        assert [(v.cyclus, v.mjp_codes) for v in by_title[action.titel].mjp_vorige] == [("2020-2025", action.mjp_codes)]
    # The report says what was combined.
    assert "Samengevoegd plan voor Merelbeke-Melle (NIS 44088) uit de plannen van Melle en Merelbeke." in report
    assert "Merelbeke-Melle ontstond op 1 januari 2025 uit Melle en Merelbeke." in report
    assert "Partner 'CAW De Kempen - JAC Turnhout' stond in meer dan één plan" in report
    assert ("Partner 'Gezondheidsmakers Kempen' uit Merelbeke is dezelfde organisatie als 'Gezondheidsmakers Kempen "
            "(vroeger Logo Kempen)' (zelfde id en organisatietype).") in report
    assert f"Acties: {len(melle.acties)} + {len(merelbeke.acties)} = {len(merged.acties)}, alle overgenomen." in report


def test_merge_of_two_plans_of_the_same_cycle_keeps_both_meerjarenplannen(tmp_path, capsys):
    one = _as_merelbeke_melle(TURNHOUT, tmp_path / "44040-melle.yaml")
    two = _as_merelbeke_melle(TURNHOUT, tmp_path / "44043-merelbeke.yaml")
    out_path = tmp_path / "samen.yaml"
    assert main(["samenvoegen", str(one), str(two), "--uit", str(out_path)]) == 0
    report = capsys.readouterr().out
    merged, source = read_plan(out_path), read_plan(one)
    assert len(merged.partners) == len(source.partners)  # the same organisations: each once
    assert len(merged.acties) == 2 * len(source.acties)
    assert len(merged.meerjarenplan.items) == 2 * len(source.meerjarenplan.items)
    codes = {i.code for i in merged.meerjarenplan.items}
    assert {"Melle: 1.1.1", "Merelbeke: 1.1.1"} <= codes
    first, second = merged.acties[0], merged.acties[len(source.acties)]
    assert first.mjp_codes == [f"Melle: {c}" for c in source.acties[0].mjp_codes]
    assert second.mjp_codes == [f"Merelbeke: {c}" for c in source.acties[0].mjp_codes]
    assert second.id == f"{source.acties[0].id}-merelbeke"
    assert "Evaluatie 2022: de metingen van Melle en Merelbeke staan samen" in report


def test_merge_refuses_plans_of_different_municipalities_and_existing_output(tmp_path, capsys):
    gent, herselt = tmp_path / GENT.name, tmp_path / HERSELT.name
    shutil.copyfile(GENT, gent)
    shutil.copyfile(HERSELT, herselt)
    before = tree_digest(tmp_path)
    assert main(["samenvoegen", str(gent), str(herselt), "--uit", str(tmp_path / "x.yaml")]) == 2
    assert "horen bij verschillende gemeenten: Gent (44021), Herselt (13013)" in capsys.readouterr().err
    assert main(["samenvoegen", str(gent), str(gent), "--uit", str(herselt)]) == 2
    assert "bestaat al en wordt niet overschreven" in capsys.readouterr().err
    assert tree_digest(tmp_path) == before
