"""notebooks/02_beginsituatie.ipynb executed headless with papermill on each example plan."""

from __future__ import annotations

import csv
import hashlib
import re
import shutil

import nbformat
import papermill
import pytest

from conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow  # executes notebooks or renders documents

NOTEBOOK = ROOT / "notebooks" / "02_beginsituatie.ipynb"
BANDS = ("0_4", "5_9", "10_14", "15_19", "20_24")


def _csv(name: str) -> dict[str, dict[str, str]]:
    with open(ROOT / "data" / name, encoding="utf-8", newline="") as handle:
        return {r["nis"]: r for r in csv.DictReader(handle)}


POPULATION = _csv("bevolking_2026_leeftijd_geslacht.csv")
VALUES = _csv("gemeente_stadsmonitor_selectie.csv")


def dutch(value: float, decimals: int = 0) -> str:
    return f"{value:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")


@pytest.fixture(scope="module", params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def executed(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param.stem)
    plan = folder / request.param.name
    shutil.copyfile(request.param, plan)
    before = hashlib.sha256(plan.read_bytes()).hexdigest()
    output = folder / "02_beginsituatie.ipynb"
    papermill.execute_notebook(str(NOTEBOOK), str(output), parameters={"plan": str(plan)}, kernel_name="python3",
                               progress_bar=False, cwd=str(folder))
    nb = nbformat.read(output, as_version=4)
    html = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("data", {}).get("text/html", "")
            found = re.match(r'<div class="ws-blokken (ws-[a-z0-9-]+)"', text)  # a view of plan_view.py
            if found:
                html[found.group(1)] = text
    return {"nis": request.param.stem.split("-")[0], "nb": nb, "html": html, "plan": plan, "before": before}


def test_runs_without_errors_and_leaves_the_plan_untouched(executed):
    for cell in executed["nb"].cells:
        assert not [o for o in cell.get("outputs", []) if o["output_type"] == "error"]
    assert hashlib.sha256(executed["plan"].read_bytes()).hexdigest() == executed["before"]
    assert set(executed["html"]) >= {"ws-stap2-kop", "ws-bevolking", "ws-indicatoren", "ws-eigen-cijfers",
                                     "ws-aanbod", "ws-noden", "ws-samenvatting"}


def test_population_figures_match_the_csv_exactly(executed):
    row = POPULATION[executed["nis"]]
    youth = sum(int(row[f"{s}_{b}"]) for s in "mf" for b in BANDS)
    total = int(row["total"])
    view = executed["html"]["ws-bevolking"]
    assert f"{dutch(youth)} kinderen en jongeren van 0 tot 24 jaar ({dutch(100 * youth / total, 1)}% van de " \
           f"{dutch(total)} inwoners; Vlaanderen 26,9%" in view
    assert '<td class="getal">1.855.861</td>' in view and '<td class="getal">26,9%</td>' in view
    for band in BANDS:
        assert f"<td class=\"getal\">{dutch(int(row['m_' + band]))}</td>" in view
        assert f"<td class=\"getal\">{dutch(int(row['f_' + band]))}</td>" in view
    assert "Bron: Statbel (Algemene Directie Statistiek), open data" in view
    assert view.count('<img src="data:image/svg+xml') == 1 and 'alt="Leeftijdspiramide 0-24 jaar' in view


def test_indicator_values_sources_and_charts(executed):
    row = VALUES[executed["nis"]]
    view = executed["html"]["ws-indicatoren"]
    assert f"<td>{dutch(float(row['kansarmoede_index_pct']), 1)}%</td>" in view
    assert f"<td>{dutch(float(row['oki_onderwijskansarmoede']), 2)}</td>" in view
    assert f"<td>{dutch(float(row['werkzoekendengraad_pct']), 1)}%</td>" in view
    assert "recentste beschikbare editie (stand maart 2026)" in view
    assert "gewogen met het aantal inwoners van 0 tot 4 jaar" in view
    assert "75ste" in view
    assert view.count('<img src="data:image/svg+xml') == 4  # the share of 0-24 and the three indicators


def test_example_content_is_labelled_and_summarised(executed):
    assert "VOORBEELDPLAN. Dit plan is een voorbeeld" in executed["html"]["ws-stap2-kop"]
    assert "voorbeeldwaarde, niet officieel" in executed["html"]["ws-eigen-cijfers"]
    assert "De inventaris van het bestaand aanbod telt" in executed["html"]["ws-aanbod"]
    assert "fictieve aantallen" in executed["html"]["ws-noden"]
    summary = executed["html"]["ws-samenvatting"]
    assert "Bevolking 0-24 jaar" in summary and "Gemeente-Stadsmonitor" in summary


def test_committed_notebook_is_clean_and_papermill_ready():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert code[0].source.strip() == 'plan = ""'
    assert "plan = plan_path(plan)" in code[1].source
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert max(len(c.source.splitlines()) for c in code) <= 6  # thin cells: the logic lives in the package
