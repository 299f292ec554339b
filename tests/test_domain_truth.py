"""Domain facts as the user sees them: practices with their kind and source, dated figures."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES
from warmestad_nb import reference, vocab
from warmestad_nb.report.document import Table
from warmestad_nb.report.sections import closing
from warmestad_nb.report.sections.common import Context
from warmestad_nb.store import read_plan


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_annex_names_kind_and_source_of_each_practice_in_the_plan(path):
    plan = read_plan(path)
    used = list(dict.fromkeys(a.catalogus_id for a in plan.acties if a.catalogus_id))
    tables = [b for b in closing.annex(Context(plan)) if isinstance(b, Table)
              and b.titel == "Praktijken uit de inspiratiebox in dit plan"]
    assert len(tables) == (1 if used else 0)
    if used:
        rows = {row[0]: row for row in tables[0].rijen}
        for pid in used:
            practice = reference.practice(pid)
            assert rows[practice.titel][1] == vocab.PRACTICE_KINDS[practice.soort]
            assert rows[practice.titel][2] == practice.bron_adres


def test_the_fiche_in_the_app_shows_kind_evaluation_and_source():
    from warmestad_nb.widgets.actions import _fiche

    html = _fiche(reference.practice("fit-in-je-hoofd"))
    assert "informatie of zelfhulp" in html and "gezondleven.be/projecten/fit-in-je-hoofd" in html
    assert "geëvalueerd" in html
    assert "niet nagegaan" in _fiche(reference.practice("awel"))
