"""`warmestad omgeving` and `warmestad importeer`: the environment analysis (step 2) without a notebook."""

from __future__ import annotations

KINDS = {
    "cijfers": "een export uit de Gemeente-Stadsmonitor of Provincies in Cijfers (CSV of Excel)",
    "bevolking": "het Statbel-bestand per leeftijd (TF_SOC_POP_STRUCT_<jaar>, .zip, .txt of .xlsx)",
    "aanbod": "de lijst met bestaand aanbod (Excel of CSV)",
    "bevraging": "resultaten van een bevraging met de kolommen vraag, antwoord en aantal",
}
TITLES = {"bevolking": "Bevolking 0-24 jaar", "indicatoren": "Indicatoren", "eigen_cijfers": "Eigen cijfers",
          "aanbod": "Bestaand aanbod", "noden": "Noden"}


def register(commands) -> None:
    show = commands.add_parser("omgeving", help="samenvatting van de omgevingsanalyse (stap 2) van een plan")
    show.add_argument("plan", help="het planbestand (.yaml)")
    show.set_defaults(run=run_show)

    load = commands.add_parser("importeer", help="lees cijfers, aanbod of een bevraging in een plan in")
    load.add_argument("soort", choices=list(KINDS), help="; ".join(f"{k}: {v}" for k, v in KINDS.items()))
    load.add_argument("plan", help="het planbestand (.yaml)")
    load.add_argument("bestand", help="het bestand om in te lezen")
    load.add_argument("--bron", default="", help="de bron van de cijfers of de bevraging (verplicht voor cijfers "
                                                 "en bevraging)")
    load.add_argument("--jaar", type=int, help="het jaar, als het niet in het bestand staat")
    load.add_argument("--vervang", action="store_true", help="aanbod: vervang de hele lijst in plaats van toe te "
                                                             "voegen")
    load.set_defaults(run=run_import)


def run_show(args) -> int:
    from ..analysis.summaries import all_texts
    from ..store import read_plan

    for key, text in all_texts(read_plan(args.plan)).items():
        print(f"## {TITLES[key]}\n\n{text}\n")
    return 0


def run_import(args) -> int:
    from ..imports import indicators, offer, statbel, survey
    from ..imports.common import save
    from ..store import read_plan

    plan = read_plan(args.plan)
    if args.soort == "cijfers":
        result = indicators.import_indicators(args.bestand, plan, args.bron, args.jaar)
    elif args.soort == "bevolking":
        result = statbel.import_population(args.bestand, plan, args.jaar, args.bron)
    elif args.soort == "aanbod":
        result = offer.import_offer(args.bestand, plan, "vervangen" if args.vervang else "toevoegen")
    else:
        result = survey.import_survey(args.bestand, plan, args.bron)
    changed = save(args.plan, result)
    print(result.summary())
    print(f"Opgeslagen in {args.plan}." if changed else "Het plan was al zo; niets gewijzigd.")
    return 0
