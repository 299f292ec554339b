"""The read-only views of step 1 (checklist, partner table, coverage, kick-off, youth) as the policy plan's
blocks, rendered like the document (plan_view.view); the youth channels are the document's own table."""

from __future__ import annotations

import pandas as pd

from .. import reference, vocab
from ..analysis import kickoff as ko
from ..analysis.commitment import commitment_checklist
from ..analysis.partners import Coverage, partner_rows
from ..analysis.youth import ages_without_channel, channels_by_age
from ..charts.partners import reach_heatmap
from ..formatting import day
from ..model import Plan
from ..report.document import Bullets, Note, Paragraph
from ..report.sections.common import Context, plan_source, source_label
from ..report.sections.network import channel_table
from .plan_view import chart, frame, mark, view


# ---------------------------------------------------------------------------------- checklist


def checklist(plan: Plan) -> str:
    items = commitment_checklist(plan)
    done = sum(item.done for item in items)
    table = frame(pd.DataFrame([[mark(i.done), i.label, i.detail] for i in items],
                               columns=["Stand", "Onderdeel", "Wat er is of nog ontbreekt"]),
                  titel="Engagement: wat er is en wat nog ontbreekt")
    return view("ws-checklist-inhoud", [Paragraph(f"Engagement: {done} van {len(items)} in orde."), table])


# ---------------------------------------------------------------------------------- partners


def partner_table(plan: Plan) -> str:
    df = partner_rows(plan)
    if df.empty:
        return view("ws-partners", [Note("Er staan nog geen partners in het plan.")])
    return view("ws-partners", [frame(df.drop(columns=["Rol"]), titel=f"{len(df)} partners", breed=True)])


# ---------------------------------------------------------------------------------- coverage


def heatmap(plan: Plan) -> str:
    return view("ws-heatmap-figuur", [chart(
        reach_heatmap(plan), titel="Bereik van de partners per pijler en leeftijdsgroep",
        alt="Heatmap: per pijler (rijen) en leeftijdsgroep (kolommen) het aantal partners dat die groep voor die "
            "pijler bereikt; een vak zonder partner is rood gearceerd en toont 0.",
        bron=f"partnerlijst in het plan van {plan.gemeente.naam}")])


def coverage_tables(plan: Plan, c: Coverage) -> str:
    total = len(reference.sectors())
    blocks = [Paragraph(f"{total - len(c.missing_sectors)} van de {total} sectoren zijn vertegenwoordigd "
                        f"({len(plan.partners)} partners).")]
    if c.missing_sectors:
        blocks.append(Paragraph(f"Nog geen enkele partner uit: {', '.join(s.naam for s in c.missing_sectors)}."))
    blocks.append(frame(c.sectors.drop(columns=["Nog niet betrokken"]), titel="Partners en organisatietypes per sector",
                        bron=f"{plan_source(Context(plan))}; sectorindeling: {source_label('sectoren')}"))
    if c.without_reach:
        blocks.append(Note("Zonder pijlers of leeftijdsgroepen (tellen niet mee in de heatmap): "
                           f"{', '.join(p.organisatie for p in c.without_reach)}."))
    return view("ws-dekking-inhoud", blocks)


def gaps(c: Coverage) -> str:
    if not c.gaps:
        return view("ws-blinde-vlekken", [Paragraph("Elke pijler bereikt elke leeftijdsgroep via minstens één partner.")])
    pillars = {p.nummer: p.kort for p in reference.pillars()}
    by_pillar: dict[int, list[str]] = {}
    for pillar, age in c.gaps:
        by_pillar.setdefault(pillar, []).append(vocab.AGE_GROUPS[age])
    return view("ws-blinde-vlekken", [
        Paragraph("Blinde vlekken: nog geen partner voor"),
        Bullets([f"Pijler {p} ({pillars[p]}): {', '.join(ages)}" for p, ages in by_pillar.items()])])


def missing_types(c: Coverage) -> str:
    if not c.missing_types:
        return view("ws-types", [Paragraph("Elk organisatietype uit de lijst is betrokken.")])
    sectors = {s.id: s.naam for s in reference.sectors()}
    lines = [f"{sectors[sector_id]}: {', '.join(t.naam for t in c.missing_types if t.sector == sector_id)}"
             for sector_id in dict.fromkeys(t.sector for t in c.missing_types)]
    source = reference.source("organisatietypes")
    return view("ws-types", [
        Paragraph(f"{len(c.missing_types)} organisatietypes zijn nog niet betrokken. Denk ook verder dan de voor "
                  "de hand liggende partners:"),
        Bullets(lines),
        Paragraph(f"Bron van de lijst: {source.titel}, {source.uitgever}, {source.jaar}.")])


# ---------------------------------------------------------------------------------- kick-off


def kickoff_overview(plan: Plan) -> str:
    parts, proposed = ko.programme(plan)
    slots = pd.DataFrame([{"Tijd": f"{s.start} - {s.einde}", "Onderdeel": s.titel, "Duur (min)": s.duur_min,
                           "Wie": s.wie} for s in ko.schedule(parts)],
                         columns=["Tijd", "Onderdeel", "Duur (min)", "Wie"])
    k = plan.kickoff
    when = day(k.datum) if k.datum else "datum nog te bepalen"
    blocks = [Paragraph(f"Startmoment: {when}{', ' + k.locatie if k.locatie else ''}. Duur: "
                        f"{ko.total_minutes(parts)} minuten.")]
    if proposed:
        blocks.append(Note("Dit is het voorgestelde programma; het staat nog niet in het plan."))
    blocks.append(frame(slots, titel="Programma van het startmoment" + (" (voorstel)" if proposed else "")))
    guests, proposal = ko.invitees(plan)
    a = ko.attendance(plan)
    blocks.append(Paragraph(f"Uitnodigingen: {len(guests)} partners"
                            f"{' (voorstel: nog niemand uitgenodigd)' if proposal else ''}; aanwezig: {a.present}; "
                            f"aanmeldingen: {a.signups}, waarvan {a.signups_open} nog geen partner."))
    blocks.append(frame(ko.invitation_rows(plan), titel="Uitnodigingen en aanwezigheid", breed=True))
    return view("ws-kickoff-overzicht", blocks)


def signups(plan: Plan) -> str:
    rows = [{"Naam": s.naam, "Organisatie": s.organisatie, "E-mail": s.email,
             "Sector": reference.lookup("sectoren")[s.sector].naam if s.sector else "",
             "Partner": plan.partner_name(s.partner_id) or "nog geen partner"} for s in plan.kickoff.aanmeldingen]
    if not rows:
        return view("ws-aanmeldingen", [Note("Nog geen aanmeldingen genoteerd.")])
    return view("ws-aanmeldingen", [frame(pd.DataFrame(rows), titel="Aanmeldingen op het startmoment")])


# ---------------------------------------------------------------------------------- youth


def youth(plan: Plan) -> str:
    missing = ages_without_channel(plan)
    blocks = [Paragraph(f"Nog geen kanaal gepland voor: {', '.join(vocab.AGE_GROUPS[a] for a in missing)}." if missing
                        else "Elke leeftijdsgroep heeft minstens één kanaal.")]
    blocks.append(frame(channels_by_age(plan), titel="Kanalen per leeftijdsgroep"))
    if plan.jongeren.kanalen:
        blocks.append(channel_table(Context(plan)))
    else:
        blocks.append(Note("Nog geen kanalen."))
    return view("ws-jongeren-kanalen", blocks)
