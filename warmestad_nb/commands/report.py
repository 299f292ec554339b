"""`warmestad rapport`: the policy plan document of one or more plans as HTML, PDF and Word."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Iterator


def register(commands) -> None:
    from ..report.outline import BY_ID, LANGUAGE_LEVELS

    report = commands.add_parser(
        "rapport", help="maak het beleidsplan (HTML, PDF en Word) van een of meer plannen",
        description="Maakt per plan de map <MAP>/<nis>-<gemeente>/ met beleidsplan.html, .pdf, .docx en het "
                    "uitgevoerde notebook beleidsplan.ipynb.")
    report.add_argument("plannen", nargs="+", metavar="plan", help="planbestand(en) (.yaml)")
    report.add_argument("--formaat", default="html,pdf,docx", help="html, pdf en/of docx, met komma's (standaard: alle drie)")
    report.add_argument("--uit", default="uitvoer", metavar="MAP", help="map voor de documenten (standaard: uitvoer)")
    report.add_argument("--secties", default="alle",
                        help=f"alle, of een lijst met komma's uit: {', '.join(BY_ID)}")
    report.add_argument("--taalniveau", default="standaard", choices=list(LANGUAGE_LEVELS),
                        help="standaard of eenvoudig (kortere zinnen in de inleidende hoofdstukken)")
    report.add_argument("--datum", default="", help="datum op het titelblad, JJJJ-MM-DD (standaard: vandaag)")
    report.add_argument("--versie", default="ontwerp",
                        help="versie op het titelblad (standaard: ontwerp, met een kader 'Open punten'); "
                             "'definitief' wordt geweigerd zolang er punten openstaan")
    report.add_argument("--pdf-ua", action="store_true",
                        help="maak de PDF volgens PDF/UA-1 (toegankelijk); dat doet het werkboek nu altijd, de optie blijft voor bestaande scripts")
    report.set_defaults(run=run_report)


def run_report(args) -> int:
    # Heavy imports only here: the other subcommands stay fast.
    from ..report.pipeline import parse_formats
    from ..report.outline import check_language_level, chosen_chapters, is_final, parse_date

    # Everything the user can get wrong is checked before any document is made, the options before
    # the first kernel starts (make_documents: the plans while it boots). A mistake gets its Dutch
    # message in well under a second.
    formats = parse_formats(args.formaat)
    chosen_chapters(args.secties)
    check_language_level(args.taalniveau)
    parse_date(args.datum)
    parameters = {"secties": args.secties, "taalniveau": args.taalniveau, "datum": args.datum,
                  "versie": args.versie}
    out = Path(args.uit).absolute()  # the kernel works in notebooks/: never hand on a relative path
    for plan, paths, seconds in make_documents(args.plannen, out, formats, parameters, final=is_final(args.versie)):
        print(f"Beleidsplan van {plan} gemaakt in {seconds:.1f} s:")
        for ext in (*formats, "ipynb"):
            print(f"  {paths[ext]}")
    return 0


def make_documents(plans: list[str], out: Path, formats: tuple[str, ...], parameters: dict | None = None, *,
                   final: bool = False, phase: Callable[[str], None] = lambda name: None,
                   ) -> Iterator[tuple[str, dict[str, Path], float]]:
    """The policy plan of each plan, as `warmestad rapport` and the app's Beleidsplan page make it:
    yields (plan, {format: path}, seconds) per plan, and tells `phase` when the chapters are made
    ("hoofdstukken") and when the documents ("documenten").

    The output folder is checked before the first kernel starts; the plans (0.2 s to read) and the
    exporters while it boots; the next plan's kernel starts while a plan runs. Every kernel is
    stopped at the end, also after a failure.
    """
    from ..analysis.open_points import refuse_final_with_open_points
    from ..files import check_writable_folder
    from ..report.execute import Kernel, execute
    from ..report.pipeline import Renderer, write_documents

    check_writable_folder(out)
    kernels = [Kernel()]  # boots in its own process while this one reads the plans and builds the exporters
    try:
        from ..store import read_plan  # the plan model: 0.1 s of imports, also while the kernel boots

        for plan in plans:
            checked = read_plan(plan)
            if final:
                refuse_final_with_open_points(plan, checked)
        renderer = Renderer(formats)
        renderer.warm_up()
        for i, plan in enumerate(plans):
            started = time.perf_counter()
            if i + 1 < len(plans):
                kernels.append(Kernel())  # the next plan's kernel starts while this one runs
            phase("hoofdstukken")
            nb = execute(plan, kernel=kernels[i], parameters=parameters)
            phase("documenten")
            paths = write_documents(nb, out, renderer)
            kernels[i].shutdown()
            yield plan, paths, time.perf_counter() - started
    finally:
        for kernel in kernels:
            kernel.shutdown()
