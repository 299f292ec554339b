"""The kick-off programme and invitation list as Excel and as a printable HTML page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

from ..analysis.kickoff import invitation_rows, invitees, programme, schedule, total_minutes
from ..files import atomic_write
from ..formatting import day
from ..model import Plan
from .pages import render_page
from .workbook import to_bytes, write_table


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours} u {rest:02d} min" if hours else f"{rest} min"


def _context(plan: Plan, today: date) -> dict:
    parts, proposed = programme(plan)
    _, proposed_invitations = invitees(plan)
    k = plan.kickoff
    return {
        "gemeente": plan.gemeente.naam,
        "voorbeeld": plan.voorbeeld,
        "datum": day(k.datum) if k.datum else "",
        "locatie": k.locatie,
        "totaal": _duration(total_minutes(parts)),
        "programma": schedule(parts),
        "voorstel": proposed,
        "uitnodigingen": invitation_rows(plan).to_dict("records"),
        "voorstel_uitnodigingen": proposed_invitations,
        "vandaag": day(today),
    }


def kickoff_html(plan: Plan, today: date | None = None) -> str:
    """A printable page (A4) with the programme and the invitation list; every plan text is escaped."""
    return render_page("kickoff.html.j2", **_context(plan, today or date.today()))


def kickoff_workbook(plan: Plan) -> bytes:
    """Sheets Programma (with times) and Uitnodigingen (contact details, attendance)."""
    parts, _ = programme(plan)
    book = Workbook()
    ws = book.active
    ws.title = "Programma"
    rows = [[f"{s.start} - {s.einde}", s.titel, s.duur_min, s.wie] for s in schedule(parts)]
    rows.append(["Totaal", "", total_minutes(parts), ""])
    write_table(ws, ["Tijd", "Onderdeel", "Duur (min)", "Wie"], rows, [14, 70, 12, 40])
    guests = invitation_rows(plan)
    write_table(book.create_sheet("Uitnodigingen"), list(guests.columns), guests.values.tolist(),
                [38, 22, 24, 30, 16, 10])
    book.properties.title = f"Startmoment Warme Gemeente {plan.gemeente.naam}"
    return to_bytes(book)


def write_kickoff_exports(plan: Plan, folder: Path, stem: str) -> tuple[Path, Path]:
    """Write <stem>-kickoff.xlsx and <stem>-kickoff.html into `folder`; returns both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    xlsx, page = folder / f"{stem}-kickoff.xlsx", folder / f"{stem}-kickoff.html"
    atomic_write(xlsx, kickoff_workbook(plan))
    atomic_write(page, kickoff_html(plan).encode("utf-8"))
    return xlsx, page
