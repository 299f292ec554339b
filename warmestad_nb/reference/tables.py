"""The YAML tables of data/: pillars, steps, sectors, organisation types, the kick-off programme,
the inspiratiebox catalogue, SDGs and their targets, Vizier 2030 goals, the SDG rules, beleidsvelden,
indicator metadata and the Flemish context figures; `lookup` keys any of them by its natural key."""

from __future__ import annotations

import difflib
import re
from typing import Callable

from .. import vocab
from ..errors import WarmeStadError
from .loader import ItemReader, cached, items, slug, source_from
from .records import (NO_SOURCE, Beleidsveld, ChecklistItem, ContextFigure, IndicatorDef, KickoffPart, OrgType,
                      Pillar, Practice, Sdg, SdgRule, SdgTarget, Sector, Step, VizierGoal)
from .text import plain_text

# Each YAML table of data/ -> its loader and the field `lookup` keys its records by (see `table`).
_TABLES: dict[str, tuple[Callable[[], tuple], str]] = {}


def table(stem: str, key: str):
    """The loader of data/<stem>.yaml: cached (`cached`), and what `lookup(stem)` keys by `key`."""
    def register(loader):
        loader = cached(loader)
        _TABLES[stem] = (loader, key)
        return loader
    return register


@table("pijlers", key="nummer")
def pillars() -> tuple[Pillar, ...]:
    out = []
    for r in items("pijlers", "nummer", ("nummer", "titel", "kort")):
        out.append(Pillar(nummer=r.integer("nummer"), titel=r.text("titel"), kort=r.text("kort")))
    return tuple(sorted(out, key=lambda p: p.nummer))


@table("stappen", key="nummer")
def steps() -> tuple[Step, ...]:
    out = []
    for r in items("stappen", "nummer", ("nummer", "naam", "doel", "opleveringen", "checklist")):
        raw = r.item.get("checklist")
        if not isinstance(raw, list) or not raw:
            raise r.error("checklist", "moet een niet-lege lijst zijn van items met 'id' en 'tekst'.")
        checklist = []
        seen = set()
        for entry in raw:
            if not isinstance(entry, dict) or set(entry) != {"id", "tekst"}:
                raise r.error("checklist", "elk item moet precies de velden 'id' en 'tekst' hebben.")
            cid, tekst = entry["id"], entry["tekst"]
            if not isinstance(cid, str) or not re.fullmatch(r"[a-z0-9_]+", cid):
                raise r.error("checklist", f"ongeldige id {cid!r} (kleine letters, cijfers en _).")
            if cid in seen:
                raise r.error("checklist", f"de id '{cid}' komt meer dan eens voor.")
            if not isinstance(tekst, str) or not tekst.strip():
                raise r.error("checklist", f"de tekst bij '{cid}' ontbreekt.")
            seen.add(cid)
            checklist.append(ChecklistItem(id=cid, tekst=tekst.strip()))
        out.append(Step(nummer=r.integer("nummer"), naam=r.text("naam"), doel=r.text("doel"),
                        opleveringen=r.str_list("opleveringen"), checklist=tuple(checklist)))
    return tuple(sorted(out, key=lambda s: s.nummer))


@table("sectoren", key="id")
def sectors() -> tuple[Sector, ...]:
    return tuple(Sector(id=slug(r), naam=r.text("naam")) for r in items("sectoren", "id", ("id", "naam")))


@table("organisatietypes", key="id")
def organisation_types() -> tuple[OrgType, ...]:
    known = [s.id for s in sectors()]
    return tuple(
        OrgType(id=slug(r), naam=r.text("naam"), sector=r.choice("sector", known))
        for r in items("organisatietypes", "id", ("id", "naam", "sector"))
    )


@table("kickoff_programma", key="id")
def kickoff_parts() -> tuple[KickoffPart, ...]:
    """The suggested parts of a kick-off moment (step 1), in programme order."""
    return tuple(
        KickoffPart(id=slug(r), titel=r.text("titel"), duur_min=r.integer("duur_min"), wie=r.text("wie"),
                    uitleg=r.text("uitleg"))
        for r in items("kickoff_programma", "id", ("id", "titel", "duur_min", "wie", "uitleg"))
    )


_PRACTICE_FIELDS = tuple(Practice.__dataclass_fields__)


@table("inspiratiebox", key="id")
def catalogue() -> tuple[Practice, ...]:
    pillar_numbers = [p.nummer for p in pillars()]
    field_codes = [b.code for b in beleidsvelden()]
    target_codes = [t.code for t in sdg_targets()]
    out = []
    for r in items("inspiratiebox", "id", _PRACTICE_FIELDS):
        out.append(Practice(
            id=slug(r),
            titel=r.text("titel"),
            soort=r.choice("soort", list(vocab.PRACTICE_KINDS)),
            bron_adres=_source_address(r),
            omschrijving=r.text("omschrijving"),
            doel=r.text("doel"),
            pijlers=r.int_list("pijlers", pillar_numbers),
            leeftijden=r.str_list("leeftijden", list(vocab.AGE_GROUPS)),
            doelgroepen=r.str_list("doelgroepen", list(vocab.TARGET_GROUPS)),
            settings=r.str_list("settings", list(vocab.SETTINGS)),
            strategie=r.choice("strategie", list(vocab.STRATEGIES)),
            niveau=r.choice("niveau", list(vocab.LEVELS)),
            preventietype=r.choice("preventietype", list(vocab.PREVENTION_TYPES)),
            aanbieder=r.text("aanbieder"),
            website=_website(r),
            kosten=r.choice("kosten", list(vocab.COST_LEVELS)),
            kosten_toelichting=r.text("kosten_toelichting", default=""),
            evaluatie=r.text("evaluatie", default=""),
            voorbeeldgemeente=r.text("voorbeeldgemeente", default=""),
            beleidsvelden=r.str_list("beleidsvelden", field_codes, nonempty=False),
            sdg_targets=r.str_list("sdg_targets", target_codes),
        ))
    return tuple(out)


def _website(r: ItemReader) -> str:
    return _address(r, "website", r.text("website", default=""))


def _source_address(r: ItemReader) -> str:
    value = r.text("bron_adres")
    return value if value == NO_SOURCE else _address(r, "bron_adres", value)


def _address(r: ItemReader, field: str, value: str) -> str:
    if value and not re.fullmatch(r"https?://[^\s]+", value):
        raise r.error(field, f"'{value}' is geen webadres (begint met https://).")
    return value


def practice(id: str) -> Practice:  # noqa: A002 - the public API names it id
    try:
        return _lookup("inspiratiebox")[id]
    except (KeyError, TypeError):
        ids = [p.id for p in catalogue()]
        close = difflib.get_close_matches(str(id), ids, n=3, cutoff=0.6)
        hint = f" Bedoelde u: {', '.join(close)}?" if close else ""
        raise WarmeStadError(f"Onbekende praktijk '{id}' in de inspiratiebox.{hint}") from None


@table("sdgs", key="nummer")
def sdgs() -> tuple[Sdg, ...]:
    out = [Sdg(nummer=r.integer("nummer"), naam=r.text("naam")) for r in items("sdgs", "nummer", ("nummer", "naam"))]
    return tuple(sorted(out, key=lambda s: s.nummer))


def _target_sort_key(code: str) -> tuple:
    goal, _, sub = code.partition(".")
    return (int(goal), 0 if sub.isdigit() else 1, int(sub) if sub.isdigit() else 0, sub)


@table("sdg_targets", key="code")
def sdg_targets() -> tuple[SdgTarget, ...]:
    goals = [s.nummer for s in sdgs()]
    out = []
    for r in items("sdg_targets", "code", ("code", "sdg", "tekst")):
        code = r.text("code")
        sdg = r.integer("sdg")
        if sdg not in goals:
            raise r.error("sdg", f"onbekend SDG-nummer {sdg}.")
        if not re.fullmatch(r"\d{1,2}\.(\d{1,2}|[a-c])", code) or code.split(".")[0] != str(sdg):
            raise r.error("code", f"'{code}' is geen targetcode van SDG {sdg} (bv. \"{sdg}.1\").")
        out.append(SdgTarget(code=code, sdg=sdg, tekst=r.text("tekst")))
    return tuple(sorted(out, key=lambda t: _target_sort_key(t.code)))


@table("vizier2030", key="id")
def vizier_goals() -> tuple[VizierGoal, ...]:
    return tuple(
        VizierGoal(id=slug(r), titel=r.text("titel"), thema=r.text("thema"),
                   bron_adres=_address(r, "bron_adres", r.text("bron_adres")))
        for r in items("vizier2030", "id", ("id", "titel", "thema", "bron_adres"))
    )


@table("sdg_regels", key="id")
def sdg_rules() -> tuple[SdgRule, ...]:
    """The project's own rules for SDG and Vizier 2030 suggestions (data/sdg_regels.yaml)."""
    fields = ("id", "pijlers", "settings", "woorden", "catalogus", "sdg_targets", "vizier", "uitleg")
    targets = [t.code for t in sdg_targets()]
    vizier = [v.id for v in vizier_goals()]
    out = []
    for r in items("sdg_regels", "id", fields):
        def optional(field, read):
            return read(field) if field in r.item else ()

        catalogus = r.item.get("catalogus", False)
        if not isinstance(catalogus, bool):
            raise r.error("catalogus", "moet true of false zijn.")
        woorden = optional("woorden", r.str_list)
        if any(not w.strip() or w != w.lower() for w in woorden):
            raise r.error("woorden", "schrijf elk woord(deel) in kleine letters, zonder lege waarden.")
        rule = SdgRule(
            id=slug(r),
            pijlers=optional("pijlers", lambda f: r.int_list(f, [p.nummer for p in pillars()])),
            settings=optional("settings", lambda f: r.str_list(f, list(vocab.SETTINGS))),
            woorden=tuple(plain_text(w) for w in woorden),
            catalogus=catalogus,
            sdg_targets=optional("sdg_targets", lambda f: r.str_list(f, targets)),
            vizier=optional("vizier", lambda f: r.str_list(f, vizier)),
            uitleg=r.text("uitleg"),
        )
        if not (rule.pijlers or rule.settings or rule.woorden or rule.catalogus):
            raise r.error("id", "de regel heeft geen voorwaarde (pijlers, settings, woorden of catalogus).")
        if not (rule.sdg_targets or rule.vizier or rule.catalogus):
            raise r.error("id", "de regel stelt niets voor (sdg_targets of vizier ontbreekt).")
        out.append(rule)
    return tuple(out)


@table("beleidsvelden", key="code")
def beleidsvelden() -> tuple[Beleidsveld, ...]:
    """The workbook's summary of the beleidsvelden; an item with `tot` gives every code of its range."""
    out = []
    for r in items("beleidsvelden", "code", ("code", "tot", "naam")):
        first = _field_code(r, "code")
        last = _field_code(r, "tot") if "tot" in r.item else first
        if last < first:
            raise r.error("tot", f"'{last}' ligt voor '{first}'.")
        out += [Beleidsveld(code=f"{n:04d}", naam=r.text("naam")) for n in range(int(first), int(last) + 1)]
    return tuple(sorted(out, key=lambda b: b.code))


def _field_code(r: ItemReader, field: str) -> str:
    code = r.text(field)
    if not re.fullmatch(r"\d{4}", code):
        raise r.error(field, f"'{code}' is geen beleidsveldcode van vier cijfers (tussen aanhalingstekens).")
    return code


@table("indicatoren", key="id")
def indicator_defs() -> tuple[IndicatorDef, ...]:
    out = []
    fields = ("id", "naam", "eenheid", "soort", "noemer", "code", "jaar_label", "referentiejaar", "bron")
    for r in items("indicatoren", "id", fields):
        soort = r.choice("soort", ["aandeel", "index"])
        noemer = r.text("noemer", default="", required=False)
        if soort == "aandeel" and not noemer:
            raise r.error("noemer", "een aandeel heeft een noemer nodig (waarvan is het een percentage?).")
        out.append(IndicatorDef(
            id=r.text("id"),
            naam=r.text("naam"),
            eenheid=r.choice("eenheid", ["%", "index"]),
            soort=soort,
            noemer=noemer,
            code=r.text("code"),
            jaar_label=r.text("jaar_label"),
            bron=source_from(r.item.get("bron"), r.path, f"item {r.label}, veld 'bron'"),
            referentiejaar=r.integer("referentiejaar") if "referentiejaar" in r.item else None,
        ))
    return tuple(out)


@table("vlaamse_cijfers", key="id")
def flemish_figures() -> tuple[ContextFigure, ...]:
    """data/vlaamse_cijfers.yaml: each figure with its source, year and the address it is stated at."""
    fields = ("id", "cijfer", "omschrijving", "leeftijd", "jaar", "bron", "bron_adres")
    return tuple(
        ContextFigure(id=slug(r), cijfer=r.text("cijfer"), omschrijving=r.text("omschrijving"),
                      leeftijd=r.text("leeftijd"), jaar=r.integer("jaar"), bron=r.text("bron"),
                      bron_adres=_address(r, "bron_adres", r.text("bron_adres")))
        for r in items("vlaamse_cijfers", "id", fields)
    )


@cached
def _lookup(kind: str) -> dict:
    loader, key = _TABLES[kind]
    return {getattr(record, key): record for record in loader()}


def lookup(kind: str) -> dict:
    """A dict keyed by the natural key: e.g. lookup("inspiratiebox")["awel"] -> Practice."""
    if kind not in _TABLES:
        raise WarmeStadError(f"Onbekende referentietabel '{kind}'. Gekend: {', '.join(sorted(_TABLES))}.")
    return dict(_lookup(kind))
