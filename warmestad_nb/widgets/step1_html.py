"""HTML for the read-only views of step 1 (checklist, partner table, coverage, kick-off, youth); all escaped."""

from __future__ import annotations

import re

import pandas as pd

from .. import reference, vocab
from ..analysis import kickoff as ko
from ..analysis.commitment import commitment_checklist
from ..analysis.partners import Coverage, partner_rows
from ..analysis.youth import ages_without_channel, channels_by_age
from ..charts import to_svg
from ..charts.partners import reach_heatmap
from ..formatting import day
from ..model import Plan
from .common import HIDDEN_LABEL_CSS, esc

TABLE_CSS = "ws-tabel"
STYLE = """<style>
table.ws-tabel { border-collapse: collapse; font-size: 0.9em; margin: 0.3em 0 0.8em; }
table.ws-tabel th, table.ws-tabel td { border: 1px solid #ccd3da; padding: 0.2em 0.5em; text-align: left;
  vertical-align: top; line-height: 1.35; }
table.ws-tabel th { background: #e8eef4; }
.ws-klaar { color: #1a7f37; font-weight: bold; }
.ws-open { color: #c0392b; font-weight: bold; }
.ws-fout, .ws-status-error, .ws-status-conflict { color: #c0392b; }
.ws-ok, .ws-status-ok { color: #1a7f37; }
.ws-pad { color: #52606d; font-size: 0.85em; }
.ws-types p { margin: 0.2em 0; }
""" + HIDDEN_LABEL_CSS + """
</style>"""


def frame(df: pd.DataFrame, css: str = TABLE_CSS) -> str:
    """A DataFrame as an escaped HTML table without its index."""
    return df.to_html(index=False, escape=True, classes=css, border=0, na_rep="", justify="left")


def bullets(lines: list[str], css: str = "") -> str:
    items = "".join(f"<li>{esc(line)}</li>" for line in lines)
    return f'<ul class="{css}">{items}</ul>'


# ---------------------------------------------------------------------------------- checklist


def checklist(plan: Plan) -> str:
    rows = []
    for item in commitment_checklist(plan):
        mark = ('<span class="ws-klaar">✔ in orde</span>' if item.done
                else '<span class="ws-open">✘ ontbreekt</span>')
        rows.append(f"<tr><td>{mark}</td><td>{esc(item.label)}</td><td>{esc(item.detail)}</td></tr>")
    done = sum(item.done for item in commitment_checklist(plan))
    total = len(rows)
    return (f'{STYLE}<div class="ws-checklist-inhoud"><p><b>Engagement: {done} van {total} in orde.</b></p>'
            f'<table class="{TABLE_CSS}"><tr><th>Stand</th><th>Onderdeel</th><th>Wat er is of nog ontbreekt</th></tr>'
            f'{"".join(rows)}</table></div>')


# ---------------------------------------------------------------------------------- partners


def partner_table(plan: Plan) -> str:
    df = partner_rows(plan)
    if df.empty:
        return f'{STYLE}<p class="ws-info">Er staan nog geen partners in het plan.</p>'
    return f"{STYLE}<p><b>{len(df)} partners</b></p>{frame(df.drop(columns=['Rol']))}"


# ---------------------------------------------------------------------------------- coverage


def _svg_body(svg: str) -> str:
    # Drop the XML prologue so the SVG can sit inside HTML; make it scale with the page.
    svg = svg[svg.find("<svg"):]
    return re.sub(r'<svg([^>]*?) width="[^"]+" height="[^"]+"', r'<svg\1 style="width:100%;max-width:46em;height:auto"',
                  svg, count=1)


def heatmap(plan: Plan) -> str:
    fig = reach_heatmap(plan)
    return f'<div class="ws-heatmap-figuur">{_svg_body(to_svg(fig))}</div>'


def coverage_tables(plan: Plan, c: Coverage) -> str:
    present = len(reference.sectors()) - len(c.missing_sectors)
    parts = [STYLE, f"<p><b>{present} van de {len(reference.sectors())} sectoren zijn vertegenwoordigd "
                    f"({len(plan.partners)} partners).</b></p>"]
    if c.missing_sectors:
        parts.append(f'<p class="ws-ontbrekende-sectoren">Nog geen enkele partner uit: '
                     f'<b>{esc(", ".join(s.naam for s in c.missing_sectors))}</b>.</p>')
    parts.append(frame(c.sectors.drop(columns=["Nog niet betrokken"])))
    if c.without_reach:
        parts.append(f'<p class="ws-info">Zonder pijlers of leeftijdsgroepen (tellen niet mee in de heatmap): '
                     f'{esc(", ".join(p.organisatie for p in c.without_reach))}.</p>')
    return "".join(parts)


def gaps(c: Coverage) -> str:
    if not c.gaps:
        return '<p class="ws-ok">Elke pijler bereikt elke leeftijdsgroep via minstens één partner.</p>'
    pillars = {p.nummer: p.kort for p in reference.pillars()}
    by_pillar: dict[int, list[str]] = {}
    for pillar, age in c.gaps:
        by_pillar.setdefault(pillar, []).append(vocab.AGE_GROUPS[age])
    lines = [f"Pijler {p} ({pillars[p]}): {', '.join(ages)}" for p, ages in by_pillar.items()]
    return "<p><b>Blinde vlekken: nog geen partner voor</b></p>" + bullets(lines, "ws-blinde-vlekken")


def missing_types(c: Coverage) -> str:
    if not c.missing_types:
        return '<p class="ws-ok">Elk organisatietype uit de lijst is betrokken.</p>'
    sectors = {s.id: s.naam for s in reference.sectors()}
    parts = [f"<p><b>{len(c.missing_types)} organisatietypes zijn nog niet betrokken.</b> Denk ook verder "
             "dan de voor de hand liggende partners:</p>"]
    for sector_id in dict.fromkeys(t.sector for t in c.missing_types):
        names = ", ".join(t.naam for t in c.missing_types if t.sector == sector_id)
        parts.append(f"<p><b>{esc(sectors[sector_id])}:</b> {esc(names)}</p>")
    source = reference.source("organisatietypes")
    parts.append(f'<p class="ws-pad">Bron van de lijst: {esc(source.titel)}, {esc(source.uitgever)}, '
                 f"{esc(source.jaar)}.</p>")
    return f'<div class="ws-types">{"".join(parts)}</div>'


# ---------------------------------------------------------------------------------- kick-off


def kickoff_overview(plan: Plan) -> str:
    parts_, proposed = ko.programme(plan)
    slots = pd.DataFrame(
        [{"Tijd": f"{s.start} - {s.einde}", "Onderdeel": s.titel, "Duur (min)": s.duur_min, "Wie": s.wie}
         for s in ko.schedule(parts_)]
    )
    k = plan.kickoff
    when = day(k.datum) if k.datum else "datum nog te bepalen"
    intro = f"<p><b>Startmoment: {esc(when)}{', ' + esc(k.locatie) if k.locatie else ''}. Duur: " \
            f"{ko.total_minutes(parts_)} minuten.</b></p>"
    if proposed:
        intro += '<p class="ws-info">Dit is het voorgestelde programma; het staat nog niet in het plan.</p>'
    guests, proposal = ko.invitees(plan)
    a = ko.attendance(plan)
    invited = (f"<p><b>Uitnodigingen:</b> {len(guests)} partners"
               f"{' (voorstel: nog niemand uitgenodigd)' if proposal else ''}; aanwezig: {a.present}; "
               f"aanmeldingen: {a.signups}, waarvan {a.signups_open} nog geen partner.</p>")
    return STYLE + intro + frame(slots) + invited + frame(ko.invitation_rows(plan))


def signups(plan: Plan) -> str:
    rows = [{"Naam": s.naam, "Organisatie": s.organisatie, "E-mail": s.email,
             "Sector": reference.lookup("sectoren")[s.sector].naam if s.sector else "",
             "Partner": plan.partner_name(s.partner_id) or "nog geen partner"} for s in plan.kickoff.aanmeldingen]
    if not rows:
        return '<p class="ws-info">Nog geen aanmeldingen genoteerd.</p>'
    return STYLE + frame(pd.DataFrame(rows))


# ---------------------------------------------------------------------------------- youth


def youth(plan: Plan) -> str:
    channels = [{"Kanaal": vocab.YOUTH_CHANNELS[k.kanaal],
                 "Leeftijdsgroepen": ", ".join(a for a in vocab.AGE_GROUPS if a in k.leeftijdsgroepen),
                 "Boodschap": k.boodschap, "Wanneer": day(k.datum) if k.datum else "",
                 "Uitgevoerd": "ja" if k.uitgevoerd else "nee"} for k in plan.jongeren.kanalen]
    parts = [STYLE]
    missing = ages_without_channel(plan)
    if missing:
        parts.append(f'<p class="ws-fout ws-jongeren-ontbreekt"><b>Nog geen kanaal gepland voor: '
                     f'{esc(", ".join(vocab.AGE_GROUPS[a] for a in missing))}.</b></p>')
    else:
        parts.append('<p class="ws-ok"><b>Elke leeftijdsgroep heeft minstens één kanaal.</b></p>')
    parts.append(frame(channels_by_age(plan)))
    parts.append(frame(pd.DataFrame(channels)) if channels else '<p class="ws-info">Nog geen kanalen.</p>')
    return "".join(parts)
