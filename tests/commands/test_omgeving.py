"""`warmestad importeer` and `warmestad omgeving` as a user runs them."""

from __future__ import annotations

from pathlib import Path

from conftest import tree_digest
from step2_helpers import fresh_plan
from warmestad_nb.cli import main
from warmestad_nb.store import read_plan

CORPUS = Path(__file__).resolve().parents[1] / "data" / "kapotte_indicatoren"


def test_import_refuses_a_broken_file_without_traceback(tmp_path, capsys):
    plan = fresh_plan(tmp_path, "Gent")
    before = tree_digest(tmp_path)
    assert main(["importeer", "cijfers", str(plan), str(CORPUS / "onbekende-gemeente.csv"), "--bron", "x"]) == 2
    err = capsys.readouterr().err
    assert "rij 2, kolom Gemeente: Onbekende gemeente 'Gentt'. Bedoelde u: Gent" in err
    assert "Traceback" not in err
    assert tree_digest(tmp_path) == before


def test_import_then_show_the_summary(tmp_path, capsys):
    plan = fresh_plan(tmp_path, "Gent")
    data = tmp_path / "cijfers.csv"
    data.write_text("Gemeente;Jaar;Leefloners 18-24 (aantal)\nGent;2024;1450\nVlaams Gewest;2024;8123\n",
                    encoding="utf-8")
    assert main(["importeer", "cijfers", str(plan), str(data), "--bron", "Gemeente-Stadsmonitor (test)"]) == 0
    assert "cijfers.csv is ingelezen (cijfers: 1)." in capsys.readouterr().out
    assert read_plan(plan).omgevingsanalyse.eigen_cijfers[0].vlaanderen == 8123
    assert main(["omgeving", str(plan)]) == 0
    out = capsys.readouterr().out
    assert "## Bevolking 0-24 jaar" in out and "In Gent wonen op 1 januari 2026 74.259 kinderen" in out
    assert "- Leefloners 18-24 (2024): 1.450; Vlaanderen 8.123" in out
