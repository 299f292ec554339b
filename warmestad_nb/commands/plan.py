"""`warmestad nieuw`, `controleer` and `toon`: create, check and summarise a plan file.

Imports of the package happen in the functions: building the parser for any command stays fast.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path


def register(commands) -> None:
    new = commands.add_parser("nieuw", help="maak een nieuw plan voor een gemeente")
    new.add_argument("gemeente", help="naam of NIS-code van de gemeente")
    new.add_argument("--map", default="plannen", help="map voor het planbestand (standaard: plannen)")
    new.set_defaults(run=run_new)

    check = commands.add_parser("controleer", help="controleer een plan en toon elk probleem")
    check.add_argument("plan", help="het planbestand (.yaml)")
    check.set_defaults(run=run_check)

    show = commands.add_parser("toon", help="korte samenvatting van een plan")
    show.add_argument("plan", help="het planbestand (.yaml)")
    show.set_defaults(run=run_show)


def run_new(args) -> int:
    from ..newplan import new_plan, plan_filename
    from ..store import create_plan

    plan, note = new_plan(args.gemeente)
    if note:
        print(note)
    path = create_plan(Path(args.map) / plan_filename(plan), plan)
    print(f"Nieuw plan voor {plan.gemeente.naam} (NIS {plan.gemeente.nis}) aangemaakt: {path}")
    return 0


def run_check(args) -> int:
    from ..store import read_plan

    plan = read_plan(args.plan)
    counts = f"Plan van {plan.gemeente.naam}, {len(plan.partners)} partners, {len(plan.acties)} acties."
    absent = plan.absent_sections()
    if not absent:
        print(f"{args.plan}: in orde. {counts}")
        return 0
    # Valid, but a cut-off file is valid too: name what is not there so nobody mistakes it for whole.
    print(f"{args.plan}: geldig, maar niet volledig. {counts}\n"
          f"Deze onderdelen staan niet in het bestand: {', '.join(absent)}. Nog niet ingevuld, of is het "
          "bestand ingekort? Vergelijk dan met een reservekopie in de map .backups.")
    return 0


def _bar(fraction: float, width: int = 10) -> str:
    filled = round(fraction * width)
    return "█" * filled + "░" * (width - filled)


def summary_lines(plan) -> list[str]:
    from .. import reference
    from ..analysis.progress import step_progress

    g = plan.gemeente
    label = "  [VOORBEELD]" if plan.voorbeeld else ""
    lines = [
        f"Warme Stad-plan {g.naam} (NIS {g.nis}), meerjarenplan {plan.cyclus}{label}",
        f"Regio: {g.gezondheidsmakers or '-'} (Gezondheidsmakers), {g.logo or '-'}; "
        f"eerstelijnszone {g.eerstelijnszone or '-'}",
        "",
        "Stappen:",
    ]
    for step in step_progress(plan):
        total = len(step.klaar) + len(step.open)
        lines.append(f"  {step.nummer}. {step.naam:<38} {_bar(step.fraction)} {len(step.klaar)}/{total}")
        for todo in step.open[:2]:
            lines.append(f"       nog te doen: {todo}")
        if len(step.open) > 2:
            lines.append(f"       ... en nog {len(step.open) - 2}")
    sectors = {s.id: s.naam for s in reference.sectors()}
    per_sector = Counter(p.sector for p in plan.partners)
    lines += ["", f"Partners per sector ({len(plan.partners)}):"]
    lines += [f"  {sectors[s]:<28} {n}" for s, n in sorted(per_sector.items(), key=lambda x: -x[1])]
    if not per_sector:
        lines.append("  nog geen partners")
    per_pillar = Counter(p for a in plan.acties for p in a.pijlers)
    lines += ["", f"Acties per pijler ({len(plan.acties)} acties):"]
    for pillar in reference.pillars():
        lines.append(f"  {pillar.nummer}. {pillar.kort:<34} {per_pillar.get(pillar.nummer, 0)}")
    return lines


def run_show(args) -> int:
    from ..store import read_plan

    print("\n".join(summary_lines(read_plan(args.plan))))
    return 0
