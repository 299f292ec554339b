"""The 285 Flemish municipalities since 2025, the 2025 mergers, and finding a municipality by name or
NIS code (current or former)."""

from __future__ import annotations

import difflib

from ..errors import WarmeStadError
from ..formatting import join
from .loader import check_nis, csv_rows, file_error, cached
from .records import Merger, Municipality
from .text import name_key


MERGER_DATE_NL = "1 januari 2025"


@cached
def municipalities() -> tuple[Municipality, ...]:
    fields = ("nis", "naam", "provincie", "logo", "gezondheidsmakers", "eerstelijnszone")
    path, _, rows = csv_rows("gemeenten", fields)
    out = []
    seen = set()
    for line_no, row in enumerate(rows, start=2):
        nis = check_nis(path, line_no, row["nis"])
        if nis in seen:
            raise file_error(path, f"regel {line_no}: NIS-code {nis} komt meer dan eens voor.")
        seen.add(nis)
        naam = row["naam"].strip()
        if not naam:
            raise file_error(path, f"regel {line_no}: de naam ontbreekt.")
        out.append(Municipality(nis=nis, naam=naam, provincie=row["provincie"].strip(), logo=row["logo"].strip(),
                                gezondheidsmakers=row["gezondheidsmakers"].strip(),
                                eerstelijnszone=row["eerstelijnszone"].strip()))
    return tuple(sorted(out, key=lambda m: (name_key(m.naam), m.naam)))


@cached
def _by_nis() -> dict[str, Municipality]:
    return {m.nis: m for m in municipalities()}


def municipality(nis: str) -> Municipality:
    code = str(nis).strip()
    found = _by_nis().get(code)
    if found is not None:
        return found
    old = _mergers_by_old_nis().get(code)
    if old is not None:
        raise WarmeStadError(
            f"NIS-code {code} ({old.naam_2024}) bestaat niet meer sinds {MERGER_DATE_NL}; "
            f"gebruik {old.nis_2025} ({old.naam_2025})."
        )
    raise WarmeStadError(f"Onbekende NIS-code '{code}': geen van de 285 Vlaamse gemeenten sinds 2025.")


@cached
def mergers() -> tuple[Merger, ...]:
    path, _, rows = csv_rows("fusies", ("nis_2024", "nis_2025", "naam_2024", "naam_2025"))
    current = _by_nis()
    out = []
    for line_no, row in enumerate(rows, start=2):
        merger = Merger(nis_2024=check_nis(path, line_no, row["nis_2024"]),
                        nis_2025=check_nis(path, line_no, row["nis_2025"]),
                        naam_2024=row["naam_2024"].strip(), naam_2025=row["naam_2025"].strip())
        target = current.get(merger.nis_2025)
        if target is None:
            raise file_error(path, f"regel {line_no}: NIS-code {merger.nis_2025} is geen huidige gemeente.")
        if target.naam != merger.naam_2025:
            raise file_error(path, f"regel {line_no}: {merger.nis_2025} heet '{target.naam}', "
                                    f"niet '{merger.naam_2025}'.")
        out.append(merger)
    return tuple(out)


@cached
def _mergers_by_old_nis() -> dict[str, Merger]:
    return {m.nis_2024: m for m in mergers()}


@cached
def _name_index() -> tuple[dict[str, Municipality], dict[str, Merger], dict[str, str]]:
    """Normalized current names, normalized former names, and normalized -> display name."""
    current = {name_key(m.naam): m for m in municipalities()}
    former: dict[str, Merger] = {}
    display: dict[str, str] = {key: m.naam for key, m in current.items()}
    for merger in mergers():
        key = name_key(merger.naam_2024)
        if key not in current:
            former[key] = merger
            display[key] = merger.naam_2024
    return current, former, display


def _merger_note(merger: Merger) -> str:
    if merger.naam_2024 != merger.naam_2025:
        return f"{merger.naam_2024} is op {MERGER_DATE_NL} opgegaan in {merger.naam_2025} (NIS {merger.nis_2025})."
    partners = sorted({m.naam_2024 for m in mergers()
                       if m.nis_2025 == merger.nis_2025 and m.naam_2024 != merger.naam_2024})
    joined = f" samengevoegd met {join(partners)}" if partners else " gefuseerd"
    return (f"{merger.naam_2024} is op {MERGER_DATE_NL}{joined}; de gemeente heeft nu NIS-code "
            f"{merger.nis_2025} (was {merger.nis_2024}).")


def find_municipality(text: str) -> tuple[Municipality, str | None]:
    """Find a municipality by current or 2024 NIS code, or by current or former name.

    Returns (municipality, note); note is a Dutch sentence when a former municipality (or its old
    code) was mapped to the municipality it became part of on 1 January 2025, else None.
    """
    query = str(text).strip()
    if not query:
        raise WarmeStadError("Geef een gemeente op: een naam of een NIS-code.")
    if query.isdigit():
        found = _by_nis().get(query)
        if found is not None:
            return found, None
        merger = _mergers_by_old_nis().get(query)
        if merger is not None:
            return _by_nis()[merger.nis_2025], _merger_note(merger)
        raise WarmeStadError(
            f"Onbekende gemeente '{query}': geen NIS-code van een Vlaamse gemeente (van 2024 of sinds 2025)."
        )
    current, former, display = _name_index()
    key = name_key(query)
    if key in current:
        return current[key], None
    if key in former:
        merger = former[key]
        return _by_nis()[merger.nis_2025], _merger_note(merger)
    close = difflib.get_close_matches(key, list(display), n=3, cutoff=0.6)
    if close:
        names = list(dict.fromkeys(display[c] for c in close))
        raise WarmeStadError(f"Onbekende gemeente '{query}'. Bedoelde u: {', '.join(names)}?")
    raise WarmeStadError(f"Onbekende gemeente '{query}'. Controleer de schrijfwijze of geef de NIS-code.")
