"""The outline of the policy plan: its chapters in order, and the document options.

Light on purpose (no pandas, no model): the `warmestad` command checks the options before a
kernel starts, and its help lists the chapters. What each chapter contains is built in sections/.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import WarmeStadError


@dataclass(frozen=True)
class Chapter:
    id: str
    titel: str


CHAPTERS = (
    Chapter("samenvatting", "Samenvatting"),
    Chapter("context", "Visie en missie"),
    Chapter("bestuur", "Organisatie en besluitvorming"),
    Chapter("traject", "Het traject tot nu toe"),
    Chapter("partners", "Partnernetwerk, kick-off en de stem van jongeren"),
    Chapter("omgeving", "Omgevingsanalyse"),
    Chapter("aanbod", "Bestaand aanbod en hiaten"),
    Chapter("noden", "Noden van kinderen en jongeren"),
    Chapter("prioriteiten", "Prioriteiten en SMART-doelstellingen"),
    Chapter("actieplan", "Actieplan per doelstelling"),
    Chapter("budget", "Budget per jaar"),
    Chapter("koppelingen", "Meerjarenplan, SDG's en Vizier 2030"),
    Chapter("communicatie", "Communicatie"),
    Chapter("evaluatie", "Evaluatie en verankering"),
    Chapter("vaststelling", "Vaststelling"),
    Chapter("bijlage", "Bijlage: bronnen en definities"),
)
BY_ID = {c.id: c for c in CHAPTERS}
ANNEX = "bijlage"

LANGUAGE_LEVELS = {
    "standaard": "voor college, gemeenteraad en partners",
    "eenvoudig": "kortere zinnen, voor een breed publiek",
}


def chosen_chapters(secties: str | list[str]) -> list[Chapter]:
    """'alle', or chapter ids as a list or a comma-separated text; always in document order."""
    if isinstance(secties, str):
        wanted = [s.strip() for s in secties.split(",") if s.strip()]
    else:
        wanted = list(secties)
    if wanted in ([], ["alle"]):
        return list(CHAPTERS)
    unknown = [w for w in wanted if w not in BY_ID]
    if unknown:
        raise WarmeStadError(f"Onbekende sectie(s): {', '.join(unknown)}. Kies uit: alle, {', '.join(BY_ID)}.")
    return [c for c in CHAPTERS if c.id in wanted]


FINAL = "definitief"


def is_final(versie: str) -> bool:
    """`--versie definitief` (or 'definitief 2'): the version put to the council, refused while points are open."""
    words = versie.split()
    return bool(words) and words[0].lower() == FINAL


def check_language_level(taalniveau: str) -> str:
    if taalniveau not in LANGUAGE_LEVELS:
        raise WarmeStadError(f"Onbekend taalniveau '{taalniveau}'. Kies uit: {', '.join(LANGUAGE_LEVELS)}.")
    return taalniveau


def parse_date(text: str) -> date:
    """The date on the title page: JJJJ-MM-DD, or today when empty."""
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise WarmeStadError(f"De datum '{text}' is geen geldige datum (schrijf JJJJ-MM-DD).") from None


def numbering(chapters: list[Chapter]) -> dict[str, str]:
    """Numbers 1, 2, ... for the chapters; the annex gets no number."""
    numbers, n = {}, 0
    for chapter in chapters:
        if chapter.id == ANNEX:
            numbers[chapter.id] = ""
        else:
            n += 1
            numbers[chapter.id] = str(n)
    return numbers
