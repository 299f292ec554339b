"""A youth survey result (Jeugdmonitor or an own survey) as a table: question, answer, count.

The survey replaces the plan's earlier survey as a whole (a plan keeps one survey with one source).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import WarmeStadError
from ..model import EnqueteAntwoord, Plan
from ..tables import as_number, as_text, read_table
from .common import CappedProblems, ImportResult, build

ALIASES = {
    "vraag": ("vraag", "question", "item"),
    "antwoord": ("antwoord", "answer", "antwoordcategorie", "categorie"),
    "aantal": ("aantal", "count", "n", "aantal_antwoorden", "frequentie"),
}


def _column(columns: tuple[str, ...], field: str) -> str | None:
    return next((c for c in ALIASES[field] if c in columns), None)


def import_survey(path: str | Path, plan: Plan, bron: str, sheet: str | None = None,
                  shown_as: str | None = None) -> ImportResult:
    path = Path(path)
    name = shown_as or path.name
    if not (bron or "").strip():
        raise WarmeStadError(f"{name}: geef de bron van de bevraging op (wie werd bevraagd, wanneer, door wie).")
    table, base = read_table(path, sheet=sheet)
    problems = CappedProblems.following(base)
    columns = {f: _column(table.columns, f) for f in ALIASES}
    missing = [f for f, c in columns.items() if c is None]
    if missing:
        raise WarmeStadError(f"{path}: de kolom(men) {', '.join(missing)} ontbreken in de eerste rij (gevonden: "
                             f"{', '.join(table.columns) or 'geen'}). Een bevraging heeft de kolommen vraag, "
                             "antwoord en aantal.")
    seen: dict[tuple[str, str], int] = {}
    answers = []
    for row in table.rows:
        question = as_text(row, columns["vraag"], problems, required=True)
        answer = as_text(row, columns["antwoord"], problems, required=True)
        count = as_number(row, columns["aantal"], problems, required=True, minimum=0)
        if count is not None and not count.is_integer():
            problems.add(row.number, columns["aantal"], f"{row.get(columns['aantal'])} is geen geheel aantal")
            continue
        if question is None or answer is None or count is None:
            continue
        key = (question.casefold(), answer.casefold())
        if key in seen:
            problems.add(row.number, None, f"dubbele rij: '{question}' / '{answer}' staat ook in rij {seen[key]}")
            continue
        seen[key] = row.number
        answer_row = build(EnqueteAntwoord, problems, row.number, vraag=question, antwoord=answer, aantal=int(count))
        if answer_row is not None:
            answers.append(answer_row)
    problems.raise_if_any()
    if not answers:
        raise WarmeStadError(f"{path}: er staan geen antwoorden in dit bestand.")
    questions = len({a.vraag for a in answers})
    notes = [f"{questions} vragen."]
    if plan.omgevingsanalyse.enquete:
        notes.append(f"De vorige bevraging ({len(plan.omgevingsanalyse.enquete)} rijen) is vervangen.")

    def edit(target: Plan) -> None:
        target.omgevingsanalyse.enquete = [a.model_copy() for a in answers]
        target.omgevingsanalyse.enquete_bron = bron.strip()

    return ImportResult("antwoorden van de bevraging", name, len(answers), edit, notes)
