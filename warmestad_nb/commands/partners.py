"""`warmestad partners-exporteren` and `partners-inlezen`: the partner list as Excel, outside a notebook."""

from __future__ import annotations

from pathlib import Path

from ..errors import WarmeStadError


def register(commands) -> None:
    export = commands.add_parser("partners-exporteren", help="schrijf de partnerlijst van een plan naar Excel")
    export.add_argument("plan", help="het planbestand (.yaml)")
    export.add_argument("bestand", help="het Excel-bestand om te maken (.xlsx)")
    export.set_defaults(run=run_export)

    load = commands.add_parser("partners-inlezen", help="lees een ingevulde partnerlijst (Excel of CSV) in een plan")
    load.add_argument("plan", help="het planbestand (.yaml)")
    load.add_argument("bestand", help="de partnerlijst (.xlsx of .csv)")
    load.add_argument("--enkel-goede-rijen", action="store_true",
                      help="lees de rijen zonder fouten in en sla de andere over (standaard: niets bij een fout)")
    load.set_defaults(run=run_import)


def run_export(args) -> int:
    from ..exports.partners import partners_workbook
    from ..files import atomic_write
    from ..store import read_plan

    target = Path(args.bestand)
    if target.suffix.lower() != ".xlsx":
        raise WarmeStadError(f"{target}: kies een bestandsnaam die eindigt op .xlsx.")
    plan = read_plan(args.plan)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, partners_workbook(plan))
    print(f"Partnerlijst van {plan.gemeente.naam} ({len(plan.partners)} partners) geschreven naar {target}")
    return 0


def run_import(args) -> int:
    from ..exports.partners import import_partners
    from ..store import PlanStore

    store = PlanStore(args.plan)
    plan = store.plan.model_copy(deep=True)
    result = import_partners(plan, args.bestand, skip_bad_rows=args.enkel_goede_rijen)
    store.save(plan)
    print(f"{args.bestand} ingelezen in {args.plan}: {result.summary()}")
    for problem in result.skipped:
        print(f"  overgeslagen: {problem}")
    return 0
