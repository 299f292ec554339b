"""Needs of children, young people, parents and intermediaries: survey results and free-text needs."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..formatting import share
from ..model import EnqueteAntwoord


def survey_results(answers: list[EnqueteAntwoord]) -> pd.DataFrame:
    """vraag, antwoord, aantal, procent (of the answers to that question), in the order of the file."""
    frame = pd.DataFrame([a.model_dump() for a in answers], columns=["vraag", "antwoord", "aantal"])
    totals = frame.groupby("vraag", sort=False)["aantal"].transform("sum")
    frame["procent"] = [share(n, t) if t else 0.0 for n, t in zip(frame["aantal"], totals)]
    return frame


@dataclass(frozen=True)
class Highlight:
    vraag: str
    antwoord: str  # the most given answer
    aantal: int
    procent: float
    antwoorden: int  # everyone who answered this question


def highlights(answers: list[EnqueteAntwoord]) -> list[Highlight]:
    """Per question, the answer given most (the first one on a tie)."""
    frame = survey_results(answers)
    out = []
    for question, part in frame.groupby("vraag", sort=False):
        top = part.loc[part["aantal"].idxmax()]
        out.append(Highlight(question, top["antwoord"], int(top["aantal"]), float(top["procent"]),
                             int(part["aantal"].sum())))
    return out
