"""Every workbook notebook of this issue, executed headless with papermill on every example plan."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import papermill
import pytest

from warmestad_nb.store import read_plan

pytestmark = pytest.mark.slow  # executes notebooks or renders documents

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ["00_start.ipynb", "03_prioriteiten.ipynb", "04_acties.ipynb", "05_uitvoering.ipynb",
             "06_evaluatie.ipynb", "07_verankering.ipynb"]
EXAMPLES = sorted((ROOT / "data" / "voorbeelden").glob("*.yaml"))


def shown_text(nb) -> str:
    """All text the widgets showed (their saved state), as a user would have seen it."""
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    values = []
    for model in state.get("state", {}).values():
        value = model.get("state", {}).get("value")
        if isinstance(value, str):
            values.append(value)
        values += [o for o in model.get("state", {}).get("_options_labels", []) if isinstance(o, str)]
    return "\n".join(values)


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """(notebook, plan stem) -> (executed notebook, plan copy, bytes before); two kernels at a time."""
    tmp = tmp_path_factory.mktemp("nb")
    jobs = {}
    for example in EXAMPLES:
        copy = tmp / example.stem / example.name
        copy.parent.mkdir()
        shutil.copyfile(example, copy)
        for notebook in NOTEBOOKS:
            jobs[(notebook, example.stem)] = (copy, tmp / example.stem / notebook)

    def run(key):
        copy, output = jobs[key]
        papermill.execute_notebook(str(ROOT / "notebooks" / key[0]), str(output), parameters={"plan": str(copy)},
                                   progress_bar=False, cwd=str(ROOT / "notebooks"))
        return key, nbformat.read(output, as_version=4)

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(pool.map(run, jobs))
    return {key: (nb, jobs[key][0]) for key, nb in results.items()}


@pytest.mark.parametrize("example", [p.stem for p in EXAMPLES])
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_headless_and_shows_the_plan(executed, notebook, example):
    nb, copy = executed[(notebook, example)]
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    plan = read_plan(copy)
    text = shown_text(nb)
    assert plan.gemeente.naam in text
    if notebook == "03_prioriteiten.ipynb":
        assert all(g.titel in text for g in plan.prioriteiten.doelstellingen)
        assert "Cijfers uit de omgevingsanalyse" in text
    if notebook == "04_acties.ipynb":
        assert all(a.titel in text for a in plan.acties) and "praktijken" in text
    if notebook == "05_uitvoering.ipynb":
        assert "Gepland:" in text and "uitgegeven" in text
    if notebook == "06_evaluatie.ipynb":
        assert all(str(e.jaar) in text for e in plan.evaluaties) and "loopt door" in text
    if notebook == "07_verankering.ipynb":
        assert "verankerd" in text


def test_headless_runs_do_not_change_the_plans(executed):
    for example in EXAMPLES:
        copy = next(c for (_, stem), (_, c) in executed.items() if stem == example.stem)
        assert copy.read_bytes() == example.read_bytes()


def test_parameters_cell_comes_first_and_outputs_are_stripped():
    for notebook in NOTEBOOKS:
        nb = nbformat.read(ROOT / "notebooks" / notebook, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert "parameters" in code[0].metadata.get("tags", []) and code[0].source.startswith('plan = ""')
        assert "plan_path(plan" in code[1].source
        assert all(not c.outputs and c.execution_count is None for c in code)
        assert all(len(c.source.splitlines()) <= 6 for c in code)  # prose and calls, no logic
