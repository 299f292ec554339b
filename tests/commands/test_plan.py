"""The `warmestad` command as a user runs it: new, check, show, and bad input."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BROKEN, EXAMPLES, tree_digest
from warmestad_nb.cli import main
from warmestad_nb.store import read_plan

# Each broken plan and a word its message must contain (the field or the problem).
EXPECTED = {
    "alleen-commentaar.yaml": "leeg",
    "ankers-en-aliassen.yaml": "aliassen",
    "binaire-tag.yaml": "tag",
    "budget-is-tekst.yaml": "budget_eur",
    "datum-bestaat-niet.yaml": "regel 15: deze datum bestaat niet",
    "datum-in-woorden.yaml": "start",
    "dubbele-partner-id.yaml": "meer dan eens",
    "dubbele-sleutel.yaml": "twee keer",
    "eigen-tag.yaml": "tag",
    "einde-voor-start.yaml": "einddatum",
    "gemeente-ontbreekt.yaml": "veld gemeente: ontbreekt",
    "leeg.yaml": "leeg",
    "lijst-in-plaats-van-plan.yaml": "geen plan",
    "naam-is-een-lijst.yaml": "gemeente › naam",
    "negatief-budget.yaml": "budget_eur: moet 0 of meer zijn",
    "nis-hoort-bij-andere-gemeente.yaml": "hoort bij Gent",
    "onbekend-organisatietype.yaml": "organisatietype",
    "onbekend-sdg-subdoel.yaml": "SDG",
    "onbekend-veld.yaml": "partnrs",
    "onbekende-cyclus.yaml": "cyclus",
    "onbekende-nis.yaml": "NIS-code",
    "onbekende-pijler.yaml": "pijlers › nr. 2: moet 8 of minder zijn (nu: 9)",
    "onbekende-praktijk.yaml": "inspiratiebox",
    "onbekende-sector.yaml": "sector",
    "onbekende-status.yaml": "status",
    "ongeldig-email.yaml": "e-mailadres",
    "ongeldige-yaml.yaml": "geen geldige YAML",
    "partner-zonder-naam.yaml": "organisatie",
    "python-name-tag.yaml": "tag",
    "python-object-tag.yaml": "tag",
    "tabs.yaml": "tabs",
    "te-nieuwe-schemaversie.yaml": "schema_versie",
    "trekker-niet-in-partnerlijst.yaml": "sportdienst",
}


def test_corpus_is_complete():
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 25


def _generated_broken(folder: Path) -> dict[str, str]:
    (folder / "binair.yaml").write_bytes(bytes(range(256)) * 40)
    (folder / "latin1.yaml").write_bytes("gemeente:\n  naam: Zoutleeuw \xe9\xe9n\n".encode("latin-1"))
    with open(folder / "vijftig-mb.yaml", "wb") as handle:
        handle.write(b"# groot\n" + b"notities: " + b"x" * (50 * 1024 * 1024) + b"\n")
    return {"binair.yaml": "geen tekstbestand", "latin1.yaml": "UTF-8", "vijftig-mb.yaml": "te groot"}


@pytest.fixture(scope="module")
def broken_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kapot")
    for path in BROKEN.glob("*.yaml"):
        shutil.copyfile(path, folder / path.name)
    expected = dict(EXPECTED, **_generated_broken(folder))
    return folder, expected


def test_every_broken_plan_gives_a_dutch_message_and_changes_nothing(broken_folder, capsys):
    folder, expected = broken_folder
    before = tree_digest(folder)
    for name, fragment in expected.items():
        status = main(["controleer", str(folder / name)])
        err = capsys.readouterr().err
        assert status == 2, name
        assert str(folder / name) in err, name
        assert fragment in err, f"{name}: {err}"
        assert "Traceback" not in err and err.startswith("Fout: "), name
    assert tree_digest(folder) == before
    assert not Path("/tmp/warmestad-pwned").exists()


@pytest.mark.parametrize("name", ["python-object-tag.yaml", "negatief-budget.yaml", "leeg.yaml"])
def test_real_command_exits_2_without_traceback(broken_folder, name):
    folder, expected = broken_folder
    result = subprocess.run(
        [sys.executable, "-m", "warmestad_nb.cli", "controleer", str(folder / name)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert expected[name] in result.stderr and "Traceback" not in result.stderr


def test_a_plan_with_many_problems_lists_them_all(tmp_path, capsys):
    text = (BROKEN / "negatief-budget.yaml").read_text(encoding="utf-8")
    text = text.replace("pijlers: [4, 8]", "pijlers: [4, 9]").replace("einde: 2026-12-31", "einde: 2025-01-01")
    path = tmp_path / "veel-fouten.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["controleer", str(path)]) == 2
    err = capsys.readouterr().err
    assert "3 problemen" in err
    assert "regel 10, veld partners › nr. 1 (Jeugddienst Herselt) › pijlers › nr. 2" in err
    assert "budget_eur" in err and "einddatum" in err


def test_new_plan_for_a_municipality(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["nieuw", "Gent"]) == 0
    path = tmp_path / "plannen" / "44021-gent.yaml"
    plan = read_plan(path)
    assert (plan.gemeente.nis, plan.gemeente.provincie, plan.gemeente.gezondheidsmakers) == (
        "44021", "Oost-Vlaanderen", "Regio Gent")
    assert plan.cyclus == "2026-2031"
    assert str(path.relative_to(tmp_path)) in capsys.readouterr().out
    before = path.read_bytes()
    assert main(["nieuw", "44021"]) == 2
    assert "niet overschreven" in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "name, nis, new_name",
    [("Kruibeke", "46030", "Beveren-Kruibeke-Zwijndrecht"), ("Meulebeke", "37022", "Tielt"),
     ("melle", "44088", "Merelbeke-Melle")],
)
def test_merged_municipality_maps_to_the_new_one(tmp_path, capsys, name, nis, new_name):
    assert main(["nieuw", name, "--map", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert new_name in out and "2025" in out
    (created,) = tmp_path.glob("*.yaml")
    assert created.name.startswith(nis) and read_plan(created).gemeente.naam == new_name


def test_unknown_municipality_suggests_close_names(tmp_path, capsys):
    assert main(["nieuw", "Gentt", "--map", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "Gentt" in err and "Gent" in err.split("Bedoelde u")[1]
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_check_and_show_an_example(path, capsys):
    assert main(["controleer", str(path)]) == 0
    assert "in orde" in capsys.readouterr().out
    assert main(["toon", str(path)]) == 0
    out = capsys.readouterr().out
    plan = read_plan(path)
    assert plan.gemeente.naam in out and "[VOORBEELD]" in out
    assert "Creëer draagvlak" in out and f"Partners per sector ({len(plan.partners)})" in out


def test_help_is_dutch():
    result = subprocess.run(
        [sys.executable, "-m", "warmestad_nb.cli", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert "gebruik: warmestad" in result.stdout and "nieuw" in result.stdout and "opties" in result.stdout


def test_import_stays_light():
    code = (
        "import sys, warmestad_nb, warmestad_nb.model, warmestad_nb.store, warmestad_nb.cli\n"
        "import warmestad_nb.analysis.progress\n"
        "heavy = [m for m in ('ipywidgets', 'nbconvert', 'jupyter_client', 'notebook', 'papermill', "
        "'IPython', 'matplotlib') if m in sys.modules]\n"
        "print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_building_the_command_line_imports_no_data_libraries():
    """Every command builds the whole parser first: that must not cost pandas, pydantic or openpyxl
    (0.7 s before `warmestad rapport` could even start its kernel)."""
    code = (
        "import sys\nfrom warmestad_nb.cli import build_parser\nbuild_parser()\n"
        "print([m for m in ('pandas', 'pydantic', 'openpyxl', 'ruamel', 'jupyter_client') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
