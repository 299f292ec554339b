"""Which plans a batch redoes: missing or older documents, newer inputs, other options, --opnieuw.

No kernels here: these are the decisions the coordinator takes before it starts any worker, on real
plan files and real files in an output folder (their modification times are what counts).
"""

from __future__ import annotations

import os
import shutil
import time

from conftest import EXAMPLES
from warmestad_nb.batch.inputs import find_plans, newest_input, outputs, read_municipality
from warmestad_nb.batch.runner import plan_todo
from warmestad_nb.report.pipeline import BASENAME

FORMATS = ("html", "pdf")


def _made(job, out, when: float) -> None:
    """Documents as the batch leaves them: every file, stamped with the time the run started."""
    folder = job.folder(out)
    folder.mkdir(parents=True, exist_ok=True)
    for path in outputs(folder, FORMATS, BASENAME):
        path.write_text("document")
        os.utime(path, (when, when))


def _setup(tmp_path):
    plans = tmp_path / "plannen"
    plans.mkdir()
    for example in EXAMPLES:
        shutil.copyfile(example, plans / example.name)
    past = time.time() - 100
    for path in plans.iterdir():
        os.utime(path, (past, past))
    jobs = find_plans([plans])
    out = tmp_path / "uit"
    for job in jobs:
        _made(job, out, past + 50)  # made after the plans were last edited
    return jobs, out, past


def _names(jobs) -> list[str]:
    return sorted(j.naam for j in jobs)


def test_documents_newer_than_every_input_are_kept(tmp_path):
    jobs, out, past = _setup(tmp_path)
    todo, current, refused = plan_todo(jobs, out, FORMATS, False, BASENAME, inputs_mtime=past)
    assert todo == [] and refused == {} and _names(current) == ["Gent", "Herselt", "Turnhout"]


def test_again_redoes_everything(tmp_path):
    jobs, out, past = _setup(tmp_path)
    todo, current, _ = plan_todo(jobs, out, FORMATS, True, BASENAME, inputs_mtime=past)
    assert _names(todo) == ["Gent", "Herselt", "Turnhout"] and current == []


def test_an_edited_plan_or_a_missing_file_is_redone_alone(tmp_path):
    jobs, out, past = _setup(tmp_path)
    gent = next(j for j in jobs if j.naam == "Gent")
    os.utime(gent.path, None)  # edited now, after its documents
    herselt = next(j for j in jobs if j.naam == "Herselt")
    (herselt.folder(out) / f"{BASENAME}.pdf").unlink()
    todo, current, _ = plan_todo(jobs, out, FORMATS, False, BASENAME, inputs_mtime=past)
    assert _names(todo) == ["Gent", "Herselt"] and _names(current) == ["Turnhout"]
    # An HTML-only batch does not need the missing PDF.
    todo, _, _ = plan_todo(jobs, out, ("html",), False, BASENAME, inputs_mtime=past)
    assert _names(todo) == ["Gent"]


def test_newer_reference_data_templates_or_notebook_redo_everything(tmp_path):
    jobs, out, past = _setup(tmp_path)
    todo, _, _ = plan_todo(jobs, out, FORMATS, False, BASENAME, inputs_mtime=time.time())
    assert _names(todo) == ["Gent", "Herselt", "Turnhout"]


def test_newest_input_skips_example_plans_caches_and_hidden_files(tmp_path):
    data = tmp_path / "data"
    (data / "voorbeelden").mkdir(parents=True)
    (data / "__pycache__").mkdir()
    table = data / "pijlers.yaml"
    table.write_text("items: []")
    os.utime(table, (1000, 1000))
    for name in ("voorbeelden/x.yaml", "__pycache__/y.pyc", ".z.tmp"):
        (data / name).write_text("later")
    assert newest_input([data]) == 1000
    os.utime(table, (2000, 2000))
    assert newest_input([data]) == 2000


def test_two_plans_for_one_municipality_the_second_is_refused(tmp_path):
    jobs, out, past = _setup(tmp_path)
    extra = tmp_path / "plannen" / "zz-nog-een-gent.yaml"
    shutil.copyfile(next(j.path for j in jobs if j.naam == "Gent"), extra)
    jobs = find_plans([tmp_path / "plannen"])
    todo, current, refused = plan_todo(jobs, out, FORMATS, True, BASENAME, inputs_mtime=past)
    assert [j.path.name for j in refused] == ["zz-nog-een-gent.yaml"]
    assert "een map mag maar één plan per gemeente bevatten" in next(iter(refused.values()))
    assert len(todo) == 3


def test_the_municipality_is_read_from_block_or_flow_style_and_a_broken_file_is_left_to_the_kernel(tmp_path):
    block = tmp_path / "a.yaml"
    block.write_text("# commentaar\nschema_versie: 1\ngemeente:\n  nis: 44021\n  naam: Gent\ncyclus: 2026-2031\n")
    flow = tmp_path / "b.yaml"
    flow.write_text('gemeente: {nis: "13013", naam: Herselt}\n')
    broken = tmp_path / "c.yaml"
    broken.write_text("gemeente: [\n")
    assert read_municipality(block) == ("44021", "Gent")
    assert read_municipality(flow) == ("13013", "Herselt")
    assert read_municipality(broken) == ("", "")
