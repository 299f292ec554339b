"""The regional overview: one HTML and PDF document over all plans of a region (or any set of plans).

Per municipality: progress over the 7 steps, priority pillars, actions per pillar, budget and
partners per sector; for the region: totals and gaps. Built from analysis/region.py, drawn with
charts/region.py, laid out with the blocks and the section template of the policy plan document
(report/document.py, report/html.py, report/typst_markup.py), so both documents look alike. The
charts are drawn once, for the HTML and the PDF's Typst source. All text is escaped (Jinja
autoescape, Typst string literals); a plan that cannot be read is listed with its Dutch reason, the others still count.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import formatting as fmt
from .. import reference
from ..analysis.region import PlanSummary, RegionGaps, RegionTables, RegionTotals, plan_summary, region_gaps
from ..analysis.region import region_tables, region_totals
from ..charts.region import ROWS_PER_CHART, draw
from ..errors import WarmeStadError
from ..store import read_plan
from .document import Bullets, Facts, Figure, Note, Paragraph, Part, Subheading, Table
from .overview_files import OVERVIEW_FORMATS, save_overview
from .sections.common import pillar_label, source_label

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"
TITLE = "Regio-overzicht Warme Steden & Gemeenten"
EXAMPLE_NOTE = ("Dit overzicht bevat voorbeeldplannen om het werkboek te leren kennen. De bevolkingscijfers zijn "
                "echt; acties, budgetten en partners in die plannen zijn verzonnen.")


@dataclass
class Written:
    paths: dict[str, Path] = field(default_factory=dict)
    plans: int = 0
    problems: list[str] = field(default_factory=list)


def load_summaries(paths: list[Path]) -> tuple[list[PlanSummary], list[str]]:
    """The summaries of the plans that can be read, and a Dutch line for each one that cannot."""
    summaries: dict[str, PlanSummary] = {}
    files: dict[str, str] = {}
    problems = []
    for path in paths:
        try:
            summary = plan_summary(read_plan(path))
        except WarmeStadError as exc:
            problems.append(f"{Path(path).name}: {exc}")
            continue
        if summary.nis in summaries:
            problems.append(f"{Path(path).name}: ook {files[summary.nis]} is een plan van {summary.naam}; "
                            f"enkel dat eerste plan telt mee.")
            continue
        summaries[summary.nis] = summary
        files[summary.nis] = Path(path).name
    ordered = sorted(summaries.values(), key=lambda s: (s.regio, s.naam))
    return ordered, problems


def region_name(summaries: list[PlanSummary]) -> str:
    regions = sorted({s.regio for s in summaries if s.regio})
    if len(regions) == 1:
        return f"Gezondheidsmakers {regions[0]}"
    return f"{fmt.count(len(summaries), 'gemeente', 'gemeenten')} uit {len(regions)} regio's"


# ------------------------------------------------------------------------------------ sections


def _groups(tables: RegionTables) -> list[tuple[str, list[str]]]:
    """(title, municipalities) per chart: per region, at most ROWS_PER_CHART rows each."""
    groups = []
    for region, names in tables.kern.groupby("regio", sort=False).groups.items():
        names = list(names)
        parts = [names[i:i + ROWS_PER_CHART] for i in range(0, len(names), ROWS_PER_CHART)]
        for n, part in enumerate(parts, start=1):
            suffix = f" ({n} van {len(parts)})" if len(parts) > 1 else ""
            groups.append((f"{region or 'regio onbekend'}{suffix}", part))
    return groups


def _plans_source(summaries: list[PlanSummary]) -> str:
    return f"de plannen van de {fmt.count(len(summaries), 'gemeente', 'gemeenten')}"


def summary_section(totals: RegionTotals, gaps: RegionGaps, summaries: list[PlanSummary], problems: list[str]) -> Part:
    in_regions = sum(len(m) for m in gaps.zonder_plan.values()) + totals.gemeenten
    per_young = fmt.euro(totals.budget_acties / totals.jongeren) if totals.jongeren else "-"
    facts = [
        ("Gemeenten met een plan", f"{totals.gemeenten} van de {in_regions} gemeenten in "
                                   f"{'de regio' if len({s.regio for s in summaries}) == 1 else 'deze regio' + chr(39) + 's'}"),
        ("Acties", f"{totals.acties}, waarvan {totals.acties_zonder_budget} nog zonder budget"),
        ("Budget voor acties", fmt.euro(totals.budget_acties)),
        ("Werkingsbudget per jaar", fmt.euro(totals.werkingsbudget)),
        ("Kinderen en jongeren (0-24 jaar)", f"{fmt.number(totals.jongeren)} op 1 januari 2026"),
        ("Budget voor acties per jongere", per_young),
        ("Partners", str(totals.partners)),
    ]
    blocks = [Paragraph("Dit overzicht zet de plannen van de gemeenten naast elkaar: hoe ver ze staan in de 7 "
                        "stappen, welke pijlers ze kiezen, hoeveel acties en budget daar tegenover staan, en met "
                        "welke partners ze werken. Het toont ook wat in de regio nog ontbreekt."),
              Facts(facts)]
    highlights = gap_lines(gaps, limit=3)[:6]
    if highlights:
        blocks += [Subheading("Wat opvalt"), Bullets(highlights)]
    if problems:
        blocks.append(Note(f"{fmt.count(len(problems), 'plan telt', 'plannen tellen')} niet mee omdat "
                           f"{'het' if len(problems) == 1 else 'ze'} niet gelezen kon{'' if len(problems) == 1 else 'den'} "
                           f"worden: zie 'Bronnen en werkwijze'."))
    if any(s.voorbeeld for s in summaries):
        blocks.append(Note("Een of meer plannen zijn voorbeeldplannen: hun acties, budgetten en partners zijn "
                           "verzonnen. De bevolkingscijfers zijn echt."))
    return Part("samenvatting", "1", "Samenvatting", blocks)


def progress_section(tables: RegionTables, totals: RegionTotals, summaries: list[PlanSummary]) -> Part:
    steps = reference.steps()
    klaar = [totals.stappen_klaar[s.nummer] for s in steps]
    achter = [int((tables.stappen[s.nummer] < 0.5).sum()) for s in steps]
    onderweg = [len(tables.kern) - k - a for k, a in zip(klaar, achter)]
    source = f"{_plans_source(summaries)}; de checklist per stap uit {source_label('stappen')}"
    blocks = [
        Paragraph("Elke stap heeft een checklist: de punten die volgens de 7 stappen van de Gezonde "
                  "Gemeente-cyclus klaar moeten zijn. Per gemeente staat hier welk deel daarvan in haar plan klaar "
                  "is. Stappen worden vaak tegelijk of opnieuw doorlopen, dus een gemeente kan in een latere stap "
                  "verder staan dan in een vroegere."),
        Bullets([f"Stap {s.nummer}: {s.naam}" for s in steps]),
        Figure("stappen_klaar", {"stappen": [f"{s.nummer}. {s.naam}" for s in steps], "klaar": klaar,
                                 "onderweg": onderweg, "achter": achter},
               "Aantal gemeenten per stap volgens hun checklist", _alt_steps(steps, klaar, onderweg, achter), source),
    ]
    for title, names in _groups(tables):
        values = tables.stappen.loc[names]
        blocks.append(Figure(
            "voortgang", {"gemeenten": names, "stappen": [f"stap {s.nummer}" for s in steps],
                          "waarden": values.round(3).values.tolist()},
            f"Voortgang per gemeente en per stap (in % van de checklist) - {title}",
            f"Heatmap met per gemeente van {title} het deel van de checklist dat klaar is, voor elk van de 7 stappen. "
            + "; ".join(f"{n}: {', '.join(fmt.percent(100 * v, 0) for v in row)}" for n, row in zip(names, values.values)),
            source))
    return Part("voortgang", "2", "Voortgang over de 7 stappen", blocks)


def _alt_steps(steps, klaar, onderweg, achter) -> str:
    return "Gestapelde staven per stap: " + "; ".join(
        f"stap {s.nummer}: {k} klaar, {o} half of meer, {a} minder dan half"
        for s, k, o, a in zip(steps, klaar, onderweg, achter))


def pillar_section(tables: RegionTables, totals: RegionTotals, summaries: list[PlanSummary]) -> Part:
    pillars = reference.pillars()
    rows = [{"nummer": p.nummer, "label": pillar_label(p.nummer), "prioriteit": totals.prioriteit_per_pijler[p.nummer],
             "acties": totals.acties_per_pijler[p.nummer]} for p in pillars]
    source = f"{_plans_source(summaries)}; de pijlers uit {source_label('pijlers')}"
    blocks = [
        Paragraph("Links: hoeveel gemeenten een pijler als prioriteit kozen. Rechts: hoeveel acties de regio per "
                  "pijler heeft; een actie telt mee bij elk van haar pijlers."),
        Figure("pijler_totalen", {"pijlers": rows, "gemeenten": totals.gemeenten},
               "Prioriteiten en acties per pijler in de regio",
               "Staafdiagram per pijler: " + "; ".join(
                   f"{r['label']}: {r['prioriteit']} gemeenten met prioriteit, {r['acties']} acties" for r in rows),
               source),
        Paragraph("Per gemeente: het aantal acties per pijler. Een kader duidt een pijler aan die de gemeente als "
                  "prioriteit koos; een leeg kader is een prioriteit waar nog geen actie tegenover staat."),
    ]
    labels = [pillar_label(p.nummer) for p in pillars]
    for title, names in _groups(tables):
        acties, prioriteit = tables.acties.loc[names], tables.prioriteit.loc[names]
        blocks.append(Figure(
            "pijlers", {"gemeenten": names, "pijlers": labels, "acties": acties.values.tolist(),
                        "prioriteit": prioriteit.values.tolist()},
            f"Acties per pijler en prioritaire pijlers per gemeente - {title}",
            f"Heatmap met per gemeente van {title} het aantal acties voor elk van de {len(pillars)} pijlers, "
            "prioriteiten omkaderd. "
            + "; ".join(f"{n}: {', '.join(f'{p} {count}' for p, count in zip(labels, a))}; prioriteit "
                        f"{', '.join(p for p, on in zip(labels, pr) if on) or 'geen'}"
                        for n, a, pr in zip(names, acties.values, prioriteit.values)),
            source))
    return Part("pijlers", "3", "Prioriteiten en acties per pijler", blocks)


def budget_section(tables: RegionTables, totals: RegionTotals, summaries: list[PlanSummary]) -> Part:
    kern = tables.kern
    source = f"{_plans_source(summaries)}; bevolking 0-24 jaar: {source_label('bevolking')}"
    blocks = [Paragraph("Het budget voor acties is de som van de budgetten die in de plannen bij de acties staan. "
                        "Gedeeld door het aantal inwoners van 0 tot 24 jaar zijn gemeenten van verschillende grootte "
                        "te vergelijken.")]
    if totals.acties_zonder_budget:
        n = totals.acties_zonder_budget
        blocks.append(Note(f"{fmt.count(n, 'actie heeft', 'acties hebben')} nog geen budget; "
                           f"{'die telt' if n == 1 else 'die tellen'} hier niet mee."))
    per_young = {name: None if v != v else round(float(v), 2) for name, v in kern["budget_per_jongere"].items()}
    all_labels = {name: f"{fmt.euro(v)} per jongere, totaal {fmt.euro(kern.at[name, 'budget_acties'])}"
                  if v is not None else f"totaal {fmt.euro(kern.at[name, 'budget_acties'])}"
                  for name, v in per_young.items()}
    # One axis for every chart of the section: € 10 per young person is as long in each region.
    scale = {"gemeenten": list(per_young), "per_jongere": list(per_young.values()), "labels": list(all_labels.values())}
    for title, names in _groups(tables):
        labels = [all_labels[n] for n in names]
        blocks.append(Figure(
            "budget", {"gemeenten": names, "per_jongere": [per_young[n] for n in names], "labels": labels,
                       "schaal": scale},
            f"Budget voor acties per inwoner van 0-24 jaar - {title}",
            f"Staafdiagram met per gemeente van {title} het budget voor acties per jongere: " + "; ".join(
                f"{n}: {lab}" for n, lab in zip(names, labels)),
            source))
    return Part("budget", "4", "Budget", blocks)


def partner_section(tables: RegionTables, totals: RegionTotals, gaps: RegionGaps, summaries: list[PlanSummary]) -> Part:
    sectors = reference.sectors()
    source = f"{_plans_source(summaries)}; sectoren uit {source_label('sectoren')}"
    blocks = [Paragraph("Het aantal partners per sector in elk plan. Een lege cel is een sector waar de gemeente "
                        "nog geen partner heeft.")]
    for title, names in _groups(tables):
        values = tables.partners.loc[names]
        blocks.append(Figure(
            "sectoren", {"gemeenten": names, "sectoren": [s.naam for s in sectors], "partners": values.values.tolist()},
            f"Partners per sector en per gemeente - {title}",
            f"Heatmap met per gemeente van {title} het aantal partners in elk van de {len(sectors)} sectoren. "
            + "; ".join(f"{n}: {', '.join(f'{s.naam} {v}' for s, v in zip(sectors, row) if v) or 'geen partners'}"
                        for n, row in zip(names, values.values)),
            source))
    rows = [[s.naam, str(totals.partners_per_sector[s.id]), str(len(gaps.sector_ontbreekt.get(s.id, [])))]
            for s in sectors]
    blocks.append(Table(["Sector", "Partners in de regio", "Gemeenten zonder partner"], rows,
                        titel="Partners per sector in de regio", bron=source, rechts=[1, 2]))
    return Part("partners", "5", "Partners per sector", blocks)


def gap_lines(gaps: RegionGaps, limit: int | None = None) -> list[str]:
    """The gaps as Dutch sentences; `limit` shortens long lists of municipalities."""

    def names(items: list[str]) -> str:
        if limit is None or len(items) <= limit:
            return fmt.join(items)
        return f"{', '.join(items[:limit])} en {len(items) - limit} andere"

    sectors = reference.lookup("sectoren")
    lines = []
    for region, missing in gaps.zonder_plan.items():
        lines.append(f"Nog geen plan in dit overzicht voor {fmt.count(len(missing), 'gemeente', 'gemeenten')} van "
                     f"Gezondheidsmakers {region}: {names(missing)}.")
    for p in gaps.pijlers_zonder_prioriteit:
        lines.append(f"Geen enkele gemeente koos pijler {pillar_label(p)} als prioriteit.")
    for p in gaps.pijlers_zonder_actie:
        lines.append(f"Er is in de regio geen enkele actie voor pijler {pillar_label(p)}.")
    by_pillar: dict[int, list[str]] = {}
    for municipality, numbers in gaps.prioriteit_zonder_actie.items():
        for p in numbers:
            by_pillar.setdefault(p, []).append(municipality)
    for p, municipalities in sorted(by_pillar.items()):
        lines.append(f"Prioriteit zonder actie voor pijler {pillar_label(p)}: {names(municipalities)}.")
    for sector_id, municipalities in sorted(gaps.sector_ontbreekt.items(), key=lambda x: -len(x[1])):
        lines.append(f"Geen partner uit de sector {sectors[sector_id].naam.lower()} in "
                     f"{fmt.count(len(municipalities), 'gemeente', 'gemeenten')}: {names(municipalities)}.")
    if gaps.zonder_acties:
        lines.append(f"Nog geen acties in het plan: {names(gaps.zonder_acties)}.")
    behind = [(step, n) for step, n in gaps.achterstand_per_stap.items() if n]
    if behind:
        step, n = max(behind, key=lambda x: x[1])
        lines.append(f"De meeste achterstand zit in stap {step} ({reference.lookup('stappen')[step].naam}): "
                     f"{fmt.count(n, 'gemeente heeft', 'gemeenten hebben')} minder dan de helft van de checklist klaar.")
    return lines


def gaps_section(gaps: RegionGaps) -> Part:
    lines = gap_lines(gaps, limit=12)
    blocks = [Paragraph("Wat in de regio nog ontbreekt: gemeenten zonder plan, pijlers zonder prioriteit of actie, "
                        "sectoren zonder partners en de stap met de meeste achterstand.")]
    blocks.append(Bullets(lines) if lines else Note("Geen hiaten gevonden in de plannen van deze regio."))
    return Part("hiaten", "6", "Hiaten in de regio", blocks)


def table_section(tables: RegionTables, summaries: list[PlanSummary]) -> Part:
    multi = len({s.regio for s in summaries}) > 1
    columns = ["Gemeente"] + (["Regio"] if multi else []) + ["Voortgang", "Prioritaire pijlers", "Acties",
                                                               "Budget acties", "Partners", "Sectoren zonder partner"]
    n_sectors = tables.partners.shape[1]
    # Example plans are marked per row only when examples and real plans are mixed (else the cover says it).
    mixed = len({s.voorbeeld for s in summaries}) > 1
    rows = []
    for s in summaries:
        k = tables.kern.loc[s.naam]
        row = [fmt.aside(s.naam, "voorbeeld" if s.voorbeeld and mixed else None)] + ([s.regio] if multi else [])
        row += [fmt.percent(100 * k["voortgang"], 0), "; ".join(pillar_label(p) for p in s.prioriteiten) or "-",
                str(s.acties),
                fmt.euro(k["budget_acties"]), str(s.partners),
                str(int((tables.partners.loc[s.naam] == 0).sum())) + f" van {n_sectors}"]
        rows.append(row)
    right = [i for i, c in enumerate(columns) if c in ("Voortgang", "Acties", "Budget acties", "Partners")]
    return Part("gemeenten", "7", "Overzicht per gemeente", [
        Table(columns, rows, titel="Kerncijfers per gemeente", bron=_plans_source(summaries), rechts=right, breed=multi)])


def sources_section(summaries: list[PlanSummary], problems: list[str]) -> Part:
    blocks = [Bullets([
        f"Plannen: {_plans_source(summaries)}, zoals ze op de datum van dit overzicht waren.",
        f"Bevolking van 0 tot 24 jaar: {source_label('bevolking')}.",
        f"Pijlers: {source_label('pijlers')}.",
        f"Stappen en checklist: {source_label('stappen')}.",
        f"Sectoren: {source_label('sectoren')}.",
    ])]
    if problems:
        blocks += [Subheading("Plannen die niet meetellen"), Bullets(problems)]
    return Part("bronnen", "", "Bronnen en werkwijze", blocks)


def build_sections(summaries: list[PlanSummary], problems: list[str]) -> list[Part]:
    tables = region_tables(summaries)
    totals = region_totals(tables)
    gaps = region_gaps(tables, summaries)
    return [summary_section(totals, gaps, summaries, problems), progress_section(tables, totals, summaries),
            pillar_section(tables, totals, summaries), budget_section(tables, totals, summaries),
            partner_section(tables, totals, gaps, summaries), gaps_section(gaps), table_section(tables, summaries),
            sources_section(summaries, problems)]


# ------------------------------------------------------------------------------------ document


@functools.cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES / "overzicht"), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def render_pages(summaries: list[PlanSummary], problems: list[str], datum: date) -> dict[str, str]:
    """{"html": the page, "typst": the PDF's source}, from the same sections and charts."""
    from . import html, typst_markup

    if not summaries:
        raise WarmeStadError("Geen enkel plan kon gelezen worden, dus er is geen overzicht:\n" + "\n".join(problems))
    sections = [html.draw_charts(s, draw) for s in build_sections(summaries, problems)]
    regio, note = region_name(summaries), EXAMPLE_NOTE if any(s.voorbeeld for s in summaries) else ""
    css = (TEMPLATES / "beleidsplan" / "static" / "beleidsplan.css").read_text(encoding="utf-8")
    css += (TEMPLATES / "overzicht" / "overzicht.css").read_text(encoding="utf-8")
    page = _environment().get_template("overzicht.html.j2").render(
        titel=TITLE, regio=regio, datum=fmt.day(datum), aantal=len(summaries), voorbeeld_tekst=note, css=Markup(css),
        inhoud=[(f"h-{s.id}", s.nummer, s.titel) for s in sections],
        secties=[Markup(html.render_section(s)) for s in sections])
    # The overview is short: its table of contents shares the cover page.
    source = (typst_markup.house_style() + typst_markup.document_start(TITLE, regio, bool(note))
              + typst_markup.cover_page(TITLE, regio, [("Plannen", str(len(summaries))), ("Datum", fmt.day(datum))],
                                        note or None, contents_own_page=False)
              + "".join(typst_markup.render_section(s) for s in sections))
    return {"html": page, "typst": source}


def build_overview(plans: list[Path], datum: date | None = None) -> tuple[dict[str, str], Written]:
    """The overview's HTML page and Typst source, and how many plans count and which could not be read
    (no files written)."""
    summaries, problems = load_summaries(plans)
    pages = render_pages(summaries, problems, datum or date.today())
    return pages, Written(plans=len(summaries), problems=problems)


def write_overview(plans: list[Path], out: Path, formats: tuple[str, ...] = OVERVIEW_FORMATS,
                   datum: date | None = None) -> Written:
    """Build the overview and write <out>/regio-overzicht.{html,pdf} (`warmestad overzicht`)."""
    from .typst_pdf import PdfCompiler

    pages, written = build_overview(plans, datum)
    written.paths = save_overview(out, pages, formats, lambda source: PdfCompiler().render(source))
    return written
