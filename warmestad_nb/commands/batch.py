"""`warmestad batch` (the documents of many plans at once) and `warmestad overzicht` (the region)."""

from __future__ import annotations

import sys
from pathlib import Path

INTERRUPTED = 130  # the usual exit status after Ctrl-C
FAILED = 1


def register(commands) -> None:
    batch = commands.add_parser(
        "batch", help="maak de beleidsplannen van alle plannen in een map, met een verslag en een regio-overzicht",
        description="Maakt voor elk plan de map <MAP>/<nis>-<gemeente>/ met het beleidsplan, zoals 'warmestad "
                    "rapport', maar voor veel plannen tegelijk: een werker per processorkern, met een "
                    "voortgangsbalk. Plannen waarvan de documenten nog actueel zijn, worden overgeslagen "
                    "(tenzij --opnieuw). Een mislukt plan houdt de andere niet tegen; het verslag staat in "
                    "<MAP>/batch-verslag.html en .json, het regio-overzicht in <MAP>/regio-overzicht.html en .pdf.")
    batch.add_argument("plannen", nargs="+", metavar="plannen", help="een map met planbestanden, of planbestanden (.yaml)")
    batch.add_argument("--formaat", default="html,pdf", help="html, pdf en/of docx, met komma's (standaard: html,pdf)")
    batch.add_argument("--uit", default="uitvoer", metavar="MAP", help="map voor de documenten (standaard: uitvoer)")
    batch.add_argument("--jobs", type=_positive, default=None, metavar="N",
                       help="aantal werkers tegelijk (standaard: een per processorkern)")
    batch.add_argument("--opnieuw", action="store_true", help="maak alles opnieuw, ook wat nog actueel is")
    batch.add_argument("--geen-overzicht", action="store_true", help="sla het regio-overzicht over")
    batch.add_argument("--datum", default="", help="datum op de titelbladen, JJJJ-MM-DD (standaard: vandaag)")
    batch.add_argument("--versie", default="ontwerp", help="versie op de titelbladen (standaard: ontwerp)")
    batch.add_argument("--pdf-ua", action="store_true",
                       help="maak de PDF's volgens PDF/UA-1 (toegankelijk); dat doet het werkboek nu altijd, de optie blijft voor bestaande scripts")
    batch.set_defaults(run=run_batch_command)

    overview = commands.add_parser(
        "overzicht", help="maak het regio-overzicht (HTML en PDF) van alle plannen in een map",
        description="Eén document voor de regio: per gemeente de voortgang over de 7 stappen, de gekozen "
                    "pijlers, de acties per pijler, het budget en de partners per sector, met de totalen en "
                    "de hiaten van de regio.")
    overview.add_argument("plannen", nargs="+", metavar="plannen", help="een map met planbestanden, of planbestanden (.yaml)")
    overview.add_argument("--uit", default="uitvoer", metavar="MAP", help="map voor het overzicht (standaard: uitvoer)")
    overview.add_argument("--formaat", default="html,pdf", help="html en/of pdf (standaard: beide)")
    overview.add_argument("--datum", default="", help="datum op het overzicht, JJJJ-MM-DD (standaard: vandaag)")
    overview.set_defaults(run=run_overview_command)


def _positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen positief geheel getal")
    return value


def run_batch_command(args) -> int:
    from ..batch.summary import print_summary, write_report
    from ..batch.runner import run_batch
    from ..report.pipeline import parse_formats
    from ..report.outline import parse_date

    formats = parse_formats(args.formaat)
    parse_date(args.datum)
    parameters = {"datum": args.datum, "versie": args.versie}
    # Absolute from here on: the kernels work in notebooks/, this process wherever the user is.
    result = run_batch(args.plannen, Path(args.uit).absolute(), formats, jobs=args.jobs, again=args.opnieuw,
                       parameters=parameters, overview=not args.geen_overzicht)
    paths = write_report(result)
    print_summary(result, paths, sys.stdout)
    if result.interrupted:
        return INTERRUPTED
    return FAILED if result.count("mislukt") or result.overview_problem else 0


def run_overview_command(args) -> int:
    from ..batch.inputs import find_plans
    from ..report.overview_files import OVERVIEW_FORMATS
    from ..report.overview import write_overview
    from ..report.outline import parse_date

    wanted = [f.strip().lower() for f in args.formaat.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in OVERVIEW_FORMATS] or ([] if wanted else [args.formaat])
    if unknown:
        from ..errors import WarmeStadError

        raise WarmeStadError(f"Onbekend formaat '{', '.join(unknown)}' voor het overzicht. Kies uit: html, pdf.")
    plans = [job.path for job in find_plans(args.plannen)]
    written = write_overview(plans, Path(args.uit).absolute(), tuple(f for f in OVERVIEW_FORMATS if f in wanted),
                             datum=parse_date(args.datum) if args.datum else None)
    print(f"Regio-overzicht van {written.plans} plannen gemaakt:")
    for path in written.paths.values():
        print(f"  {path}")
    for problem in written.problems:
        print(f"  let op: {problem}")
    return 0
