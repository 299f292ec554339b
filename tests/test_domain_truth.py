"""Domain facts as the user sees them: practices with their kind and source, dated figures."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES
from warmestad_nb import reference, vocab
from warmestad_nb.report.document import Facts, Table
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


def test_vizier_goals_in_their_official_wording_with_their_source():
    goals = reference.lookup("vizier2030")
    assert goals["v-armoede"].titel.startswith(
        "In 2030 blijft het aandeel gezinnen dat leeft in armoede en geconfronteerd wordt met sociale uitsluiting "
        "bij de laagste in vergelijking met de best presterende landen in Europa")
    inequality = goals["v-sociale-ongelijkheid-gezondheid"]
    assert "sociale ongelijkheid in gezondheid en welzijn" in inequality.titel
    assert inequality.bron_adres.endswith("sdg-10-dring-ongelijkheid-in-en-tussen-landen-terug")
    assert all(g.bron_adres.startswith("https://www.vlaanderen.be/") for g in reference.vizier_goals())
    assert "eigen samenvatting" not in reference.source("vizier2030").opmerking


def test_beleidsvelden_are_shown_as_the_workbooks_summary_and_sport_keeps_its_code():
    assert "eigen samenvatting" in reference.source("beleidsvelden").uitgever
    fields = reference.lookup("beleidsvelden")
    # 0740 is one field of the sport range, not the range: every sport code is known by its own number.
    assert {f"074{n}" for n in range(10)} <= set(fields)
    from warmestad_nb.imports.meerjarenplan import parse_field
    assert parse_field("0742 Sportinfrastructuur") == ("0742", None)
    definitions = dict(next(b for b in closing.annex(Context(read_plan(EXAMPLES[0])))
                            if isinstance(b, Facts)).rijen)
    assert "nationale" not in definitions["Beleidsveld"] and "eigen samenvatting" in definitions["Beleidsveld"]
