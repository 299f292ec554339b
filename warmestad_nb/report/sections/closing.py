"""Evaluation and anchoring (steps 6-7), and the annex with sources and definitions."""

from __future__ import annotations

from ... import reference, vocab
from ..document import Bullets, Facts, Note, Paragraph, Subheading, Table
from ... import formatting as fmt
from .common import Context, plan_source, subject_titles
from .situation import indicator_method

def _unit(unit: str) -> str:
    # In running text the sign reads as a word: 'in procent', not 'in %'.
    return "procent" if unit == "%" else unit


def _kind(definition) -> str:
    """'aandeel van de geboorten, in procent'; an index is just 'index' (not 'index, in index')."""
    kind = "aandeel van de " + definition.noemer if definition.soort == "aandeel" else "index"
    unit = _unit(definition.eenheid)
    return kind if unit in ("", "index") else f"{kind}, in {unit}"


# Reference tables the document draws on, in the order the annex lists them.
ANNEX_TABLES = ("bevolking", "stadsmonitor", "vlaamse_cijfers", "gemeenten", "pijlers", "stappen", "sectoren",
                "inspiratiebox", "beleidsvelden", "sdgs", "sdg_targets", "vizier2030")


def evaluation(ctx: Context) -> list:
    plan = ctx.plan
    blocks = _evaluation_plan(ctx) + [Subheading("Evaluatie")]
    if not plan.evaluaties:
        blocks.append(Note("Er is nog geen evaluatie opgenomen in het plan (stap 6)."))
    for ev in sorted(plan.evaluaties, key=lambda e: e.jaar, reverse=True):
        if ev.metingen:
            blocks.append(Table(
                ["Indicator", "Streefwaarde", "Gemeten", "Eenheid", "Toelichting"],
                [[m.indicator, _num(m.streefwaarde), _num(m.waarde, "nog niet gemeten"), m.eenheid or "-",
                  m.toelichting or "-"] for m in ev.metingen],
                titel=f"Metingen {ev.jaar}", bron=f"Eigen evaluatie {ctx.gemeente} {ev.jaar}", rechts=[1, 2]))
        if ev.wat_werkte:
            blocks.append(Paragraph(f"Wat werkte in {ev.jaar}:"))
            blocks.append(Bullets(fmt.paragraphs(ev.wat_werkte)))
        if ev.bijsturing:
            blocks.append(Paragraph("Bijsturing:"))
            blocks.append(Bullets(fmt.paragraphs(ev.bijsturing)))
    v = plan.verankering
    blocks.append(Subheading("Verankering in het gemeentebeleid"))
    titles = subject_titles(plan)
    if v.items:
        blocks.append(Table(["Doelstelling of actie", "Plaats", "Referentie"],
                            [[titles.get(i.onderwerp, i.onderwerp), vocab.ANCHOR_PLACES[i.plaats],
                              " ".join(i.referentie.split()) or "-"] for i in v.items],
                            titel="Waar het plan verankerd is"))
    else:
        blocks.append(Note("De verankering in meerjarenplan, budget of beleidsnota staat nog niet in het plan (stap 7)."))
    blocks += [Paragraph(p) for p in fmt.paragraphs(v.notities)]
    return blocks


def _evaluation_plan(ctx: Context) -> list:
    """What is measured, against which target, by when and by whom: one row per goal."""
    goals = ctx.plan.prioriteiten.doelstellingen
    blocks = [Subheading("Evaluatieplan")]
    if not goals:
        return blocks + [Note("Zonder doelstellingen is er nog geen evaluatieplan.")]
    return blocks + [
        Paragraph("Elke doelstelling wordt gemeten met haar indicator en streefwaarde; de eigenaar volgt ze op "
                  "en brengt verslag uit bij de evaluatie."),
        Table(["Doelstelling", "Indicator", "Streefwaarde", "Tegen", "Eigenaar"],
              [[g.titel, " ".join(g.indicator.split()) or "-", g.streefwaarde or "-", fmt.day(g.deadline),
                g.eigenaar or "-"] for g in goals],
              titel="Evaluatieplan", bron=plan_source(ctx)),
    ]


def _num(value: float | None, empty: str = "-") -> str:
    if value is None:
        return empty
    return fmt.number(value, 0 if value == int(value) else 1)


def _practices(plan) -> list:
    """The practices of the inspiratiebox the actions start from: their kind and where they are described."""
    ids = list(dict.fromkeys(a.catalogus_id for a in plan.acties if a.catalogus_id))
    if not ids:
        return []
    practices = [reference.practice(i) for i in ids]
    # A list, not a table: a long address would take the whole width of a table column.
    return [Subheading("Praktijken uit de inspiratiebox in dit plan"),
            Bullets([f"{p.titel} ({vocab.PRACTICE_KINDS[p.soort]}), beschreven in {p.bron_adres}" for p in practices])]


def annex(ctx: Context) -> list:
    plan = ctx.plan
    rows = []
    for table in ANNEX_TABLES:
        src = reference.source(table)
        rows.append([src.titel, src.uitgever, str(src.jaar), src.opmerking or "-"])
    for c in plan.omgevingsanalyse.eigen_cijfers:
        rows.append([f"{c.indicator} (eigen cijfer)", c.bron, str(c.jaar), "aangeleverd door de gemeente"])
    if plan.omgevingsanalyse.enquete:
        rows.append(["Bevraging", plan.omgevingsanalyse.enquete_bron or "eigen bevraging", "-", "aangeleverd door de gemeente"])
    blocks = [
        Subheading("Bronnen"),
        Table(["Gegeven", "Uitgever", "Jaar", "Opmerking"], rows, titel="Gebruikte bronnen", breed=True),
    ]
    method = indicator_method(ctx)
    if method:
        blocks += [Subheading("Hoe de indicatoren berekend zijn"), Bullets(method)]
    blocks += _practices(plan)
    if plan.voorbeeld:
        blocks.append(Note("Dit is een voorbeeldplan: de cijfers uit de officiële bronnen zijn echt, de inhoud van "
                           "het plan (personen, acties, budgetten, bevragingen) is verzonnen ter illustratie."))
    blocks.append(Subheading("Definities"))
    definitions = [(f"{d.naam} ({d.code})", f"{_kind(d)}; {d.bron.opmerking}") for d in reference.indicator_defs()]
    definitions += [
        ("Mediaan van de gemeenten", "de middelste waarde als alle gemeenten van laag naar hoog staan; "
                                     "geen gemiddelde over alle inwoners"),
        ("SMART", "specifiek, meetbaar, aanvaardbaar, realistisch en tijdsgebonden"),
        ("Gezondheidsmatrix", "ordent acties naar strategie (" + ", ".join(vocab.STRATEGIES.values())
         + ") en niveau (" + ", ".join(vocab.LEVELS.values()) + ")"),
        ("Universele preventie", "preventie voor alle kinderen en jongeren, niet alleen voor risicogroepen"),
        ("Meerjarenplan (BBC)", "beleidsdoelstelling, actieplan en actie van de beleids- en beheerscyclus; "
                                "prioritair beleid is beleid waarover de gemeenteraad opvolging vraagt"),
        ("Beleidsveld", "code uit de regels van de beleids- en beheerscyclus voor het domein van een uitgave in "
                        "het meerjarenplan; de titels in dit werkboek zijn een eigen samenvatting"),
        ("SDG-subdoel", "een target van de duurzame ontwikkelingsdoelen van de Verenigde Naties"),
        ("Vizier 2030", "het Vlaamse kader met doelstellingen voor 2030"),
    ]
    blocks.append(Facts(definitions))
    return blocks
