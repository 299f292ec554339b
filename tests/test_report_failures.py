"""The part of the document that failed is named from what the kernel sends back: the error's name and text."""

from __future__ import annotations

import pytest

from warmestad_nb.errors import WarmeStadError
from warmestad_nb.report.failures import PartFailed, read_failure
from warmestad_nb.report.outline import BY_ID, CHAPTERS


def sent_back(error: BaseException) -> tuple[str, str]:
    """What papermill reports of an exception raised in a cell: its class name and its text."""
    return type(error).__name__, str(error)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.id for c in CHAPTERS])
def test_every_chapter_is_named_with_the_cause(chapter):
    part, cause = read_failure(*sent_back(PartFailed(chapter, KeyError("budget_eur"))))
    assert part == f"het hoofdstuk '{chapter.titel}'"
    assert cause == "KeyError: 'budget_eur'"  # an unexpected error keeps its type for whoever fixes it


def test_a_title_with_a_colon_is_read_whole():
    annex = BY_ID["bijlage"]
    assert ":" in annex.titel
    part, cause = read_failure(*sent_back(PartFailed(annex, WarmeStadError("bronnen.yaml: veld jaar ontbreekt"))))
    assert part == "het hoofdstuk 'Bijlage: bronnen en definities'"
    assert cause == "bronnen.yaml: veld jaar ontbreekt"  # a user's mistake is already Dutch and complete


def test_the_title_page():
    assert read_failure(*sent_back(PartFailed(None, ValueError("geen datum")))) == (
        "het titelblad", "ValueError: geen datum")


def test_reading_the_plan_is_no_part_of_the_document():
    error = WarmeStadError("plan.yaml: het plan bevat 1 probleem:", ["acties[0].budget_eur: moet 0 of meer zijn"])
    part, cause = read_failure(*sent_back(error))
    assert part == ""
    assert cause == str(error) and "moet 0 of meer zijn" in cause
