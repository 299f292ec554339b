"""notebooks/01_draagvlak.ipynb executed headless by papermill on each example plan."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import nbformat
import papermill
import pytest

from warmestad_nb.analysis.partners import missing_sectors, missing_types
from warmestad_nb.store import read_plan

from conftest import EXAMPLES, tree_digest

pytestmark = pytest.mark.slow  # executes notebooks or renders documents

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "01_draagvlak.ipynb"
AGREED_CLASSES = ("ws-partner-organisatie", "ws-partner-sector", "ws-partner-type", "ws-partner-toevoegen",
                  "ws-partner-tabel", "ws-status")


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> dict[str, tuple[Path, dict, nbformat.NotebookNode]]:
    """Each example plan (a copy) with the digest of its folder before the run, and the executed notebook."""
    runs = {}
    for example in EXAMPLES:
        folder = tmp_path_factory.mktemp(example.stem)
        plan = folder / example.name
        shutil.copyfile(example, plan)
        before = tree_digest(folder)
        output = tmp_path_factory.mktemp("uit") / "01_draagvlak.ipynb"
        papermill.execute_notebook(str(NOTEBOOK), str(output), parameters={"plan": str(plan)},
                                   progress_bar=False, cwd=str(NOTEBOOK.parent))
        runs[example.stem] = (plan, before, nbformat.read(output, as_version=4))
    return runs


def _html_outputs(nb) -> dict[str, str]:
    """The static HTML each section left in the notebook, keyed by the call that made it."""
    found = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            assert output.output_type != "error"
            if "text/html" in output.get("data", {}):
                found[cell.source.strip().splitlines()[-1]] = html.unescape(output["data"]["text/html"])
    return found


def test_committed_notebook_is_clean_and_parameterised():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].metadata.get("tags") == ["parameters"] and code[0].source == 'plan = ""'
    assert "plan = plan_path(plan)" in code[1].source
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert all(len(c.source.splitlines()) <= 6 for c in code)  # thin: the logic lives in the package


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_outputs_show_checklist_partners_heatmap_and_missing_types(executed, stem):
    plan_path, _, nb = executed[stem]
    plan = read_plan(plan_path)
    out = _html_outputs(nb)
    assert f"Plan van {plan.gemeente.naam} (VOORBEELD)" in out["status"]
    assert "Engagement: " in out["step1.EngagementForm(sessie)"] and "Coördinator (trekker)" in out[
        "step1.EngagementForm(sessie)"]
    table = out["step1.PartnerForm(sessie)"]
    assert f"{len(plan.partners)} partners" in table
    assert all(p.organisatie in table for p in plan.partners)
    coverage = out["step1.CoverageView(sessie)"]
    assert '<img src="data:image/svg+xml;base64,' in coverage and "Bereik van de partners per pijler en leeftijdsgroep" in coverage
    assert f"Bron: partnerlijst in het plan van {plan.gemeente.naam}" in coverage
    types = missing_types(plan)
    assert f"{len(types)} organisatietypes zijn nog niet betrokken" in coverage
    assert all(t.naam in coverage for t in types)
    for sector in missing_sectors(plan):
        assert sector.naam in coverage.split("Nog geen enkele partner uit:")[1].split("</p>")[0]
    assert "Startmoment:" in out["step1.KickoffForm(sessie)"]
    assert "leeftijdsgroep" in out["step1.YouthForm(sessie)"].lower()


def test_herselt_names_the_missing_care_partners(executed):
    coverage = _html_outputs(executed["13013-herselt"][2])["step1.CoverageView(sessie)"]
    assert "Nog geen enkele partner uit: Welzijn, Zorg, Werk, Veiligheid, Hulplijnen, Fondsen en netwerken." \
        in coverage.replace("<b>", "").replace("</b>", "")
    assert "CGG (centrum voor geestelijke gezondheidszorg)" in coverage
    assert "Nog geen kanaal gepland voor: 18-24 jaar" in _html_outputs(executed["13013-herselt"][2])[
        "step1.YouthForm(sessie)"]


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_running_the_notebook_changes_nothing_on_disk(executed, stem):
    plan_path, before, _ = executed[stem]
    assert tree_digest(plan_path.parent) == before


def test_widgets_carry_the_agreed_css_classes(executed):
    state = executed["44021-gent"][2].metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    classes = {c for model in state.values() for c in model["state"].get("_dom_classes", [])}
    assert set(AGREED_CLASSES) <= classes
    sector = next(m["state"] for m in state.values() if "ws-partner-sector" in m["state"].get("_dom_classes", []))
    assert sector["_options_labels"][:2] == ["Lokaal bestuur", "Gezin en jeugd"]
    button = next(m["state"] for m in state.values() if "ws-partner-toevoegen" in m["state"].get("_dom_classes", []))
    assert button["description"] == "Partner toevoegen"
    assert json.dumps(state).count("ws-status\"") == 1  # one status line on the page
