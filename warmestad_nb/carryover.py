"""A new meerjarenplan for a plan: links re-pointed, old links kept as history.

Two situations share one mechanism:
- a corrected export of the same cycle replaces the meerjarenplan (`install_meerjarenplan`);
- the plan moves to the next cycle, 2020-2025 -> 2026-2031 (`carry_over`): the same goals and
  actions, the old meerjarenplan under `vorige_meerjarenplannen`, each old link kept in `mjp_vorige`.
A link is re-pointed to the item of the new meerjarenplan with the same code and a similar title,
else the same title, else a very similar title (same level); what cannot be re-pointed is reported.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from pydantic import ValidationError

from . import vocab
from .analysis.linking import subjects
from .errors import WarmeStadError
from .model import Meerjarenplan, MjpItem, Plan, VorigeKoppeling
from .reference import plain_text
from .validation import dutch_problems

SAME_CODE_SIMILARITY = 0.5  # same code: the titles need only be alike
TITLE_SIMILARITY = 0.8  # another code: the titles must be nearly the same

CYCLE_ORDER = list(vocab.CYCLES)


def _similarity(a: str, b: str) -> float:
    """Alike in letters (a typo fixed) or in words (the same words in another order): 0 to 1."""
    ka, kb = plain_text(a), plain_text(b)
    wa, wb = set(ka.split()), set(kb.split())
    words = 2 * len(wa & wb) / (len(wa) + len(wb)) if wa or wb else 0.0
    return max(difflib.SequenceMatcher(None, ka, kb).ratio(), words)


@dataclass(frozen=True)
class Match:
    code: str | None  # the new code, None when not found
    how: str  # Dutch: how it was matched, or why not


def match_item(old: MjpItem, new_items: list[MjpItem]) -> Match:
    """Where an item of the old meerjarenplan went in the new one."""
    same_level = [i for i in new_items if i.niveau == old.niveau]
    same_code = next((i for i in same_level if i.code == old.code), None)
    if same_code and _similarity(same_code.titel, old.titel) >= SAME_CODE_SIMILARITY:
        return Match(same_code.code, "zelfde code en titel" if plain_text(same_code.titel) == plain_text(old.titel)
                     else "zelfde code, gelijkaardige titel")
    same_title = next((i for i in same_level if plain_text(i.titel) == plain_text(old.titel)), None)
    if same_title:
        return Match(same_title.code, "zelfde titel")
    scored = sorted(((_similarity(i.titel, old.titel), i) for i in same_level), key=lambda x: -x[0])
    if scored and scored[0][0] >= TITLE_SIMILARITY:
        return Match(scored[0][1].code, f"gelijkaardige titel ('{scored[0][1].titel}')")
    if same_code:
        return Match(None, f"de code {old.code} bestaat ook in het nieuwe meerjarenplan, maar met een andere "
                           f"titel ('{same_code.titel}')")
    return Match(None, "niet teruggevonden in het nieuwe meerjarenplan")


@dataclass
class LinkReport:
    """What happened to the links: (kind, id, old code, new code or None, how)."""

    cyclus_oud: str
    cyclus_nieuw: str
    rows: list[tuple[str, str, str, str | None, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def repointed(self) -> list[tuple[str, str, str, str | None, str]]:
        return [r for r in self.rows if r[3] is not None]

    @property
    def lost(self) -> list[tuple[str, str, str, str | None, str]]:
        return [r for r in self.rows if r[3] is None]

    def lines(self) -> list[str]:
        out = list(self.notes)
        if self.rows:
            out.append(f"{len(self.repointed)} van de {len(self.rows)} koppelingen aan het meerjarenplan "
                       f"{self.cyclus_oud} zijn omgezet naar het meerjarenplan {self.cyclus_nieuw}.")
        for kind, sid, old, new, how in self.repointed:
            out.append(f"  {kind} '{sid}': {old} -> {new} ({how})")
        if self.lost:
            out.append("Niet omgezet (kies zelf een nieuwe koppeling; de suggesties helpen):")
        for kind, sid, old, _, how in self.lost:
            out.append(f"  {kind} '{sid}': {old} - {how}")
        return out


def _repoint(plan: Plan, old: Meerjarenplan, new: Meerjarenplan, report: LinkReport, *,
             keep_history: bool, from_history: bool = False) -> None:
    """Point every link to `old` at the matching item of `new`.

    keep_history: the current links move to `mjp_vorige` (the old plan becomes history).
    from_history: the links to re-point are the ones kept in `mjp_vorige` for `old` (a plan that
    was carried over before its new meerjarenplan was known).
    """
    matches = {item.code: match_item(item, new.items) for item in old.items}
    for kind, subject in subjects(plan):
        if from_history:
            codes = [c for v in subject.mjp_vorige if v.cyclus == old.cyclus for c in v.mjp_codes]
        else:
            codes = list(subject.mjp_codes)
        if keep_history and codes:
            subject.mjp_vorige = [v for v in subject.mjp_vorige if v.cyclus != old.cyclus] + [
                VorigeKoppeling(cyclus=old.cyclus, mjp_codes=codes)
            ]
        new_codes = [] if not from_history else list(subject.mjp_codes)
        for code in codes:
            found = matches.get(code, Match(None, "stond niet in het vorige meerjarenplan"))
            report.rows.append((kind, subject.id, code, found.code, found.how))
            if found.code and found.code not in new_codes:
                new_codes.append(found.code)
        subject.mjp_codes = new_codes
        # Rejected suggestions were codes of the old meerjarenplan: they say nothing about the new one.
        if not from_history:
            subject.mjp_afgewezen = []


def _assign_together(plan: Plan, **fields) -> None:
    """Assign several plan fields at once; the cross-references are checked on the result only.

    One by one, the plan would be refused in between (links to a meerjarenplan not yet in place).
    """
    try:
        checked = Plan.model_validate(plan.model_copy(update=fields).model_dump())
    except ValidationError as exc:
        raise WarmeStadError("Het meerjarenplan past niet in het plan:", dutch_problems(exc)) from None
    plan.__dict__.update(checked.__dict__)


def _position(cyclus: str) -> int:
    return CYCLE_ORDER.index(cyclus)


def install_meerjarenplan(plan: Plan, mjp: Meerjarenplan) -> LinkReport:
    """Put a (newly read) meerjarenplan into the plan, in place, re-pointing the links.

    Same cycle: it replaces the current one. A later cycle: the current one moves to the history
    and its links to `mjp_vorige`. An earlier cycle is refused.
    """
    current = plan.meerjarenplan
    report = LinkReport(current.cyclus if current else mjp.cyclus, mjp.cyclus)
    if _position(mjp.cyclus) > _position(plan.cyclus):
        raise WarmeStadError(
            f"Dit plan loopt in de cyclus {plan.cyclus}; het meerjarenplan {mjp.cyclus} hoort bij een plan voor die "
            "cyclus. Zet het plan eerst over (warmestad overzetten) en geef daar het nieuwe meerjarenplan mee."
        )
    if current is None:
        earlier = [m for m in plan.vorige_meerjarenplannen if _position(m.cyclus) < _position(mjp.cyclus)]
        if earlier:
            # Carried over before the new meerjarenplan was known: re-point the links kept as history.
            previous = max(earlier, key=lambda m: _position(m.cyclus))
            report.cyclus_oud = previous.cyclus
            _repoint(plan, previous, mjp, report, keep_history=False, from_history=True)
        _assign_together(plan, meerjarenplan=mjp)
        report.notes.append(f"Het meerjarenplan {mjp.cyclus} is ingevuld ({len(mjp.items)} items).")
        return report
    if _position(mjp.cyclus) < _position(current.cyclus):
        raise WarmeStadError(
            f"Dit plan heeft al het meerjarenplan {current.cyclus}; het oudere meerjarenplan {mjp.cyclus} "
            "kan het niet vervangen."
        )
    later = mjp.cyclus != current.cyclus
    if later and any(m.cyclus == current.cyclus for m in plan.vorige_meerjarenplannen):
        raise WarmeStadError(f"Het meerjarenplan {current.cyclus} staat al bij de vorige meerjarenplannen.")
    _repoint(plan, current, mjp, report, keep_history=later)
    history = [*plan.vorige_meerjarenplannen, current] if later else plan.vorige_meerjarenplannen
    _assign_together(plan, meerjarenplan=mjp, vorige_meerjarenplannen=history)
    if later:
        report.notes.append(f"Het meerjarenplan {current.cyclus} is bewaard bij de vorige meerjarenplannen; "
                            "de oude koppelingen staan bij elke doelstelling en actie onder mjp_vorige.")
    else:
        report.notes.append(f"Het meerjarenplan {mjp.cyclus} is vervangen door de nieuwe versie "
                            f"({len(current.items)} -> {len(mjp.items)} items).")
    return report


def carry_over(plan: Plan, cyclus: str, mjp: Meerjarenplan | None = None) -> tuple[Plan, LinkReport]:
    """A copy of the plan for the next cycle: same goals and actions, links re-pointed to `mjp`."""
    if cyclus not in vocab.CYCLES:
        raise WarmeStadError(f"Onbekende cyclus '{cyclus}' (kies uit {', '.join(vocab.CYCLES)}).")
    if _position(cyclus) <= _position(plan.cyclus):
        raise WarmeStadError(f"Dit plan loopt al in de cyclus {plan.cyclus}; overzetten naar {cyclus} kan niet.")
    if mjp is not None and mjp.cyclus != cyclus:
        raise WarmeStadError(f"Het nieuwe meerjarenplan hoort bij {mjp.cyclus}, niet bij {cyclus}.")
    new = plan.model_copy(deep=True)
    new.cyclus = cyclus
    current = new.meerjarenplan
    if mjp is not None:
        report = install_meerjarenplan(new, mjp)
    elif current is not None and current.cyclus != cyclus:
        # No new meerjarenplan yet: archive the old one; every link waits for a new one.
        empty = Meerjarenplan(cyclus=cyclus)
        report = install_meerjarenplan(new, empty)
        _assign_together(new, meerjarenplan=None)
        report.rows = [(kind, sid, old, None, "bewaard als historiek; wordt omgezet zodra het nieuwe meerjarenplan "
                        "ingelezen is") for kind, sid, old, _, _ in report.rows]
        report.notes.append(f"Er is nog geen meerjarenplan {cyclus}: lees het in met `warmestad meerjarenplan` "
                            "en koppel dan opnieuw.")
    else:
        report = LinkReport(plan.cyclus, cyclus)
    counts = (f"{len(new.prioriteiten.doelstellingen)} doelstellingen, {len(new.acties)} acties en "
              f"{len(new.partners)} partners")
    report.notes.insert(0, f"Plan van {plan.gemeente.naam} overgezet van {plan.cyclus} naar {cyclus}: {counts} "
                           "gaan mee.")
    return new, report
