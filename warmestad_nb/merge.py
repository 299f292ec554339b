"""Plans of former municipalities merged into one plan for the municipality they became (2025).

Every partner, goal and action of every plan ends up exactly once in the result: the same
organisation in two plans becomes one partner (pillars and age groups combined), and an id that
two plans both use gets the former municipality's name added. Every change is listed, in Dutch,
in the merge report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from . import reference, vocab
from .carryover import CYCLE_ORDER
from .errors import WarmeStadError
from .formatting import euro, join
from .ids import new_id
from .model import (
    Aanbod, Bestuur, EnqueteAntwoord, Evaluatie, Jongerenbetrokkenheid, Lid, Meerjarenplan, Omgevingsanalyse, Orgaan,
    Partner, Persoon,
    PijlerScore, Plan, Prioriteiten, Verankering, VorigeKoppeling,
)
from .validation import dutch_problems


def _key(text: str) -> str:
    """'Stad Gent - Jeugddienst' and 'stad gent jeugddienst' are the same organisation."""
    return reference.plain_text(text).replace(" ", "")


ENGAGEMENT_LABELS = {
    "collegebeslissing_datum": "datum van de collegebeslissing",
    "collegebeslissing_referentie": "referentie van de collegebeslissing",
    "budget_eur": "werkingsbudget",
    "afspraak_logo": "afspraak met de Logo",
    "afspraak_logo_datum": "datum van de afspraak met de Logo",
    "vast_agendapunt": "overleg waar het project een vast agendapunt is",
}


def _show(value: object, limit: int = 60) -> str:
    text = euro(value) if isinstance(value, float) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _union(*lists):
    out = []
    for values in lists:
        out += [v for v in values if v not in out]
    return out


def _joined(parts: list[tuple[str, str]]) -> str:
    """Texts of several plans in one field, each under the name of the plan it came from."""
    filled = [(label, text) for label, text in parts if text]
    if len(filled) <= 1:
        return filled[0][1] if filled else ""
    return "\n\n".join(f"{label}: {text}" for label, text in filled)


@dataclass
class MergeReport:
    gemeente: str
    bronnen: list[str]
    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        self.lines.append(line)

    def text(self) -> str:
        head = f"Samengevoegd plan voor {self.gemeente} uit de plannen van {join(self.bronnen)}."
        return "\n".join([head, *self.lines])


@dataclass
class _Ids:
    """Old id -> new id, per kind, for one source plan."""

    partner: dict[str, str] = field(default_factory=dict)
    doelstelling: dict[str, str] = field(default_factory=dict)
    actie: dict[str, str] = field(default_factory=dict)
    mjp: dict[str, dict[str, str]] = field(default_factory=dict)  # cyclus -> old code -> new code


def _unique_id(existing: list[str], wanted: str, label: str) -> str:
    return wanted if wanted not in existing else new_id(existing, f"{wanted}-{label}")


def _merge_partners(out: dict, sources, ids: list[_Ids], report: MergeReport) -> None:
    """The same organisation is one partner: the same name, or the same id and organisation type
    ('Gezondheidsmakers Kempen' and 'Gezondheidsmakers Kempen (vroeger Logo Kempen)')."""
    by_org: dict[str, Partner] = {}
    by_id_type: dict[tuple[str, str], Partner] = {}
    levels = list(vocab.ENGAGEMENT_LEVELS)
    combined = []
    for (label, plan), mapping in zip(sources, ids):
        for partner in plan.partners:
            same = by_org.get(_key(partner.organisatie))
            if same is None and partner.type:
                same = by_id_type.get((partner.id, partner.type))
                if same is not None:
                    report.add(f"Partner '{partner.organisatie}' uit {label} is dezelfde organisatie als "
                               f"'{same.organisatie}' (zelfde id en organisatietype).")
            if same is not None:
                mapping.partner[partner.id] = same.id
                same.pijlers = sorted(set(same.pijlers) | set(partner.pijlers))
                same.leeftijdsgroepen = [g for g in vocab.AGE_GROUPS
                                         if g in same.leeftijdsgroepen or g in partner.leeftijdsgroepen]
                if levels.index(partner.betrokkenheid) > levels.index(same.betrokkenheid):
                    same.betrokkenheid = partner.betrokkenheid
                for name in ("type", "contactpersoon", "email", "telefoon"):
                    if not getattr(same, name) and getattr(partner, name):
                        setattr(same, name, getattr(partner, name))
                if partner.rol and partner.rol != same.rol:
                    same.rol = f"{same.rol} {partner.rol}".strip()
                report.add(f"Partner '{partner.organisatie}' stond in meer dan één plan: nu één partner "
                           f"('{same.id}').")
                continue
            copy = partner.model_copy(deep=True)
            copy.id = _unique_id([p.id for p in combined], partner.id, label)
            if copy.id != partner.id:
                report.add(f"Partner-id '{partner.id}' uit {label} heet nu '{copy.id}' (de id was al in gebruik).")
            mapping.partner[partner.id] = copy.id
            by_org[_key(partner.organisatie)] = copy
            if partner.type:
                by_id_type.setdefault((partner.id, partner.type), copy)
            combined.append(copy)
    out["partners"] = combined
    counts = " + ".join(str(len(plan.partners)) for _, plan in sources)
    report.add(f"Partners: {counts} in de oude plannen, {len(combined)} in het nieuwe plan.")


def _merge_subjects(out: dict, sources, ids: list[_Ids], report: MergeReport) -> None:
    goals, actions = [], []
    for (label, plan), mapping in zip(sources, ids):
        for goal in plan.prioriteiten.doelstellingen:
            copy = goal.model_copy(deep=True)
            copy.id = _unique_id([g.id for g in goals], goal.id, label)
            if copy.id != goal.id:
                report.add(f"Doelstelling-id '{goal.id}' uit {label} heet nu '{copy.id}'.")
            mapping.doelstelling[goal.id] = copy.id
            goals.append(copy)
        for action in plan.acties:
            copy = action.model_copy(deep=True)
            copy.id = _unique_id([a.id for a in actions], action.id, label)
            if copy.id != action.id:
                report.add(f"Actie-id '{action.id}' uit {label} heet nu '{copy.id}'.")
            mapping.actie[action.id] = copy.id
            copy.doelstellingen = [mapping.doelstelling[g] for g in action.doelstellingen]
            copy.trekker = mapping.partner.get(action.trekker) if action.trekker else None
            copy.partners = _union([mapping.partner[p] for p in action.partners])
            actions.append(copy)
    out["doelstellingen"], out["acties"] = goals, actions
    for what, values in (("Doelstellingen", [p.prioriteiten.doelstellingen for _, p in sources]),
                         ("Acties", [p.acties for _, p in sources])):
        total = len(goals) if what == "Doelstellingen" else len(actions)
        report.add(f"{what}: {' + '.join(str(len(v)) for v in values)} = {total}, alle overgenomen.")


def _merge_meerjarenplannen(out: dict, sources, ids: list[_Ids], report: MergeReport) -> None:
    """One meerjarenplan per cycle; when several plans had one, codes get the plan's name in front."""
    by_cycle: dict[str, list[tuple[int, Meerjarenplan]]] = {}
    for index, (_, plan) in enumerate(sources):
        for mjp in ([plan.meerjarenplan] if plan.meerjarenplan else []) + plan.vorige_meerjarenplannen:
            by_cycle.setdefault(mjp.cyclus, []).append((index, mjp))
    combined: dict[str, Meerjarenplan] = {}
    for cyclus, found in sorted(by_cycle.items(), key=lambda x: CYCLE_ORDER.index(x[0])):
        prefix = len(found) > 1
        items = []
        for index, mjp in found:
            label = sources[index][0]
            codes = {i.code: f"{label}: {i.code}" if prefix else i.code for i in mjp.items}
            ids[index].mjp[cyclus] = codes
            for item in mjp.items:
                items.append(item.model_copy(update={"code": codes[item.code],
                                                     "ouder": codes.get(item.ouder) if item.ouder else None}))
        combined[cyclus] = Meerjarenplan(cyclus=cyclus, items=items)
        if prefix:
            names = " en ".join(sources[i][0] for i, _ in found)
            report.add(f"Meerjarenplan {cyclus}: {names} hadden er elk een; ze staan samen in één lijst en elke "
                       f"code kreeg de naam van de gemeente vooraan (bv. '{items[0].code}').")
    current_cycles = [p.meerjarenplan.cyclus for _, p in sources if p.meerjarenplan]
    current = max(current_cycles, key=CYCLE_ORDER.index) if current_cycles else None
    out["meerjarenplan"] = combined.pop(current) if current else None
    out["vorige_meerjarenplannen"] = list(combined.values())
    # Links follow the codes; links to a meerjarenplan that is now history become history.
    for (_, plan), mapping in zip(sources, ids):
        for kind, subjects, new_ids in (("doelstelling", plan.prioriteiten.doelstellingen, mapping.doelstelling),
                                        ("actie", plan.acties, mapping.actie)):
            targets = {s.id: s for s in out["doelstellingen" if kind == "doelstelling" else "acties"]}
            for old in subjects:
                new = targets[new_ids[old.id]]
                own = plan.meerjarenplan.cyclus if plan.meerjarenplan else None
                codes = [mapping.mjp[own][c] for c in old.mjp_codes] if own else []
                history = [VorigeKoppeling(cyclus=v.cyclus, mjp_codes=[mapping.mjp[v.cyclus][c] for c in v.mjp_codes])
                           for v in old.mjp_vorige]
                if own == current:
                    new.mjp_codes = codes
                    new.mjp_afgewezen = [mapping.mjp[own].get(c, c) for c in old.mjp_afgewezen]
                else:
                    new.mjp_codes, new.mjp_afgewezen = [], []
                    if codes:
                        history.append(VorigeKoppeling(cyclus=own, mjp_codes=codes))
                new.mjp_vorige = history


def _merge_people(out: dict, sources, report: MergeReport) -> None:
    coordinators = [(label, p.coordinator) for label, p in sources if p.coordinator]
    out["coordinator"] = coordinators[0][1] if coordinators else None
    group: list[Persoon] = [coordinators[0][1]] if coordinators else []
    for person in [c for _, c in coordinators[1:]] + [m for _, p in sources for m in p.projectgroep]:
        if not any(_key(x.naam) == _key(person.naam) for x in group):
            group.append(person)
    members = [Lid(**m.model_dump()) for m in (group[1:] if coordinators else group)]
    others = [body for _, p in sources for body in p.bestuur.organen if body.soort != "projectgroep"]
    project_group = [Orgaan(naam="Projectgroep", soort="projectgroep", leden=members)] if members else []
    out["bestuur"] = Bestuur(organen=project_group + others)
    others = [(label, c) for label, c in coordinators[1:] if _key(c.naam) != _key(coordinators[0][1].naam)]
    if others:
        names = ", ".join(f"{c.naam} ({label})" for label, c in others)
        report.add(f"Coördinator: {coordinators[0][1].naam} (uit {coordinators[0][0]}); {names} staat nu in de "
                   "projectgroep.")


def _merge_engagement(out: dict, sources, report: MergeReport) -> None:
    first_label, first = sources[0]
    engagement = first.engagement.model_copy(deep=True)
    for label, plan in sources[1:]:
        other = plan.engagement
        for name, what in ENGAGEMENT_LABELS.items():
            mine, theirs = getattr(engagement, name), getattr(other, name)
            if mine in (None, "") and theirs not in (None, ""):
                setattr(engagement, name, theirs)
            elif theirs not in (None, "") and theirs != mine:
                report.add(f"Engagement, {what}: '{_show(mine)}' uit {first_label} behouden; {label} had "
                           f"'{_show(theirs)}'.")
        engagement.schepenen = _union(engagement.schepenen, other.schepenen)
    out["engagement"] = engagement


def _merge_kickoff(out: dict, sources, ids: list[_Ids], report: MergeReport) -> None:
    kickoff = sources[0][1].kickoff.model_copy(deep=True)
    kickoff.uitgenodigd, kickoff.aanwezig, kickoff.aanmeldingen = [], [], []
    for (label, plan), mapping in zip(sources, ids):
        kickoff.uitgenodigd = _union(kickoff.uitgenodigd, [mapping.partner[p] for p in plan.kickoff.uitgenodigd])
        kickoff.aanwezig = _union(kickoff.aanwezig, [mapping.partner[p] for p in plan.kickoff.aanwezig])
        for signup in plan.kickoff.aanmeldingen:
            copy = signup.model_copy(update={"partner_id": mapping.partner.get(signup.partner_id)
                                             if signup.partner_id else None})
            if not any(_key(s.naam) == _key(copy.naam) and s.email == copy.email for s in kickoff.aanmeldingen):
                kickoff.aanmeldingen.append(copy)
    texts = []
    for label, plan in sources:
        k = plan.kickoff
        where = ", ".join(x for x in (str(k.datum) if k.datum else "", k.locatie) if x)
        texts.append((f"Kick-off {label}" + (f" ({where})" if where else ""), k.verslag))
    kickoff.verslag = _joined(texts)
    if sum(p.kickoff.datum is not None for _, p in sources) > 1:
        report.add(f"Kick-off: datum, plaats en programma uit {sources[0][0]}; de verslagen van alle kick-offs "
                   "staan samen in het verslag.")
    out["kickoff"] = kickoff


def _merge_analysis(out: dict, sources, report: MergeReport) -> None:
    analyses = [(label, p.omgevingsanalyse) for label, p in sources]
    offer: list[Aanbod] = []
    for _, a in analyses:
        for item in a.aanbod:
            same = next((o for o in offer if _key(o.naam) == _key(item.naam)), None)
            if same is None:
                offer.append(item.model_copy(deep=True))
            else:
                same.pijlers = sorted(set(same.pijlers) | set(item.pijlers))
                same.leeftijdsgroepen = _union(same.leeftijdsgroepen, item.leeftijdsgroepen)
    answers: dict[tuple[str, str], int] = {}
    for _, a in analyses:
        for answer in a.enquete:
            answers[(answer.vraag, answer.antwoord)] = answers.get((answer.vraag, answer.antwoord), 0) + answer.aantal
    out["omgevingsanalyse"] = Omgevingsanalyse(
        indicatoren=_union(*[a.indicatoren for _, a in analyses]),
        eigen_cijfers=_union(*[a.eigen_cijfers for _, a in analyses]),
        notities=_joined([(label, a.notities) for label, a in analyses]),
        aanbod=offer,
        noden=_union(*[a.noden for _, a in analyses]),
        enquete_bron=_joined([(label, a.enquete_bron) for label, a in analyses]),
        enquete=[EnqueteAntwoord(vraag=q, antwoord=ans, aantal=n) for (q, ans), n in answers.items()],
    )
    if sum(bool(a.enquete) for _, a in analyses) > 1:
        report.add("Bevraging: de antwoorden op dezelfde vraag zijn over de plannen heen opgeteld.")


def _merge_priorities(out: dict, sources, report: MergeReport) -> None:
    scores: dict[int, PijlerScore] = {}
    origin: dict[int, str] = {}
    for label, plan in sources:
        for score in plan.prioriteiten.scores:
            if score.pijler not in scores:
                scores[score.pijler], origin[score.pijler] = score.model_copy(), label
            elif score.model_dump() != scores[score.pijler].model_dump():
                kept = scores[score.pijler]
                report.add(f"Pijler {score.pijler}: de score uit {origin[score.pijler]} is behouden (situatie "
                           f"{kept.situatie}, belang {kept.belang}, haalbaarheid {kept.haalbaarheid}); {label} gaf "
                           f"situatie {score.situatie}, belang {score.belang}, haalbaarheid {score.haalbaarheid}.")
    out["prioriteiten"] = Prioriteiten(
        scores=[scores[p] for p in sorted(scores)],
        gekozen_pijlers=sorted({p for _, plan in sources for p in plan.prioriteiten.gekozen_pijlers}),
        doelstellingen=out.pop("doelstellingen"),
    )


def _merge_evaluations(out: dict, sources, report: MergeReport) -> None:
    """One evaluation per year; when several plans evaluated the same year, their measurements stand together."""
    by_year: dict[int, list[tuple[str, Evaluatie]]] = {}
    for label, plan in sources:
        for evaluation in plan.evaluaties:
            by_year.setdefault(evaluation.jaar, []).append((label, evaluation))
    evaluations = []
    for year in sorted(by_year):
        parts = by_year[year]
        if len(parts) == 1:
            evaluations.append(parts[0][1])
            continue
        evaluations.append(Evaluatie(
            jaar=year,
            metingen=[m.model_copy(update={"indicator": f"{m.indicator} ({label})"})
                      for label, e in parts for m in e.metingen],
            wat_werkte=_joined([(label, e.wat_werkte) for label, e in parts]),
            bijsturing=_joined([(label, e.bijsturing) for label, e in parts]),
        ))
        report.add(f"Evaluatie {year}: de metingen van {' en '.join(label for label, _ in parts)} staan samen, "
                   "met de naam van de gemeente achter elke indicator.")
    out["evaluaties"] = evaluations


def _merge_rest(out: dict, sources, ids: list[_Ids], report: MergeReport) -> None:
    out["jongeren"] = Jongerenbetrokkenheid(
        kanalen=_union(*[p.jongeren.kanalen for _, p in sources]),
        inspraak=_union(*[p.jongeren.inspraak for _, p in sources]),
        notities=_joined([(label, p.jongeren.notities) for label, p in sources]),
    )
    out["communicatie"] = _union(*[p.communicatie for _, p in sources])
    items = []
    for (_, plan), mapping in zip(sources, ids):
        for item in plan.verankering.items:
            subject = (mapping.doelstelling.get(item.onderwerp) or mapping.actie.get(item.onderwerp)
                       or mapping.partner.get(item.onderwerp))
            items.append(item.model_copy(update={"onderwerp": subject}))
    out["verankering"] = Verankering(
        items=items, notities=_joined([(label, p.verankering.notities) for label, p in sources])
    )
    if any(p.vaststelling.gemeenteraad.datum or p.vaststelling.college.datum for _, p in sources):
        report.add("De goedkeuring van de beleidsplannen van de oude gemeenten is niet overgenomen: het nieuwe plan "
                   "moet opnieuw goedgekeurd worden.")


def merge_label(path_stem: str, nis: str) -> str:
    """The former municipality a plan file is named after ('44040-melle' -> 'Melle'), else the file name."""
    key = _key(re.sub(r"^\d+-", "", path_stem))
    for merger in reference.mergers():
        if merger.nis_2025 == nis and _key(merger.naam_2024) == key:
            return merger.naam_2024
    return path_stem


def merge_plans(sources: list[tuple[str, Plan]]) -> tuple[Plan, MergeReport]:
    """One plan from the plans of the former municipalities (label, plan), for the new municipality."""
    if len(sources) < 2:
        raise WarmeStadError("Geef minstens twee plannen om samen te voegen.")
    labels = [label for label, _ in sources]
    if len(set(labels)) != len(labels):
        raise WarmeStadError(f"Twee plannen hebben dezelfde naam ({', '.join(labels)}); geef elk plan een eigen naam.")
    municipalities = {plan.gemeente.nis for _, plan in sources}
    if len(municipalities) > 1:
        names = ", ".join(sorted({f"{p.gemeente.naam} ({p.gemeente.nis})" for _, p in sources}))
        raise WarmeStadError(
            f"Deze plannen horen bij verschillende gemeenten: {names}. Samenvoegen kan enkel voor plannen van "
            "gemeenten die samen één gemeente werden; zo'n plan staat al op naam van de nieuwe gemeente."
        )
    first = sources[0][1]
    report = MergeReport(f"{first.gemeente.naam} (NIS {first.gemeente.nis})", labels)
    formers = sorted({m.naam_2024 for m in reference.mergers() if m.nis_2025 == first.gemeente.nis})
    if formers:
        report.add(f"{first.gemeente.naam} ontstond op {reference.MERGER_DATE_NL} uit {join(formers)}.")
    ids = [_Ids() for _ in sources]
    # Parts are gathered first and checked together at the end: the plan's cross-references only
    # hold once partners, goals, actions and meerjarenplannen are all in place.
    out: dict = {"gemeente": first.gemeente, "voorbeeld": any(p.voorbeeld for _, p in sources),
                 "cyclus": max((p.cyclus for _, p in sources), key=CYCLE_ORDER.index)}
    _merge_partners(out, sources, ids, report)
    _merge_subjects(out, sources, ids, report)
    _merge_meerjarenplannen(out, sources, ids, report)
    _merge_people(out, sources, report)
    _merge_engagement(out, sources, report)
    _merge_kickoff(out, sources, ids, report)
    _merge_analysis(out, sources, report)
    _merge_priorities(out, sources, report)
    _merge_evaluations(out, sources, report)
    _merge_rest(out, sources, ids, report)
    try:
        return Plan.model_validate(Plan.model_construct(**out).model_dump()), report
    except ValidationError as exc:
        raise WarmeStadError("Het samengevoegde plan klopt niet:", dutch_problems(exc)) from None
