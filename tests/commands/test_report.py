"""`warmestad rapport` as a user runs it: options, and failures that leave nothing half-written."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import BROKEN, EXAMPLES, tree_digest
from warmestad_nb import reference
from warmestad_nb.cli import main

pytestmark = pytest.mark.slow

HERSELT = next(p for p in EXAMPLES if "herselt" in p.name)


def test_unknown_format_is_refused_before_any_work(tmp_path, capsys):
    assert main(["rapport", str(HERSELT), "--formaat", "pdf,odt", "--uit", str(tmp_path / "uit")]) == 2
    err = capsys.readouterr().err
    assert "Onbekend formaat 'odt'" in err and "Traceback" not in err
    assert not (tmp_path / "uit").exists()


def test_chosen_sections_and_simple_language(tmp_path, capsys):
    out = tmp_path / "uit"
    assert main(["rapport", str(HERSELT), "--formaat", "html", "--secties", "actieplan,samenvatting",
                 "--taalniveau", "eenvoudig", "--uit", str(out)]) == 0
    printed = capsys.readouterr().out
    html_path = out / "13013-herselt" / "beleidsplan.html"
    assert str(html_path) in printed and str(out / "13013-herselt" / "beleidsplan.ipynb") in printed
    assert sorted(p.name for p in html_path.parent.iterdir()) == ["beleidsplan.html", "beleidsplan.ipynb"]
    html = html_path.read_text()
    chapters = re.findall(r'<h2 id="t-[^"]+">(.*?)</h2>', html)
    assert chapters == ['<span class="nr">1</span> Samenvatting', '<span class="nr">2</span> Actieplan per doelstelling']
    assert "Herselt wil dat alle kinderen en jongeren zich goed voelen" in html


def test_a_broken_plan_gives_a_dutch_message_and_no_output(tmp_path, capsys):
    out = tmp_path / "uit"
    broken = BROKEN / "onbekende-sector.yaml"
    assert main(["rapport", str(broken), "--uit", str(out)]) == 2
    err = capsys.readouterr().err
    assert "onbekende-sector.yaml" in err and "sector" in err and "Traceback" not in err
    assert not out.exists() or list(out.iterdir()) == []


def test_a_failing_section_is_named_and_the_old_documents_stay(tmp_path, capsys, monkeypatch):
    out = tmp_path / "uit"
    assert main(["rapport", str(HERSELT), "--formaat", "html", "--uit", str(out)]) == 0
    before = tree_digest(out)
    # Reference data without the population table: the environment analysis cannot be made.
    data = tmp_path / "data"
    shutil.copytree(reference.data_dir(), data)
    (data / reference.CSV_TABLES["bevolking"]).unlink()
    monkeypatch.setenv("WARMESTAD_DATA", str(data))  # the kernel inherits it
    capsys.readouterr()
    try:
        assert main(["rapport", str(HERSELT), "--formaat", "html", "--uit", str(out)]) == 2
    finally:
        reference.clear_cache()
    err = capsys.readouterr().err
    assert "het hoofdstuk 'Omgevingsanalyse' liep fout" in err
    assert "bevolking_2026_leeftijd_geslacht.csv" in err and "ontbreekt" in err and "Traceback" not in err
    assert tree_digest(out) == before  # the previous documents are untouched, nothing half-written


def test_pdf_ua_variant(tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "uit"
    assert main(["rapport", str(HERSELT), "--formaat", "pdf", "--secties", "samenvatting", "--pdf-ua",
                 "--uit", str(out)]) == 0
    reader = PdfReader(out / "13013-herselt" / "beleidsplan.pdf")
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "pdfuaid:part" in xmp
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]


def test_papermill_can_also_start_its_own_kernel():
    from warmestad_nb.report.document import content_from_notebook
    from warmestad_nb.report.execute import execute

    nb = execute(HERSELT, parameters={"secties": "samenvatting,bijlage", "datum": "2026-03-01"})
    cover, sections = content_from_notebook(nb)
    assert (cover.gemeente, cover.datum) == ("Herselt", "1 maart 2026")
    assert [s.kop for s in sections] == ["1. Samenvatting", "Bijlage: bronnen en definities"]
    assert nb.metadata.papermill.parameters["plan"] == str(HERSELT.resolve())


def test_missing_pdf_fonts_are_named_with_the_fix(tmp_path, capsys, monkeypatch):
    """The PDF uses only the fonts the set-up installs; without them the command says which folder
    is missing and how to install it, and writes nothing."""
    from warmestad_nb.report import typst_pdf

    monkeypatch.setattr(typst_pdf, "FONT_FOLDERS", (tmp_path / "geen-lettertypen",))
    typst_pdf.compiler.cache_clear()
    try:
        assert main(["rapport", str(HERSELT), "--formaat", "html,pdf", "--uit", str(tmp_path / "uit")]) == 2
    finally:
        typst_pdf.compiler.cache_clear()
    err = capsys.readouterr().err
    assert "De lettertypen voor de PDF ontbreken" in err and "geen-lettertypen" in err
    assert "install-system-deps.sh" in err and "Traceback" not in err
    assert not (tmp_path / "uit").exists()
