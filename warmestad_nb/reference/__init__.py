"""Read-only access to the reference data shipped in data/.

Pillars, steps, sectors, organisation types, the inspiratiebox catalogue, SDGs, Vizier 2030 goals,
BBC beleidsvelden, indicator metadata, the 285 Flemish municipalities, the 2025 mergers, the 2026
population table and the Gemeente-Stadsmonitor indicator values.

Kept fast and light on purpose (it is imported by the CLI, the notebooks and the batch workers):
no pandas, only the standard library and ruamel.yaml's safe loader. Every table is parsed once per
process (functools.cache) and checked while it is built; a broken data file raises WarmeStadError
with a Dutch message naming the file, the item and the field.

The data folder is ``DATA_DIR`` (the project's data/), or the folder in the environment variable
``WARMESTAD_DATA`` when that is set. Call ``clear_cache()`` after changing either in a running process.
"""

from __future__ import annotations

import csv
import difflib
import functools
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warmestad_nb import vocab
from warmestad_nb.errors import WarmeStadError
from warmestad_nb.formatting import join

# What a practice of the inspiratiebox has as bron_adres when its facts could not be checked.
NO_SOURCE = "geen bron gevonden"

DATA_DIR = Path(os.environ.get("WARMESTAD_DATA") or Path(__file__).resolve().parent.parent.parent / "data")

MERGER_DATE_NL = "1 januari 2025"

# CSV tables: the key used by source() and bronnen.yaml -> file name.
CSV_TABLES = {
    "gemeenten": "gemeenten_vlaanderen_2025.csv",
    "fusies": "fusies_2025.csv",
    "bevolking": "bevolking_2026_leeftijd_geslacht.csv",
    "stadsmonitor": "gemeente_stadsmonitor_selectie.csv",
}

# YAML tables with a `bron` block and a list of `items` (bronnen.yaml has `tabellen` instead).
YAML_TABLES = (
    "pijlers",
    "stappen",
    "sectoren",
    "organisatietypes",
    "inspiratiebox",
    "sdgs",
    "sdg_targets",
    "vizier2030",
    "beleidsvelden",
    "indicatoren",
    "kickoff_programma",
    "sdg_regels",
    "vlaamse_cijfers",
)

# Non-numeric columns of the population table; every other column is a count.
_POPULATION_TEXT_COLUMNS = ("nis", "gemeente", "provincie", "reference_date")
# The five-year bands that make up the 0-24 population.
YOUTH_BANDS = ("0_4", "5_9", "10_14", "15_19", "20_24")


# --------------------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Source:
    titel: str
    uitgever: str
    jaar: int | str
    opmerking: str = ""


@dataclass(frozen=True, slots=True)
class Pillar:
    nummer: int
    titel: str
    kort: str


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    id: str
    tekst: str


@dataclass(frozen=True, slots=True)
class Step:
    nummer: int
    naam: str
    doel: str
    opleveringen: tuple[str, ...]
    checklist: tuple[ChecklistItem, ...]


@dataclass(frozen=True, slots=True)
class Sector:
    id: str
    naam: str


@dataclass(frozen=True, slots=True)
class OrgType:
    id: str
    naam: str
    sector: str


@dataclass(frozen=True, slots=True)
class KickoffPart:
    id: str
    titel: str
    duur_min: int
    wie: str
    uitleg: str


@dataclass(frozen=True, slots=True)
class Practice:
    id: str
    titel: str
    soort: str
    bron_adres: str
    omschrijving: str
    doel: str
    pijlers: tuple[int, ...]
    leeftijden: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    settings: tuple[str, ...]
    strategie: str
    niveau: str
    preventietype: str
    aanbieder: str
    website: str
    kosten: str
    kosten_toelichting: str
    evaluatie: str
    voorbeeldgemeente: str
    beleidsvelden: tuple[str, ...]
    sdg_targets: tuple[str, ...]

    @property
    def has_source(self) -> bool:
        """Only practices whose facts were checked against a source are suggested."""
        return self.bron_adres != NO_SOURCE


@dataclass(frozen=True, slots=True)
class Sdg:
    nummer: int
    naam: str


@dataclass(frozen=True, slots=True)
class SdgTarget:
    code: str
    sdg: int
    tekst: str


@dataclass(frozen=True, slots=True)
class VizierGoal:
    id: str
    titel: str  # the official wording
    thema: str
    bron_adres: str  # where that wording was checked


@dataclass(frozen=True, slots=True)
class SdgRule:
    """One row of data/sdg_regels.yaml: conditions (all must hold) and what it suggests."""

    id: str
    pijlers: tuple[int, ...]
    settings: tuple[str, ...]
    woorden: tuple[str, ...]
    catalogus: bool
    sdg_targets: tuple[str, ...]
    vizier: tuple[str, ...]
    uitleg: str


@dataclass(frozen=True, slots=True)
class Beleidsveld:
    code: str
    naam: str


@dataclass(frozen=True, slots=True)
class IndicatorDef:
    id: str
    naam: str
    eenheid: str
    soort: str
    noemer: str
    code: str
    jaar_label: str
    bron: Source
    referentiejaar: int | None = None  # None: the source's edition was recorded, its reference year not


@dataclass(frozen=True, slots=True)
class ContextFigure:
    """A Flemish figure on young people's mental well-being (no municipal figure exists)."""

    id: str
    cijfer: str
    omschrijving: str
    leeftijd: str
    jaar: int
    bron: str
    bron_adres: str


@dataclass(frozen=True, slots=True)
class Municipality:
    nis: str
    naam: str
    provincie: str
    logo: str
    gezondheidsmakers: str
    eerstelijnszone: str


@dataclass(frozen=True, slots=True)
class Merger:
    nis_2024: str
    nis_2025: str
    naam_2024: str
    naam_2025: str


# --------------------------------------------------------------------------------------- helpers


def data_dir() -> Path:
    """The folder the reference data are read from (WARMESTAD_DATA wins over DATA_DIR)."""
    env = os.environ.get("WARMESTAD_DATA")
    return Path(env) if env else DATA_DIR


def _rel(path: Path) -> str:
    """A short file name for messages: data/<name>."""
    return f"data/{path.name}"


def _file_error(path: Path, problem: str) -> WarmeStadError:
    return WarmeStadError(f"Fout in gegevensbestand {_rel(path)}: {problem}")


def _item_error(path: Path, label: str, field: str, problem: str) -> WarmeStadError:
    return WarmeStadError(f"Fout in gegevensbestand {_rel(path)}, item {label}, veld '{field}': {problem}")


@functools.cache
def _yaml_loader():
    from ruamel.yaml import YAML

    try:
        return YAML(typ="safe", pure=False)  # C loader when ruamel.yaml.clib is installed
    except Exception:  # pragma: no cover - depends on the installed ruamel build
        return YAML(typ="safe", pure=True)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise WarmeStadError(f"Gegevensbestand {_rel(path)} ontbreekt (gezocht in {path.parent}).") from None
    except UnicodeDecodeError:
        raise _file_error(path, "het bestand is niet in UTF-8 opgeslagen.") from None
    except OSError as exc:
        raise _file_error(path, f"het bestand kan niet gelezen worden ({exc.strerror}).") from None


@functools.cache
def _yaml_doc(stem: str) -> dict:
    """Parse data/<stem>.yaml and check its top-level shape."""
    path = data_dir() / f"{stem}.yaml"
    text = _read_text(path)
    try:
        doc = _yaml_loader().load(text)
    except Exception as exc:  # ruamel's YAMLError and friends
        mark = getattr(exc, "problem_mark", None)
        where = f" (regel {mark.line + 1})" if mark is not None else ""
        raise _file_error(path, f"geen geldige YAML{where}.") from None
    if not isinstance(doc, dict):
        raise _file_error(path, "het bestand moet een mapping zijn met de sleutels 'bron' en 'items'.")
    body_key = "tabellen" if stem == "bronnen" else "items"
    for key in ("bron", body_key):
        if key not in doc:
            raise _file_error(path, f"de sleutel '{key}' ontbreekt bovenaan.")
    if body_key == "items" and not isinstance(doc["items"], list):
        raise _file_error(path, "'items' moet een lijst zijn.")
    if body_key == "tabellen" and not isinstance(doc["tabellen"], dict):
        raise _file_error(path, "'tabellen' moet een mapping zijn.")
    doc["_path"] = path
    return doc


def _source_from(mapping: Any, path: Path, label: str) -> Source:
    if not isinstance(mapping, dict):
        raise _file_error(path, f"{label} moet een mapping zijn met titel, uitgever en jaar.")
    unknown = set(mapping) - {"titel", "uitgever", "jaar", "opmerking", "bestand"}
    if unknown:
        raise _file_error(path, f"{label} heeft onbekende velden: {', '.join(sorted(unknown))}.")
    for key in ("titel", "uitgever", "jaar"):
        if mapping.get(key) in (None, ""):
            raise _file_error(path, f"{label} mist het veld '{key}'.")
    for key in ("titel", "uitgever"):
        if not isinstance(mapping[key], str):
            raise _file_error(path, f"{label}: '{key}' moet tekst zijn.")
    jaar = mapping["jaar"]
    if isinstance(jaar, bool) or not isinstance(jaar, (int, str)):
        raise _file_error(path, f"{label}: 'jaar' moet een jaartal of een tekst zijn.")
    opmerking = mapping.get("opmerking") or ""
    if not isinstance(opmerking, str):
        raise _file_error(path, f"{label}: 'opmerking' moet tekst zijn.")
    return Source(titel=mapping["titel"].strip(), uitgever=mapping["uitgever"].strip(), jaar=jaar,
                  opmerking=opmerking.strip())


_MISSING = object()


class _ItemReader:
    """Reads and type-checks the fields of one YAML item, with precise Dutch error messages."""

    __slots__ = ("path", "item", "label")

    def __init__(self, path: Path, item: Any, index: int, key: str, allowed: tuple[str, ...]):
        self.path = path
        if not isinstance(item, dict):
            raise _file_error(path, f"item {index + 1} moet een mapping zijn.")
        self.item = item
        ident = item.get(key)
        self.label = f"'{ident}'" if ident not in (None, "") else f"{index + 1}"
        unknown = set(item) - set(allowed)
        if unknown:
            raise _item_error(path, self.label, sorted(unknown)[0], "onbekend veld.")

    def error(self, field: str, problem: str) -> WarmeStadError:
        return _item_error(self.path, self.label, field, problem)

    def text(self, field: str, default: Any = _MISSING, required: bool = True) -> str:
        value = self.item.get(field, _MISSING)
        if value is _MISSING or value is None:
            if default is not _MISSING:
                return default
            raise self.error(field, "ontbreekt.")
        if not isinstance(value, str):
            raise self.error(field, f"moet tekst zijn (tussen aanhalingstekens), niet {value!r}.")
        value = value.strip()
        if required and not value and default is _MISSING:
            raise self.error(field, "is leeg.")
        return value

    def integer(self, field: str) -> int:
        value = self.item.get(field, _MISSING)
        if value is _MISSING:
            raise self.error(field, "ontbreekt.")
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(field, f"moet een geheel getal zijn, niet {value!r}.")
        return value

    def str_list(self, field: str, allowed: Any = None, nonempty: bool = True) -> tuple[str, ...]:
        value = self.item.get(field, _MISSING)
        if value is _MISSING:
            raise self.error(field, "ontbreekt.")
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(field, "moet een lijst van teksten zijn (codes tussen aanhalingstekens).")
        if nonempty and not value:
            raise self.error(field, "de lijst is leeg.")
        if allowed is not None:
            for v in value:
                if v not in allowed:
                    raise self.error(field, f"onbekende waarde '{v}' (toegelaten: {', '.join(allowed)}).")
        return tuple(value)

    def int_list(self, field: str, allowed: Any = None) -> tuple[int, ...]:
        value = self.item.get(field, _MISSING)
        if value is _MISSING:
            raise self.error(field, "ontbreekt.")
        if (not isinstance(value, list) or not value
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
            raise self.error(field, "moet een niet-lege lijst van gehele getallen zijn.")
        if allowed is not None:
            for v in value:
                if v not in allowed:
                    shown = ", ".join(str(a) for a in allowed)
                    raise self.error(field, f"onbekende waarde {v} (toegelaten: {shown}).")
        return tuple(value)

    def choice(self, field: str, allowed: Any) -> str:
        value = self.text(field)
        if value not in allowed:
            raise self.error(field, f"onbekende waarde '{value}' (toegelaten: {', '.join(allowed)}).")
        return value


def _items(stem: str, key: str, allowed: tuple[str, ...]):
    """Yield (reader, path) for every item of data/<stem>.yaml, rejecting duplicate keys."""
    doc = _yaml_doc(stem)
    path = doc["_path"]
    seen: set = set()
    for index, raw in enumerate(doc["items"]):
        reader = _ItemReader(path, raw, index, key, allowed)
        ident = raw.get(key)
        if ident in seen:
            raise reader.error(key, "deze waarde komt meer dan eens voor.")
        seen.add(ident)
        yield reader
    if not seen:
        raise _file_error(path, "de lijst 'items' is leeg.")


def _slug_ok(value: str) -> bool:
    return re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value) is not None


def _slug(reader: _ItemReader, field: str = "id") -> str:
    value = reader.text(field)
    if not _slug_ok(value):
        raise reader.error(field, f"'{value}' is geen geldige code (kleine letters, cijfers en koppeltekens).")
    return value


# --------------------------------------------------------------------------------- YAML tables


@functools.cache
def pillars() -> tuple[Pillar, ...]:
    out = []
    for r in _items("pijlers", "nummer", ("nummer", "titel", "kort")):
        out.append(Pillar(nummer=r.integer("nummer"), titel=r.text("titel"), kort=r.text("kort")))
    return tuple(sorted(out, key=lambda p: p.nummer))


@functools.cache
def steps() -> tuple[Step, ...]:
    out = []
    for r in _items("stappen", "nummer", ("nummer", "naam", "doel", "opleveringen", "checklist")):
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


@functools.cache
def sectors() -> tuple[Sector, ...]:
    return tuple(Sector(id=_slug(r), naam=r.text("naam")) for r in _items("sectoren", "id", ("id", "naam")))


@functools.cache
def organisation_types() -> tuple[OrgType, ...]:
    known = [s.id for s in sectors()]
    return tuple(
        OrgType(id=_slug(r), naam=r.text("naam"), sector=r.choice("sector", known))
        for r in _items("organisatietypes", "id", ("id", "naam", "sector"))
    )


@functools.cache
def kickoff_parts() -> tuple[KickoffPart, ...]:
    """The suggested parts of a kick-off moment (step 1), in programme order."""
    return tuple(
        KickoffPart(id=_slug(r), titel=r.text("titel"), duur_min=r.integer("duur_min"), wie=r.text("wie"),
                    uitleg=r.text("uitleg"))
        for r in _items("kickoff_programma", "id", ("id", "titel", "duur_min", "wie", "uitleg"))
    )


_PRACTICE_FIELDS = tuple(Practice.__dataclass_fields__)


@functools.cache
def catalogue() -> tuple[Practice, ...]:
    pillar_numbers = [p.nummer for p in pillars()]
    field_codes = [b.code for b in beleidsvelden()]
    target_codes = [t.code for t in sdg_targets()]
    out = []
    for r in _items("inspiratiebox", "id", _PRACTICE_FIELDS):
        out.append(Practice(
            id=_slug(r),
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


def _website(r: _ItemReader) -> str:
    return _address(r, "website", r.text("website", default=""))


def _source_address(r: _ItemReader) -> str:
    value = r.text("bron_adres")
    return value if value == NO_SOURCE else _address(r, "bron_adres", value)


def _address(r: _ItemReader, field: str, value: str) -> str:
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


@functools.cache
def sdgs() -> tuple[Sdg, ...]:
    out = [Sdg(nummer=r.integer("nummer"), naam=r.text("naam")) for r in _items("sdgs", "nummer", ("nummer", "naam"))]
    return tuple(sorted(out, key=lambda s: s.nummer))


def _target_sort_key(code: str) -> tuple:
    goal, _, sub = code.partition(".")
    return (int(goal), 0 if sub.isdigit() else 1, int(sub) if sub.isdigit() else 0, sub)


@functools.cache
def sdg_targets() -> tuple[SdgTarget, ...]:
    goals = [s.nummer for s in sdgs()]
    out = []
    for r in _items("sdg_targets", "code", ("code", "sdg", "tekst")):
        code = r.text("code")
        sdg = r.integer("sdg")
        if sdg not in goals:
            raise r.error("sdg", f"onbekend SDG-nummer {sdg}.")
        if not re.fullmatch(r"\d{1,2}\.(\d{1,2}|[a-c])", code) or code.split(".")[0] != str(sdg):
            raise r.error("code", f"'{code}' is geen targetcode van SDG {sdg} (bv. \"{sdg}.1\").")
        out.append(SdgTarget(code=code, sdg=sdg, tekst=r.text("tekst")))
    return tuple(sorted(out, key=lambda t: _target_sort_key(t.code)))


@functools.cache
def vizier_goals() -> tuple[VizierGoal, ...]:
    return tuple(
        VizierGoal(id=_slug(r), titel=r.text("titel"), thema=r.text("thema"),
                   bron_adres=_address(r, "bron_adres", r.text("bron_adres")))
        for r in _items("vizier2030", "id", ("id", "titel", "thema", "bron_adres"))
    )


@functools.cache
def sdg_rules() -> tuple[SdgRule, ...]:
    """The project's own rules for SDG and Vizier 2030 suggestions (data/sdg_regels.yaml)."""
    fields = ("id", "pijlers", "settings", "woorden", "catalogus", "sdg_targets", "vizier", "uitleg")
    targets = [t.code for t in sdg_targets()]
    vizier = [v.id for v in vizier_goals()]
    out = []
    for r in _items("sdg_regels", "id", fields):
        def optional(field, read):
            return read(field) if field in r.item else ()

        catalogus = r.item.get("catalogus", False)
        if not isinstance(catalogus, bool):
            raise r.error("catalogus", "moet true of false zijn.")
        woorden = optional("woorden", r.str_list)
        if any(not w.strip() or w != w.lower() for w in woorden):
            raise r.error("woorden", "schrijf elk woord(deel) in kleine letters, zonder lege waarden.")
        rule = SdgRule(
            id=_slug(r),
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


def plain_text(text: str) -> str:
    """Lower case, accents removed, one space between words: how words and titles are compared."""
    plain = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def words_match(stem: str, text: str) -> bool:
    """True when a word of `text` begins with `stem` (both compared in normalized form)."""
    return re.search(r"(?<![a-z0-9])" + re.escape(plain_text(stem)), plain_text(text)) is not None


@functools.cache
def beleidsvelden() -> tuple[Beleidsveld, ...]:
    """The workbook's summary of the beleidsvelden; an item with `tot` gives every code of its range."""
    out = []
    for r in _items("beleidsvelden", "code", ("code", "tot", "naam")):
        first = _field_code(r, "code")
        last = _field_code(r, "tot") if "tot" in r.item else first
        if last < first:
            raise r.error("tot", f"'{last}' ligt voor '{first}'.")
        out += [Beleidsveld(code=f"{n:04d}", naam=r.text("naam")) for n in range(int(first), int(last) + 1)]
    return tuple(sorted(out, key=lambda b: b.code))


def _field_code(r: _ItemReader, field: str) -> str:
    code = r.text(field)
    if not re.fullmatch(r"\d{4}", code):
        raise r.error(field, f"'{code}' is geen beleidsveldcode van vier cijfers (tussen aanhalingstekens).")
    return code


@functools.cache
def indicator_defs() -> tuple[IndicatorDef, ...]:
    out = []
    fields = ("id", "naam", "eenheid", "soort", "noemer", "code", "jaar_label", "referentiejaar", "bron")
    for r in _items("indicatoren", "id", fields):
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
            bron=_source_from(r.item.get("bron"), r.path, f"item {r.label}, veld 'bron'"),
            referentiejaar=r.integer("referentiejaar") if "referentiejaar" in r.item else None,
        ))
    return tuple(out)


@functools.cache
def flemish_figures() -> tuple[ContextFigure, ...]:
    """data/vlaamse_cijfers.yaml: each figure with its source, year and the address it is stated at."""
    fields = ("id", "cijfer", "omschrijving", "leeftijd", "jaar", "bron", "bron_adres")
    return tuple(
        ContextFigure(id=_slug(r), cijfer=r.text("cijfer"), omschrijving=r.text("omschrijving"),
                      leeftijd=r.text("leeftijd"), jaar=r.integer("jaar"), bron=r.text("bron"),
                      bron_adres=_address(r, "bron_adres", r.text("bron_adres")))
        for r in _items("vlaamse_cijfers", "id", fields)
    )


# --------------------------------------------------------------------------------- CSV tables


def _csv_rows(table: str, required: tuple[str, ...]) -> tuple[Path, list[str], list[dict[str, str]]]:
    path = data_dir() / CSV_TABLES[table]
    text = _read_text(path)
    reader = csv.DictReader(text.lstrip("\ufeff").splitlines())
    header = list(reader.fieldnames or [])
    missing = [c for c in required if c not in header]
    if missing:
        raise _file_error(path, f"de kolom(men) {', '.join(missing)} ontbreken in de kopregel.")
    rows = []
    for line_no, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise _file_error(path, f"regel {line_no} heeft niet evenveel kolommen als de kopregel.")
        rows.append(row)
    if not rows:
        raise _file_error(path, "de tabel is leeg.")
    return path, header, rows


def _check_nis(path: Path, line_no: int, value: str) -> str:
    value = value.strip()
    if not re.fullmatch(r"\d{5}", value):
        raise _file_error(path, f"regel {line_no}: '{value}' is geen NIS-code van vijf cijfers.")
    return value


def _normalize(text: str) -> str:
    """Case, accent, space, hyphen and punctuation insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


@functools.cache
def municipalities() -> tuple[Municipality, ...]:
    fields = ("nis", "naam", "provincie", "logo", "gezondheidsmakers", "eerstelijnszone")
    path, _, rows = _csv_rows("gemeenten", fields)
    out = []
    seen = set()
    for line_no, row in enumerate(rows, start=2):
        nis = _check_nis(path, line_no, row["nis"])
        if nis in seen:
            raise _file_error(path, f"regel {line_no}: NIS-code {nis} komt meer dan eens voor.")
        seen.add(nis)
        naam = row["naam"].strip()
        if not naam:
            raise _file_error(path, f"regel {line_no}: de naam ontbreekt.")
        out.append(Municipality(nis=nis, naam=naam, provincie=row["provincie"].strip(), logo=row["logo"].strip(),
                                gezondheidsmakers=row["gezondheidsmakers"].strip(),
                                eerstelijnszone=row["eerstelijnszone"].strip()))
    return tuple(sorted(out, key=lambda m: (_normalize(m.naam), m.naam)))


@functools.cache
def _by_nis() -> dict[str, Municipality]:
    return {m.nis: m for m in municipalities()}


def municipality(nis: str) -> Municipality:
    code = str(nis).strip()
    found = _by_nis().get(code)
    if found is not None:
        return found
    old = _mergers_by_old_nis().get(code)
    if old is not None:
        raise WarmeStadError(
            f"NIS-code {code} ({old.naam_2024}) bestaat niet meer sinds {MERGER_DATE_NL}; "
            f"gebruik {old.nis_2025} ({old.naam_2025})."
        )
    raise WarmeStadError(f"Onbekende NIS-code '{code}': geen van de 285 Vlaamse gemeenten sinds 2025.")


@functools.cache
def mergers() -> tuple[Merger, ...]:
    path, _, rows = _csv_rows("fusies", ("nis_2024", "nis_2025", "naam_2024", "naam_2025"))
    current = _by_nis()
    out = []
    for line_no, row in enumerate(rows, start=2):
        merger = Merger(nis_2024=_check_nis(path, line_no, row["nis_2024"]),
                        nis_2025=_check_nis(path, line_no, row["nis_2025"]),
                        naam_2024=row["naam_2024"].strip(), naam_2025=row["naam_2025"].strip())
        target = current.get(merger.nis_2025)
        if target is None:
            raise _file_error(path, f"regel {line_no}: NIS-code {merger.nis_2025} is geen huidige gemeente.")
        if target.naam != merger.naam_2025:
            raise _file_error(path, f"regel {line_no}: {merger.nis_2025} heet '{target.naam}', "
                                    f"niet '{merger.naam_2025}'.")
        out.append(merger)
    return tuple(out)


@functools.cache
def _mergers_by_old_nis() -> dict[str, Merger]:
    return {m.nis_2024: m for m in mergers()}


@functools.cache
def _name_index() -> tuple[dict[str, Municipality], dict[str, Merger], dict[str, str]]:
    """Normalized current names, normalized former names, and normalized -> display name."""
    current = {_normalize(m.naam): m for m in municipalities()}
    former: dict[str, Merger] = {}
    display: dict[str, str] = {key: m.naam for key, m in current.items()}
    for merger in mergers():
        key = _normalize(merger.naam_2024)
        if key not in current:
            former[key] = merger
            display[key] = merger.naam_2024
    return current, former, display


def _merger_note(merger: Merger) -> str:
    if merger.naam_2024 != merger.naam_2025:
        return f"{merger.naam_2024} is op {MERGER_DATE_NL} opgegaan in {merger.naam_2025} (NIS {merger.nis_2025})."
    partners = sorted({m.naam_2024 for m in mergers()
                       if m.nis_2025 == merger.nis_2025 and m.naam_2024 != merger.naam_2024})
    joined = f" samengevoegd met {join(partners)}" if partners else " gefuseerd"
    return (f"{merger.naam_2024} is op {MERGER_DATE_NL}{joined}; de gemeente heeft nu NIS-code "
            f"{merger.nis_2025} (was {merger.nis_2024}).")


def find_municipality(text: str) -> tuple[Municipality, str | None]:
    """Find a municipality by current or 2024 NIS code, or by current or former name.

    Returns (municipality, note); note is a Dutch sentence when a former municipality (or its old
    code) was mapped to the municipality it became part of on 1 January 2025, else None.
    """
    query = str(text).strip()
    if not query:
        raise WarmeStadError("Geef een gemeente op: een naam of een NIS-code.")
    if query.isdigit():
        found = _by_nis().get(query)
        if found is not None:
            return found, None
        merger = _mergers_by_old_nis().get(query)
        if merger is not None:
            return _by_nis()[merger.nis_2025], _merger_note(merger)
        raise WarmeStadError(
            f"Onbekende gemeente '{query}': geen NIS-code van een Vlaamse gemeente (van 2024 of sinds 2025)."
        )
    current, former, display = _name_index()
    key = _normalize(query)
    if key in current:
        return current[key], None
    if key in former:
        merger = former[key]
        return _by_nis()[merger.nis_2025], _merger_note(merger)
    close = difflib.get_close_matches(key, list(display), n=3, cutoff=0.6)
    if close:
        names = list(dict.fromkeys(display[c] for c in close))
        raise WarmeStadError(f"Onbekende gemeente '{query}'. Bedoelde u: {', '.join(names)}?")
    raise WarmeStadError(f"Onbekende gemeente '{query}'. Controleer de schrijfwijze of geef de NIS-code.")


@functools.cache
def _population() -> dict[str, dict[str, int]]:
    path, header, rows = _csv_rows("bevolking", ("nis", "total", "m_0_4", "f_0_4"))
    columns = [c for c in header if c not in _POPULATION_TEXT_COLUMNS]
    out: dict[str, dict[str, int]] = {}
    for line_no, row in enumerate(rows, start=2):
        nis = _check_nis(path, line_no, row["nis"])
        values = {}
        for col in columns:
            raw = row[col].strip()
            if not raw.isdigit():
                raise _file_error(path, f"regel {line_no}, kolom '{col}': '{raw}' is geen aantal.")
            values[col] = int(raw)
        out[nis] = values
    return out


def population_2026() -> dict[str, dict[str, int]]:
    """nis -> {column: count} for every numeric column (m_/f_ five-year bands and 'total')."""
    return {nis: dict(values) for nis, values in _population().items()}


@functools.cache
def _indicator_values() -> dict[str, dict[str, float | None]]:
    ids = tuple(d.id for d in indicator_defs())
    path, _, rows = _csv_rows("stadsmonitor", ("nis",) + ids)
    out: dict[str, dict[str, float | None]] = {}
    for line_no, row in enumerate(rows, start=2):
        nis = _check_nis(path, line_no, row["nis"])
        values: dict[str, float | None] = {}
        for col in ids:
            raw = row[col].strip()
            if not raw:
                values[col] = None
                continue
            try:
                values[col] = float(raw.replace(",", "."))
            except ValueError:
                raise _file_error(path, f"regel {line_no}, kolom '{col}': '{raw}' is geen getal.") from None
        out[nis] = values
    return out


def indicator_values() -> dict[str, dict[str, float | None]]:
    """nis -> {indicator id: value}; None where the source has no value."""
    return {nis: dict(values) for nis, values in _indicator_values().items()}


# --------------------------------------------------------------------------------- sources


@functools.cache
def _table_sources() -> dict[str, Source]:
    doc = _yaml_doc("bronnen")
    path = doc["_path"]
    out = {}
    for table in CSV_TABLES:
        entry = doc["tabellen"].get(table)
        if entry is None:
            raise _file_error(path, f"de tabel '{table}' ontbreekt onder 'tabellen'.")
        out[table] = _source_from(entry, path, f"tabel '{table}'")
    return out


def source(table: str) -> Source:
    """Source of a CSV table ("gemeenten", "fusies", "bevolking", "stadsmonitor") or a YAML file stem."""
    if table in CSV_TABLES:
        return _table_sources()[table]
    if table in YAML_TABLES or table == "bronnen":
        doc = _yaml_doc(table)
        return _source_from(doc["bron"], doc["_path"], "het blok 'bron'")
    known = ", ".join(list(CSV_TABLES) + list(YAML_TABLES))
    raise WarmeStadError(f"Onbekende tabel '{table}'. Gekende tabellen: {known}.")


# --------------------------------------------------------------------------------- lookups

_LOOKUPS = {
    "pijlers": (pillars, "nummer"),
    "stappen": (steps, "nummer"),
    "sectoren": (sectors, "id"),
    "organisatietypes": (organisation_types, "id"),
    "inspiratiebox": (catalogue, "id"),
    "sdgs": (sdgs, "nummer"),
    "sdg_targets": (sdg_targets, "code"),
    "vizier2030": (vizier_goals, "id"),
    "beleidsvelden": (beleidsvelden, "code"),
    "indicatoren": (indicator_defs, "id"),
    "kickoff_programma": (kickoff_parts, "id"),
    "sdg_regels": (sdg_rules, "id"),
    "vlaamse_cijfers": (flemish_figures, "id"),
}


@functools.cache
def _lookup(kind: str) -> dict:
    loader, key = _LOOKUPS[kind]
    return {getattr(record, key): record for record in loader()}


def lookup(kind: str) -> dict:
    """A dict keyed by the natural key: e.g. lookup("inspiratiebox")["awel"] -> Practice."""
    if kind not in _LOOKUPS:
        raise WarmeStadError(f"Onbekende referentietabel '{kind}'. Gekend: {', '.join(_LOOKUPS)}.")
    return dict(_lookup(kind))


def load_all() -> None:
    """Load and check every table (used by tests and by `warmestad` at start-up to fail early)."""
    for loader, _ in _LOOKUPS.values():
        loader()
    municipalities()
    mergers()
    _population()
    _indicator_values()
    _table_sources()
    for table in YAML_TABLES:
        source(table)


_CACHED = (
    _yaml_loader, _yaml_doc, pillars, steps, sectors, organisation_types, catalogue, sdgs, sdg_targets,
    vizier_goals, sdg_rules, beleidsvelden, indicator_defs, kickoff_parts, flemish_figures, municipalities, _by_nis,
    mergers, _mergers_by_old_nis, _name_index, _population, _indicator_values, _table_sources, _lookup,
)


def clear_cache() -> None:
    """Forget every loaded table, e.g. after pointing WARMESTAD_DATA at another folder."""
    for fn in _CACHED:
        fn.cache_clear()
