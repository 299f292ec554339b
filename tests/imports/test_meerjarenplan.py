"""Importing a meerjarenplan: three shapes of real files, and a corpus of broken files."""

from __future__ import annotations

import csv
import shutil

import openpyxl
import pytest

from conftest import ROOT, tree_digest
from warmestad_nb.cli import main
from warmestad_nb.errors import WarmeStadError
from warmestad_nb.edits.meerjarenplan import add_item, remove_item
from warmestad_nb.imports.meerjarenplan import read_meerjarenplan
from warmestad_nb.model import Meerjarenplan, MjpItem
from warmestad_nb.store import read_plan

HERSELT = ROOT / "data" / "voorbeelden" / "13013-herselt.yaml"


def write(path, rows):
    """A user's file: .xlsx through openpyxl, .csv with semicolons (as Excel writes it in Flanders)."""
    if path.suffix == ".xlsx":
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    else:
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)
    return path


def shape(mjp: Meerjarenplan) -> list[tuple]:
    return [(i.code, i.niveau, i.ouder, i.prioritair, i.beleidsveld, i.budget_eur) for i in mjp.items]


def test_bd_ap_ac_codes_from_excel(tmp_path):
    path = write(tmp_path / "mjp.xlsx", [
        ["Code", "Titel", "Prioritair", "Beleidsveld", "Budget (EUR)"],
        ["BD1", "Kinderen en jongeren voelen zich goed", "nee", None, 1250000],
        ["AP1.1", "Laagdrempelige hulp voor jongeren", "nee", 751, "780.000"],
        ["AC1.1.1", "OverKop-plekken", "ja", "0751 Dienstverlening gericht op kinderen en jongeren", "650.000,50"],
        ["AC1.1.2", "Hulplijnen bekendmaken", None, "0985", None],
        ["AP1.2", "Sport en bewegen", "x", "0742", 5000],
        ["BD2", "Gezinnen vinden steun", 0, None, None],
        ["AP2.1", "Opvoedingsondersteuning", 0, "0944", None],
    ])
    result = read_meerjarenplan(path, "2026-2031")
    assert shape(result.meerjarenplan) == [
        ("BD1", "beleidsdoelstelling", None, True, None, 1250000.0),
        ("AP1.1", "actieplan", "BD1", True, "0751", 780000.0),
        ("AC1.1.1", "actie", "AP1.1", True, "0751", 650000.5),
        ("AC1.1.2", "actie", "AP1.1", False, "0985", None),
        ("AP1.2", "actieplan", "BD1", True, "0742", 5000.0),
        ("BD2", "beleidsdoelstelling", None, False, None, None),
        ("AP2.1", "actieplan", "BD2", False, "0944", None),
    ]
    text = result.summary()
    assert "7 items" in text
    assert "2 beleidsdoelstellingen, 3 actieplannen, 2 acties" in text
    # The priority action made its action plan and policy goal priority, and the user is told.
    assert "actieplan AP1.1 is nu prioritair omdat actie AC1.1.1 prioritair is" in text
    # A sport field keeps its own code: 0740 is one field of the sport range 0740-0749, not the range.
    assert "gelezen als" not in text


def test_numbered_codes_from_csv(tmp_path):
    path = write(tmp_path / "mjp.csv", [
        ["code", "omschrijving", "prioriteit", "bedrag"],
        ["1", "Turnhoutse kinderen voelen zich goed", "1", "620.000"],
        ["1.1", "Weg naar hulp", "1", "510.000"],
        ["1.1.1", "OverKop-huis", "1", "480.000"],
        ["1.2", "Veerkracht op school", "0", ""],
        ["1.2.1", "Emotionele vaardigheden", "0", "30.000"],
        ["2", "Steun voor gezinnen", "0", ""],
        ["2.1", "Opvoedingsondersteuning", "0", "60.000"],
        ["2.1.1", "Triple P", "0", "40.000"],
    ])
    mjp = read_meerjarenplan(path, "2020-2025").meerjarenplan
    assert mjp.cyclus == "2020-2025"
    assert [(i.code, i.niveau, i.ouder) for i in mjp.items] == [
        ("1", "beleidsdoelstelling", None), ("1.1", "actieplan", "1"), ("1.1.1", "actie", "1.1"),
        ("1.2", "actieplan", "1"), ("1.2.1", "actie", "1.2"), ("2", "beleidsdoelstelling", None),
        ("2.1", "actieplan", "2"), ("2.1.1", "actie", "2.1"),
    ]
    assert [i.prioritair for i in mjp.items] == [True, True, True, False, False, False, False, False]
    assert mjp.items[0].titel == "Turnhoutse kinderen voelen zich goed"
    assert [i.budget_eur for i in mjp.items][:3] == [620000.0, 510000.0, 480000.0]


def test_separate_level_columns_with_parents_filled_once_or_repeated(tmp_path):
    once = write(tmp_path / "once.xlsx", [
        ["Beleidsdoelstelling", "Actieplan", "Actie", "Titel"],
        ["D-A", None, None, "Een warme gemeente"],
        [None, "P-A1", None, "Praten over gevoelens"],
        [None, None, "X-1", "Luisterbanken"],
        [None, None, "X-2", "Vorming voor leerkrachten"],
        [None, "P-A2", None, "Iedereen doet mee"],
        [None, None, "X-3", "Kansentarief"],
        ["D-B", None, None, "Steun voor jonge ouders"],
        [None, "P-B1", None, "Babbelgroep"],
    ])
    repeated = write(tmp_path / "repeated.csv", [
        ["beleidsdoelstelling", "actieplan", "actie", "titel"],
        ["D-A", "", "", "Een warme gemeente"],
        ["D-A", "P-A1", "", "Praten over gevoelens"],
        ["D-A", "P-A1", "X-1", "Luisterbanken"],
        ["D-A", "P-A1", "X-2", "Vorming voor leerkrachten"],
        ["D-A", "P-A2", "", "Iedereen doet mee"],
        ["D-A", "P-A2", "X-3", "Kansentarief"],
        ["D-B", "", "", "Steun voor jonge ouders"],
        ["D-B", "P-B1", "", "Babbelgroep"],
    ])
    expected = [("D-A", None), ("P-A1", "D-A"), ("X-1", "P-A1"), ("X-2", "P-A1"), ("P-A2", "D-A"),
                ("X-3", "P-A2"), ("D-B", None), ("P-B1", "D-B")]
    for path in (once, repeated):
        mjp = read_meerjarenplan(path, "2026-2031").meerjarenplan
        assert [(i.code, i.ouder) for i in mjp.items] == expected, path.name
        assert [i.niveau for i in mjp.items][:3] == ["beleidsdoelstelling", "actieplan", "actie"]


def test_local_codes_with_a_level_and_parent_column(tmp_path):
    path = write(tmp_path / "eigen.csv", [
        ["code", "niveau", "ouder", "titel"],
        ["JEUGD", "BD", "", "Jeugd"],
        ["JEUGD-WELZIJN", "actieplan", "JEUGD", "Welzijn van jongeren"],
        ["OVERKOP", "actie", "JEUGD-WELZIJN", "OverKop-huis"],
    ])
    mjp = read_meerjarenplan(path, "2026-2031").meerjarenplan
    assert [(i.code, i.niveau, i.ouder) for i in mjp.items] == [
        ("JEUGD", "beleidsdoelstelling", None), ("JEUGD-WELZIJN", "actieplan", "JEUGD"),
        ("OVERKOP", "actie", "JEUGD-WELZIJN")]


# name, rows, what the report must say (each with its row)
BROKEN = [
    ("actie-onder-onbekend-actieplan.csv",
     [["code", "titel"], ["BD1", "Doel"], ["AP1.1", "Plan"], ["AC1.2.1", "Actie"]],
     ["rij 4, kolom code: actie AC1.2.1 hangt onder een onbekend actieplan (nummer 1.2"]),
    ("dubbele-code.xlsx",
     [["code", "titel"], ["BD1", "Doel"], ["AP1.1", "Plan"], ["AP1.1", "Nog een plan"]],
     ["rij 4: de code AP1.1 staat ook al op rij 3"]),
    ("onbekend-beleidsveld.csv",
     [["code", "titel", "beleidsveld"], ["1", "Doel", ""], ["1.1", "Wegen", "0200"]],
     ["rij 3, kolom beleidsveld: beleidsveld 0200 staat niet in de lijst"]),
    ("titel-ontbreekt.xlsx",
     [["code", "titel"], ["BD1", "Doel"], ["AP1.1", None]],
     ["rij 3, kolom titel: de titel van AP1.1 ontbreekt"]),
    ("prioriteit-onleesbaar.csv",
     [["code", "titel", "prioritair"], ["1", "Doel", "misschien"]],
     ["rij 2, kolom prioritair: 'misschien' is geen ja of nee"]),
    ("budget-is-tekst.xlsx",
     [["code", "titel", "budget"], ["BD1", "Doel", "veel geld"], ["AP1.1", "Plan", -5]],
     ["rij 2, kolom budget: 'veel geld' is geen getal", "rij 3, kolom budget: -5 is kleiner dan 0"]),
    ("code-zonder-patroon.csv",
     [["code", "titel"], ["Doel A", "Doel"]],
     ["rij 2, kolom code: de code 'Doel A' volgt geen gekend patroon"]),
    ("te-diep.csv",
     [["code", "titel"], ["1", "Doel"], ["1.1", "Plan"], ["1.1.1", "Actie"], ["1.1.1.1", "Deelactie"]],
     ["rij 5, kolom code: de code '1.1.1.1' heeft meer dan drie niveaus"]),
    ("voorvoegsel-past-niet.xlsx",
     [["code", "titel"], ["BD1", "Doel"], ["AC1.1", "Actie met twee delen"]],
     ["rij 3, kolom code: de code 'AC1.1' begint met 'AC' (actie) maar heeft 2 delen"]),
    ("actie-zonder-actieplan.csv",
     [["beleidsdoelstelling", "actieplan", "actie", "titel"], ["", "", "X-1", "Losse actie"]],
     ["rij 2, kolom actie: actie X-1 staat onder geen actieplan"]),
    ("ouder-op-verkeerd-niveau.csv",
     [["code", "niveau", "ouder", "titel"], ["A", "beleidsdoelstelling", "", "Doel"],
      ["B", "actie", "A", "Actie rechtstreeks onder het doel"]],
     ["rij 3: actie 'B' hangt onder 'A', een beleidsdoelstelling; een actie hangt onder een actieplan"]),
    ("formule-in-budget.xlsx",
     [["code", "titel", "budget"], ["BD1", "Doel", "=1000*12"]],
     ["cel C2 bevat een formule"]),
    ("onbekend-niveau.csv",
     [["code", "niveau", "titel"], ["A", "hoofdstuk", "Doel"]],
     ["rij 2, kolom niveau: 'hoofdstuk' is geen niveau"]),
]


@pytest.mark.parametrize("name, rows, expected", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_file_is_reported_by_row_and_nothing_is_imported(tmp_path, capsys, name, rows, expected):
    plan = tmp_path / "plannen" / HERSELT.name
    plan.parent.mkdir()
    shutil.copyfile(HERSELT, plan)
    source = write(tmp_path / name, rows)
    before = tree_digest(tmp_path)
    assert main(["meerjarenplan", str(plan), str(source)]) == 2
    err = capsys.readouterr().err
    assert "er is niets ingelezen" in err and name in err
    for part in expected:
        assert part in err
    assert "Traceback" not in err
    assert tree_digest(tmp_path) == before  # the plan (and everything else) is untouched


def test_missing_columns_name_what_was_found(tmp_path):
    path = write(tmp_path / "kolommen.csv", [["nummer", "omschrijving van de actie"], ["1", "Doel"]])
    with pytest.raises(WarmeStadError, match="kolom titel.*kolom code.*gevonden: nummer, omschrijving_van_de_actie"):
        read_meerjarenplan(path, "2026-2031")


def test_import_into_a_plan_repoints_links_by_code_and_title(tmp_path, capsys):
    plan = tmp_path / HERSELT.name
    shutil.copyfile(HERSELT, plan)
    old = read_plan(plan)
    # A corrected export: AC1.1.2 got a new code; AC2.1.2 (babbelgroep) is gone.
    rows = [["code", "titel", "beleidsveld"]]
    for item in old.meerjarenplan.items:
        if item.code == "AC2.1.2":
            continue
        code = "AC1.1.3" if item.code == "AC1.1.2" else item.code
        rows.append([code, item.titel, item.beleidsveld or ""])
    source = write(tmp_path / "export.csv", rows)
    assert main(["meerjarenplan", str(plan), str(source)]) == 0
    out = capsys.readouterr().out
    new = read_plan(plan)
    actions = {a.id: a for a in new.acties}
    assert actions["kies-kleur-jeugdwerk-sport"].mjp_codes == ["AC1.1.3"]
    assert actions["babbelgroep-jonge-ouders"].mjp_codes == []
    assert "actie 'kies-kleur-jeugdwerk-sport': AC1.1.2 -> AC1.1.3 (zelfde titel)" in out
    assert "actie 'babbelgroep-jonge-ouders': AC2.1.2 - niet teruggevonden" in out
    assert len(new.meerjarenplan.items) == len(old.meerjarenplan.items) - 1
    assert new.vorige_meerjarenplannen == []  # same cycle: replaced, not history


def test_a_later_cycle_is_refused_for_a_plan_of_the_earlier_one(tmp_path, capsys):
    plan = tmp_path / "turnhout.yaml"
    shutil.copyfile(ROOT / "data" / "voorbeelden" / "13040-turnhout.yaml", plan)
    source = write(tmp_path / "mjp.csv", [["code", "titel"], ["1", "Doel"]])
    before = plan.read_bytes()
    assert main(["meerjarenplan", str(plan), str(source), "--cyclus", "2026-2031"]) == 2
    assert "warmestad overzetten" in capsys.readouterr().err
    assert plan.read_bytes() == before


def test_typed_entry_checks_the_hierarchy_and_priority():
    mjp = Meerjarenplan(cyclus="2026-2031")
    add_item(mjp, MjpItem(code="BD1", titel="Doel", niveau="beleidsdoelstelling"))
    add_item(mjp, MjpItem(code="AP1.1", titel="Plan", niveau="actieplan", ouder="BD1"))
    notes = add_item(mjp, MjpItem(code="AC1.1.1", titel="Actie", niveau="actie", ouder="AP1.1", prioritair=True))
    assert [i.prioritair for i in mjp.items] == [True, True, True]
    assert len(notes) == 2
    with pytest.raises(WarmeStadError, match="bestaat al"):
        add_item(mjp, MjpItem(code="BD1", titel="Nog eens", niveau="beleidsdoelstelling"))
    with pytest.raises(WarmeStadError, match="hangt onder 'BD1', een beleidsdoelstelling"):
        add_item(mjp, MjpItem(code="AC9", titel="Actie", niveau="actie", ouder="BD1"))
    assert len(mjp.items) == 3  # a refused item changes nothing


def test_typed_entry_refuses_to_remove_a_linked_or_parent_item():
    plan = read_plan(HERSELT)
    with pytest.raises(WarmeStadError, match="AC1.1.1, AC1.1.2 verwijderen"):
        remove_item(plan, "AP1.1")
    with pytest.raises(WarmeStadError, match="kansentarief-vrije-tijd is er nog aan gekoppeld"):
        remove_item(plan, "AC1.1.1")
    plan.acties[0].mjp_codes = []
    remove_item(plan, "AC1.1.1")
    assert "AC1.1.1" not in {i.code for i in plan.meerjarenplan.items}
