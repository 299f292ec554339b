"""`warmestad flyer`: a printable flyer (A4, HTML) to inform partners, schools and young people."""

from __future__ import annotations

from pathlib import Path


def register(commands) -> None:
    flyer = commands.add_parser("flyer", help="maak een flyer (A4, HTML) om partners, scholen en jongeren te informeren")
    flyer.add_argument("plan", help="het planbestand (.yaml)")
    flyer.add_argument("--uitvoer", help="het HTML-bestand om te maken (standaard: <plan>-flyer.html in de huidige map)")
    flyer.set_defaults(run=run)


def run(args) -> int:
    from ..exports.flyer import write_flyer
    from ..store import read_plan

    plan = read_plan(args.plan)
    target = Path(args.uitvoer) if args.uitvoer else Path(f"{Path(args.plan).stem}-flyer.html")
    write_flyer(plan, target)
    print(f"Flyer voor {plan.gemeente.naam} geschreven naar {target}. Open hem in een browser en druk af op A4.")
    return 0
