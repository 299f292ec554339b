"""Links between the Warme Stad plan and the municipality's meerjarenplan.

Suggestions come from three visible signs, each worth points: words that a goal or action shares
with a meerjarenplan item's title, the item's beleidsveld being one the practice of the
inspiratiebox names, and the action's goal already hanging under that item's action plan.
The overviews show what is anchored and which meerjarenplan items serve which pillars.
"""

from __future__ import annotations

import pandas as pd

from .. import reference, vocab
from ..model import Meerjarenplan, MjpItem, Plan
from .linking import Subject, Suggestion, open_suggestions, subjects

WORD_POINTS = 2
FIELD_POINTS = 1
PARENT_POINTS = 2
MIN_POINTS = 2
MAX_SUGGESTIONS = 3
# Two words match when one is the other plus at most a short ending or a compound tail:
# "ouders" ~ "ouderavonden", "pest" ~ "pesten", "sport" ~ "sportcoaches"; not "jeugdraad" ~ "jeugdwerk".
MIN_PREFIX = 4
MAX_ENDING = 2

# Short words and words every title of this theme has: they say nothing about a match.
GENERIC_WORDS = frozenset("""
    voor naar door over onder tegen zijn hebben worden wordt meer elke ieder iedere alle ook niet deze
    waar zich maar eigen samen binnen tussen rond vanuit via alle andere heel goed goede beter
    kind kinderen jongere jongeren jong jonge gemeente stad stedelijk warme warm mentaal mentale
    welzijn welbevinden veerkracht beleid plan acties actie uitbouw
""".split())

# Which levels of the meerjarenplan a goal or an action is matched with (an action with an
# action plan only when the meerjarenplan has no actions).
LEVELS_FOR = {"doelstelling": ("beleidsdoelstelling", "actieplan"), "actie": ("actie",)}


def content_words(text: str, ignore: frozenset[str] = frozenset()) -> set[str]:
    """The telling words of a text: lower case, no accents, no short or generic words."""
    words = set(reference.plain_text(text).split())
    return {w for w in words if len(w) >= 4 and not w.isdigit() and w not in GENERIC_WORDS
            and not any(w.startswith(i) for i in ignore)}


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def words_match(a: str, b: str) -> bool:
    prefix = _common_prefix(a, b)
    return a == b or (
        len(prefix) >= MIN_PREFIX and min(len(a), len(b)) - len(prefix) <= MAX_ENDING and prefix not in GENERIC_WORDS
    )


def shared_words(a: set[str], b: set[str]) -> list[str]:
    """Words of `a` that match a word of `b` (see `words_match`)."""
    return [word for word in sorted(a) if any(words_match(word, other) for other in b)]


def _ignored_names(plan: Plan) -> frozenset[str]:
    """The municipality's own name ('Gent', 'Gentse') is in many titles and says nothing."""
    return frozenset(reference.plain_text(plan.gemeente.naam).split())


def ancestors(mjp: Meerjarenplan, code: str) -> list[str]:
    """The codes above an item (its action plan, its policy goal)."""
    by_code = {i.code: i for i in mjp.items}
    out, seen = [], {code}
    current = by_code.get(code)
    while current is not None and current.ouder and current.ouder not in seen:
        out.append(current.ouder)
        seen.add(current.ouder)
        current = by_code.get(current.ouder)
    return out


def tree(mjp: Meerjarenplan | None) -> list[tuple[int, MjpItem]]:
    """Items in reading order (each item followed by its children), with their depth."""
    if mjp is None:
        return []
    children: dict[str | None, list[MjpItem]] = {}
    codes = {i.code for i in mjp.items}
    for item in mjp.items:
        parent = item.ouder if item.ouder in codes else None
        children.setdefault(parent, []).append(item)
    out: list[tuple[int, MjpItem]] = []

    def walk(parent: str | None, depth: int) -> None:
        for child in children.get(parent, []):
            if child.code in {i.code for _, i in out}:
                continue  # a loop in a hand-edited file: show each item once
            out.append((depth, child))
            walk(child.code, depth + 1)

    walk(None, 0)
    return out


def _fields_of(plan: Plan, kind: str, subject: Subject) -> set[str]:
    """Beleidsvelden the inspiratiebox names for an action's practice (for a goal: of its actions)."""
    actions = [subject] if kind == "actie" else [a for a in plan.acties if subject.id in a.doelstellingen]
    return {f for a in actions if a.catalogus_id for f in reference.practice(a.catalogus_id).beleidsvelden}


def _levels(mjp: Meerjarenplan, kind: str) -> tuple[str, ...]:
    if kind == "actie" and not any(i.niveau == "actie" for i in mjp.items):
        return ("actieplan",)
    return LEVELS_FOR[kind]


def _related(plan: Plan, kind: str, subject: Subject) -> tuple[set[str], str]:
    """Items already linked by the other side: an action's goals, or a goal's actions (and what is above)."""
    mjp = plan.meerjarenplan
    if kind == "actie":
        codes = {c for d in plan.prioriteiten.doelstellingen if d.id in subject.doelstellingen for c in d.mjp_codes}
        return codes, "de doelstelling van deze actie hangt al aan"
    codes = {c for a in plan.acties if subject.id in a.doelstellingen for c in a.mjp_codes}
    return {x for c in codes for x in (c, *ancestors(mjp, c))}, "acties van deze doelstelling hangen al onder"


def _text(subject: Subject) -> str:
    """Title and description; for a practice of the inspiratiebox also its title and goal."""
    text = f"{subject.titel} {getattr(subject, 'omschrijving', '')}"
    practice_id = getattr(subject, "catalogus_id", None)
    if practice_id:
        practice = reference.practice(practice_id)
        text += f" {practice.titel} {practice.doel}"
    return text


def mjp_proposals(plan: Plan, kind: str, subject: Subject) -> list[Suggestion]:
    """Meerjarenplan items that fit a goal or action, best first, with the reasons (linked or not)."""
    mjp = plan.meerjarenplan
    if mjp is None:
        return []
    ignore = _ignored_names(plan)
    words = content_words(_text(subject), ignore)
    fields = _fields_of(plan, kind, subject)
    related, related_reason = _related(plan, kind, subject)
    field_names = {b.code: b.naam for b in reference.beleidsvelden()}
    levels = _levels(mjp, kind)
    found = []
    for item in mjp.items:
        if item.niveau not in levels:
            continue
        reasons, points = [], 0
        common = shared_words(content_words(item.titel, ignore), words)  # the item's words, each once
        if common:
            points += WORD_POINTS * len(common)
            reasons.append(f"gemeenschappelijke woorden: {', '.join(common)}")
        if item.beleidsveld and item.beleidsveld in fields:
            points += FIELD_POINTS
            reasons.append(f"beleidsveld {item.beleidsveld} {field_names[item.beleidsveld].lower()} "
                           "past bij de praktijk uit de inspiratiebox")
        above = related & {item.code, *ancestors(mjp, item.code)}
        if above:
            points += PARENT_POINTS
            reasons.append(f"{related_reason} {', '.join(sorted(above))}")
        if points >= MIN_POINTS:
            found.append(Suggestion(item.code, item.titel, tuple(reasons), points))
    return sorted(found, key=lambda s: -s.score)


def mjp_suggestions(plan: Plan, kind: str, subject: Subject) -> list[Suggestion]:
    """The best proposals that are not linked yet and were not rejected before."""
    return open_suggestions(subject, "mjp", mjp_proposals(plan, kind, subject))[:MAX_SUGGESTIONS]


def anchoring_table(plan: Plan) -> pd.DataFrame:
    """Per goal and action: the meerjarenplan items it points to, or that it is not anchored yet."""
    titles = {i.code: i.titel for i in plan.meerjarenplan.items} if plan.meerjarenplan else {}
    rows = []
    for kind, subject in subjects(plan):
        rows.append({
            "soort": kind,
            "id": subject.id,
            "titel": subject.titel,
            "verankerd": "ja" if subject.mjp_codes else "nee",
            "meerjarenplan": "; ".join(f"{c} {titles.get(c, '')}".strip() for c in subject.mjp_codes),
        })
    return pd.DataFrame(rows, columns=["soort", "id", "titel", "verankerd", "meerjarenplan"])


def pillar_coverage(plan: Plan) -> pd.DataFrame:
    """Per meerjarenplan item (tree order): how many linked goals and actions serve each pillar.

    A goal or action linked to an action counts for that action's action plan and policy goal too.
    """
    mjp = plan.meerjarenplan
    pillars = [p.nummer for p in reference.pillars()]
    counts: dict[str, dict[int, int]] = {}
    for _, subject in subjects(plan):
        served: set[str] = set()
        for code in subject.mjp_codes:
            served.update([code, *ancestors(mjp, code)] if mjp else [])
        for code in served:
            for pillar in subject.pijlers:
                counts.setdefault(code, {}).setdefault(pillar, 0)
                counts[code][pillar] += 1
    rows = []
    for depth, item in tree(mjp):
        row = {"code": item.code, "titel": "    " * depth + item.titel, "niveau": vocab.MJP_LEVELS[item.niveau]}
        row.update({str(p): counts.get(item.code, {}).get(p, 0) for p in pillars})
        rows.append(row)
    return pd.DataFrame(rows, columns=["code", "titel", "niveau", *map(str, pillars)])


def anchoring_counts(plan: Plan) -> dict[str, tuple[int, int]]:
    """Per kind: (linked to the meerjarenplan, total)."""
    out = {}
    for kind in LEVELS_FOR:
        found = [s for k, s in subjects(plan) if k == kind]
        out[kind] = (sum(bool(s.mjp_codes) for s in found), len(found))
    return out
