"""`warmestad partners-exporteren` / `partners-inlezen`: the Excel round trip from the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl

from conftest import tree_digest
from warmestad_nb.cli import main
from warmestad_nb.store import read_plan

ROOT = Path(__file__).resolve().parents[2]
TURNHOUT = ROOT / "data" / "voorbeelden" / "13040-turnhout.yaml"


def test_export_edit_import(tmp_path, capsys):
    plan = tmp_path / "plannen" / TURNHOUT.name
    plan.parent.mkdir()
    shutil.copyfile(TURNHOUT, plan)
    sheet = tmp_path / "partners.xlsx"
    assert main(["partners-exporteren", str(plan), str(sheet)]) == 0
    assert "14 partners" in capsys.readouterr().out

    book = openpyxl.load_workbook(sheet)
    book["Partners"]["D3"] = "Nieuwe Contactpersoon"
    book["Partners"].append(["Zonder sector (voorbeeld)"])
    book.save(sheet)
    before = tree_digest(plan.parent)
    assert main(["partners-inlezen", str(plan), str(sheet)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: ") and "rij 216, kolom Sector: mag niet leeg zijn" in err
    assert "Traceback" not in err and tree_digest(plan.parent) == before

    assert main(["partners-inlezen", str(plan), str(sheet), "--enkel-goede-rijen"]) == 0
    out = capsys.readouterr().out
    assert "0 partner(s) toegevoegd, 1 bijgewerkt, 13 ongewijzigd" in out and "overgeslagen: rij 216" in out
    assert read_plan(plan).partners[1].contactpersoon == "Nieuwe Contactpersoon"


def test_export_refuses_another_extension(tmp_path, capsys):
    assert main(["partners-exporteren", str(TURNHOUT), str(tmp_path / "partners.csv")]) == 2
    assert "eindigt op .xlsx" in capsys.readouterr().err
