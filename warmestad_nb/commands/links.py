"""`warmestad meerjarenplan`, `overzetten` and `samenvoegen`: the meerjarenplan and the plan over cycles."""

from __future__ import annotations

from pathlib import Path

from .. import vocab
from ..errors import WarmeStadError

SHEET_HELP = "naam van het werkblad in Excel (standaard het eerste)"


def register(commands) -> None:
    mjp = commands.add_parser(
        "meerjarenplan", help="lees het meerjarenplan van de gemeente in (Excel of CSV) en zet het in het plan",
        description="Leest beleidsdoelstellingen, actieplannen en acties met hun codes, titels, prioriteit, "
        "beleidsveld en budget. Bestaande koppelingen worden naar de nieuwe codes omgezet.",
    )
    mjp.add_argument("plan", help="het planbestand (.yaml)")
    mjp.add_argument("bestand", help="het meerjarenplan als .xlsx of .csv")
    mjp.add_argument("--cyclus", choices=list(vocab.CYCLES), help="cyclus van het meerjarenplan (standaard die van "
                     "het plan)")
    mjp.add_argument("--werkblad", help=SHEET_HELP)
    mjp.set_defaults(run=run_import)

    carry = commands.add_parser(
        "overzetten", help="maak van een plan een nieuw plan voor de volgende cyclus (bv. 2020-2025 naar 2026-2031)",
        description="Zelfde doelstellingen en acties; de koppelingen gaan naar het nieuwe meerjarenplan, de oude "
        "blijven bewaard als historiek. Het oude plan blijft ongewijzigd.",
    )
    carry.add_argument("plan", help="het planbestand (.yaml)")
    carry.add_argument("--naar", choices=list(vocab.CYCLES), help="de nieuwe cyclus (standaard de volgende)")
    carry.add_argument("--meerjarenplan", help="het nieuwe meerjarenplan als .xlsx of .csv (mag later)")
    carry.add_argument("--werkblad", help=SHEET_HELP)
    carry.add_argument("--uit", help="het nieuwe planbestand (standaard naast het oude, met de cyclus in de naam)")
    carry.set_defaults(run=run_carry_over)

    merge = commands.add_parser(
        "samenvoegen", help="voeg de plannen van gefuseerde gemeenten samen tot één plan",
        description="Elke partner en elke actie komt één keer in het nieuwe plan; het verslag zegt wat "
        "samengevoegd of hernoemd werd. De oude plannen blijven ongewijzigd.",
    )
    merge.add_argument("plannen", nargs="+", metavar="PLAN", help="de planbestanden (.yaml), minstens twee")
    merge.add_argument("--uit", required=True, help="het nieuwe planbestand (.yaml); wordt nooit overschreven")
    merge.add_argument("--namen", nargs="+", metavar="NAAM",
                       help="naam per plan in het verslag (standaard de oude gemeente uit de bestandsnaam)")
    merge.set_defaults(run=run_merge)


def _new_file(path: Path) -> Path:
    if path.exists():
        raise WarmeStadError(
            f"{path}: dit bestand bestaat al en wordt niet overschreven; kies een andere naam met --uit."
        )
    return path


def run_import(args) -> int:
    from ..carryover import install_meerjarenplan
    from ..imports.meerjarenplan import read_meerjarenplan
    from ..store import PlanStore

    store = PlanStore(args.plan)
    result = read_meerjarenplan(args.bestand, args.cyclus or store.plan.cyclus, sheet=args.werkblad)
    plan = store.plan.model_copy(deep=True)
    report = install_meerjarenplan(plan, result.meerjarenplan)
    store.save(plan)
    print("\n".join([*result.notes, *report.lines(), f"Bewaard in {store.path}."]))
    return 0


def run_carry_over(args) -> int:
    from ..carryover import CYCLE_ORDER, carry_over
    from ..imports.meerjarenplan import read_meerjarenplan
    from ..store import create_plan, read_plan

    plan = read_plan(args.plan)
    position = CYCLE_ORDER.index(plan.cyclus)
    target = args.naar or (CYCLE_ORDER[position + 1] if position + 1 < len(CYCLE_ORDER) else plan.cyclus)
    mjp = read_meerjarenplan(args.meerjarenplan, target, sheet=args.werkblad).meerjarenplan \
        if args.meerjarenplan else None
    new, report = carry_over(plan, target, mjp)
    source = Path(args.plan)
    out = create_plan(_new_file(Path(args.uit) if args.uit else source.with_name(f"{source.stem}-{target}.yaml")), new)
    print("\n".join([*report.lines(), f"Nieuw plan: {out} (het oude plan {source} is niet gewijzigd)."]))
    return 0


def run_merge(args) -> int:
    from ..merge import merge_label, merge_plans
    from ..store import create_plan, read_plan

    if len(args.plannen) < 2:
        raise WarmeStadError("Geef minstens twee plannen om samen te voegen.")
    if args.namen and len(args.namen) != len(args.plannen):
        raise WarmeStadError(f"Geef evenveel namen ({len(args.namen)}) als plannen ({len(args.plannen)}).")
    _new_file(Path(args.uit))
    plans = [read_plan(path) for path in args.plannen]
    labels = args.namen or [merge_label(Path(path).stem, plan.gemeente.nis) for path, plan in zip(args.plannen, plans)]
    merged, report = merge_plans(list(zip(labels, plans)))
    out = create_plan(args.uit, merged)
    print("\n".join([report.text(), f"Nieuw plan: {out} (de oude plannen zijn niet gewijzigd)."]))
    return 0
