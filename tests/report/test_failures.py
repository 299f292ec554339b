"""Failures cross the kernel as fields (part, kind of cause, Dutch text), read back from what the kernel
sends: the error's name and text; the document pipeline labels the step that failed."""

from __future__ import annotations

import pytest

from conftest import HERSELT
from warmestad_nb.errors import ConflictError, WarmeStadError, is_user_error
from warmestad_nb.report import failures
from warmestad_nb.report.failures import Cause, Failure, NotebookFailure, PartFailed, read_failure
from warmestad_nb.report.outline import BY_ID, CHAPTERS


def sent_back(error: BaseException) -> tuple[str, str]:
    """What papermill reports of an exception raised in a cell: its class name and its text."""
    return type(error).__name__, str(error)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.id for c in CHAPTERS])
def test_every_chapter_is_named_with_the_cause(chapter):
    failure = read_failure(*sent_back(PartFailed(chapter.id, KeyError("budget_eur"))))
    assert failure == Failure(chapter.id, Cause.UNEXPECTED, "KeyError: 'budget_eur'")
    assert failure.label == f"het hoofdstuk '{chapter.titel}'"
    assert str(NotebookFailure(failure)) == (f"Het beleidsplan kon niet gemaakt worden: het hoofdstuk "
                                             f"'{chapter.titel}' liep fout. Oorzaak: KeyError: 'budget_eur'")


def test_a_title_with_a_colon_is_read_whole():
    annex = BY_ID["bijlage"]
    assert ":" in annex.titel
    failure = read_failure(*sent_back(PartFailed(annex.id, WarmeStadError("bronnen.yaml: veld jaar ontbreekt"))))
    assert failure.label == "het hoofdstuk 'Bijlage: bronnen en definities'"
    assert failure.tekst == "bronnen.yaml: veld jaar ontbreekt"  # a user's mistake is already Dutch and complete
    assert failure.soort == Cause.USER


def test_the_title_page():
    failure = read_failure(*sent_back(PartFailed(failures.COVER, ValueError("geen datum"))))
    assert (failure.label, failure.tekst) == ("het titelblad", "ValueError: geen datum")


def test_a_text_that_looks_like_a_part_stays_the_cause():
    """The part is a field: a cause that starts like another part's name is not read as that part."""
    error = WarmeStadError("het hoofdstuk 'Actieplan': staat in een notitie")
    failure = read_failure(*sent_back(PartFailed(failures.COVER, error)))
    assert (failure.deel, failure.tekst) == ("omslag", "het hoofdstuk 'Actieplan': staat in een notitie")


def test_a_conflict_is_a_users_mistake_everywhere():
    """One rule: a ConflictError (the plan changed on disk) is a mistake the user can fix."""
    conflict = ConflictError("plan.yaml is intussen gewijzigd; herlaad het plan.")
    assert is_user_error(conflict) and is_user_error(WarmeStadError("x")) and not is_user_error(KeyError("x"))
    failure = read_failure(*sent_back(PartFailed(failures.OVERVIEW, conflict)))
    assert failure == Failure("overzicht", Cause.USER, "plan.yaml is intussen gewijzigd; herlaad het plan.")


def test_reading_the_plan_is_no_part_of_the_document(tmp_path):
    """The notebook's constructor names a plan that cannot be read as the plan, with its Dutch text."""
    from warmestad_nb.report.notebook import Beleidsplan

    broken = tmp_path / "plan.yaml"
    broken.write_text(HERSELT.read_text(encoding="utf-8").replace("budget_eur: ", "budget_eur: -", 1),
                      encoding="utf-8")
    with pytest.raises(PartFailed) as raised:
        Beleidsplan(str(broken))
    failure = read_failure(*sent_back(raised.value))
    assert (failure.deel, failure.soort) == ("plan", Cause.USER)
    assert "moet 0 of meer zijn" in failure.tekst
    assert str(NotebookFailure(failure)) == f"Het beleidsplan kon niet gemaakt worden: {failure.tekst}"


def test_an_error_outside_the_document_code_is_unexpected():
    failure = read_failure("ModuleNotFoundError", "No module named 'x'")
    assert failure == Failure("plan", Cause.UNEXPECTED, "ModuleNotFoundError: No module named 'x'")


def test_a_step_labels_its_exception_without_changing_it():
    error = WarmeStadError("uit/: schijf vol")
    with pytest.raises(WarmeStadError) as raised:
        with failures.step(failures.PDF), failures.step(failures.FILES):
            raise error
    assert raised.value is error and failures.failed_step(error) == "bestanden"  # the innermost step
    assert failures.failed_step(KeyError("x")) == "uitgevoerd"
