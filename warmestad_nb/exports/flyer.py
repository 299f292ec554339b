"""A printable flyer (A4, HTML with print CSS) to tell partners, schools and young people about the project."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .. import reference
from ..errors import WarmeStadError
from ..files import atomic_write
from ..formatting import day
from ..model import Plan
from .pages import render_page

# Helplines named on the flyer: practices of the inspiratiebox, so their facts come with a source.
HELPLINES = ("awel", "zelfmoordlijn-1813", "tele-onthaal")


def _context(plan: Plan, today: date) -> dict:
    c = plan.coordinator
    contact = [x for x in (c.naam, c.functie, c.organisatie) if x] if c else []
    k = plan.kickoff
    return {
        "gemeente": plan.gemeente.naam,
        "voorbeeld": plan.voorbeeld,
        "pijlers": [p.titel for p in reference.pillars()],
        "contact": ", ".join(contact),
        "email": c.email if c else "",
        "telefoon": c.telefoon if c else "",
        "agendapunt": " ".join(plan.engagement.vast_agendapunt.split()),
        "startdatum": day(k.datum) if k.datum else "",
        "startplaats": k.locatie,
        "hulplijnen": [reference.practice(i) for i in HELPLINES],
        "vandaag": day(today),
    }


def flyer_html(plan: Plan, today: date | None = None) -> str:
    """One A4 page; every text from the plan is escaped (Jinja2 autoescape)."""
    return render_page("flyer.html.j2", **_context(plan, today or date.today()))


def write_flyer(plan: Plan, target: Path) -> Path:
    """Write the flyer to `target` (.html) in one step: a failed write leaves nothing behind."""
    if target.suffix.lower() not in (".html", ".htm"):
        raise WarmeStadError(f"{target}: kies een bestandsnaam die eindigt op .html.")
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, flyer_html(plan).encode("utf-8"))
    return target
