"""Notebook 04b executed headless by papermill on each example plan: what it shows, and that it writes nothing."""

from __future__ import annotations

import re
import shutil

import nbformat
import papermill
import pytest

from conftest import EXAMPLES, ROOT
from warmestad_nb import reference
from warmestad_nb.analysis import linking
from warmestad_nb.analysis.mjp_links import mjp_suggestions
from warmestad_nb.analysis.sdg_links import sdg_suggestions, vizier_suggestions
from warmestad_nb.store import read_plan

pytestmark = pytest.mark.slow  # executes notebooks or renders documents

NOTEBOOK = ROOT / "notebooks" / "04b_koppelingen.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Each example plan's copy, its bytes before the run, and the executed notebook (one run per plan)."""
    runs = {}
    for example in EXAMPLES:
        folder = tmp_path_factory.mktemp(example.stem)
        plan = folder / example.name
        shutil.copyfile(example, plan)
        before = plan.read_bytes()
        out = folder / "uitgevoerd.ipynb"
        papermill.execute_notebook(str(NOTEBOOK), str(out), parameters={"plan": str(plan)}, progress_bar=False,
                                   kernel_name="python3", cwd=str(folder))
        runs[example.stem] = (plan, before, nbformat.read(out, as_version=4))
    return runs


def _widget_values(nb, model: str, key: str) -> list[str]:
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    return [w["state"].get(key, "") for w in state.values() if w["model_name"] == model]


def test_committed_notebook_is_clean_and_parameterised():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert code[0].source.startswith('plan = ""')
    assert "plan = plan_path(plan)" in code[1].source
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert max(len(c.source.splitlines()) for c in code) <= 8  # calls only, no logic


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_notebook_shows_the_plans_links_and_writes_nothing(executed, stem):
    plan_path, before, nb = executed[stem]
    assert plan_path.read_bytes() == before  # looking at the links changes nothing on disk
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    plan = read_plan(plan_path)
    html = "\n".join(_widget_values(nb, "HTMLModel", "value"))
    # The meerjarenplan tree, every item.
    for item in plan.meerjarenplan.items:
        assert f"<b>{item.code}</b>" in html
    # The anchoring overview with the plan's own counts.
    anchored = sum(bool(a.mjp_codes) for a in plan.acties)
    assert f"{anchored} van de {len(plan.acties)} acties gekoppeld aan het meerjarenplan" in html
    # The SDG overview: chart and table with all 17 SDGs by their Dutch names.
    assert '<img src="data:image/svg+xml;base64,' in html
    for sdg in reference.sdgs():
        assert sdg.naam in html
    # Exactly the open suggestions the analysis gives, each with its accept and reject button.
    expected = sum(
        len(mjp_suggestions(plan, kind, subject)) + len(sdg_suggestions(subject)) + len(vizier_suggestions(subject))
        for kind, subject in linking.subjects(plan))
    assert len(re.findall(r"Voorstel: <b>", html)) == expected
    buttons = _widget_values(nb, "ButtonModel", "description")
    assert buttons.count("Aanvaarden") == expected and buttons.count("Afwijzen") == expected
    carry = [b for b in buttons if b.startswith("Maak het plan voor")]
    assert carry == (["Maak het plan voor 2026-2031"] if plan.cyclus == "2020-2025" else [])
