"""Reading data/: the data folder, YAML and CSV files checked while they are read, item readers with
Dutch messages naming the file, the item and the field, the sources of the tables, and the cache of
every loaded table (`cached`: `clear_cache` forgets them all, no list kept by hand)."""

from __future__ import annotations

import csv
import functools
import os
import re
from pathlib import Path
from typing import Any

from ..errors import WarmeStadError
from .records import Source

_CACHES: list = []


def cached(function):
    """functools.cache, registered so that clear_cache() forgets its tables too."""
    function = functools.cache(function)
    _CACHES.append(function)
    return function


def clear_cache() -> None:
    """Forget every loaded table, e.g. after pointing WARMESTAD_DATA at another folder."""
    for function in _CACHES:
        function.cache_clear()


DATA_DIR = Path(os.environ.get("WARMESTAD_DATA") or Path(__file__).resolve().parent.parent.parent / "data")


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


def data_dir() -> Path:
    """The folder the reference data are read from (WARMESTAD_DATA wins over DATA_DIR)."""
    env = os.environ.get("WARMESTAD_DATA")
    return Path(env) if env else DATA_DIR


def _rel(path: Path) -> str:
    """A short file name for messages: data/<name>."""
    return f"data/{path.name}"


def file_error(path: Path, problem: str) -> WarmeStadError:
    return WarmeStadError(f"Fout in gegevensbestand {_rel(path)}: {problem}")


def _item_error(path: Path, label: str, field: str, problem: str) -> WarmeStadError:
    return WarmeStadError(f"Fout in gegevensbestand {_rel(path)}, item {label}, veld '{field}': {problem}")


@cached
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
        raise file_error(path, "het bestand is niet in UTF-8 opgeslagen.") from None
    except OSError as exc:
        raise file_error(path, f"het bestand kan niet gelezen worden ({exc.strerror}).") from None


@cached
def _yaml_doc(stem: str) -> dict:
    """Parse data/<stem>.yaml and check its top-level shape."""
    path = data_dir() / f"{stem}.yaml"
    text = _read_text(path)
    try:
        doc = _yaml_loader().load(text)
    except Exception as exc:  # ruamel's YAMLError and friends
        mark = getattr(exc, "problem_mark", None)
        where = f" (regel {mark.line + 1})" if mark is not None else ""
        raise file_error(path, f"geen geldige YAML{where}.") from None
    if not isinstance(doc, dict):
        raise file_error(path, "het bestand moet een mapping zijn met de sleutels 'bron' en 'items'.")
    body_key = "tabellen" if stem == "bronnen" else "items"
    for key in ("bron", body_key):
        if key not in doc:
            raise file_error(path, f"de sleutel '{key}' ontbreekt bovenaan.")
    if body_key == "items" and not isinstance(doc["items"], list):
        raise file_error(path, "'items' moet een lijst zijn.")
    if body_key == "tabellen" and not isinstance(doc["tabellen"], dict):
        raise file_error(path, "'tabellen' moet een mapping zijn.")
    doc["_path"] = path
    return doc


def source_from(mapping: Any, path: Path, label: str) -> Source:
    if not isinstance(mapping, dict):
        raise file_error(path, f"{label} moet een mapping zijn met titel, uitgever en jaar.")
    unknown = set(mapping) - {"titel", "uitgever", "jaar", "opmerking", "bestand"}
    if unknown:
        raise file_error(path, f"{label} heeft onbekende velden: {', '.join(sorted(unknown))}.")
    for key in ("titel", "uitgever", "jaar"):
        if mapping.get(key) in (None, ""):
            raise file_error(path, f"{label} mist het veld '{key}'.")
    for key in ("titel", "uitgever"):
        if not isinstance(mapping[key], str):
            raise file_error(path, f"{label}: '{key}' moet tekst zijn.")
    jaar = mapping["jaar"]
    if isinstance(jaar, bool) or not isinstance(jaar, (int, str)):
        raise file_error(path, f"{label}: 'jaar' moet een jaartal of een tekst zijn.")
    opmerking = mapping.get("opmerking") or ""
    if not isinstance(opmerking, str):
        raise file_error(path, f"{label}: 'opmerking' moet tekst zijn.")
    return Source(titel=mapping["titel"].strip(), uitgever=mapping["uitgever"].strip(), jaar=jaar,
                  opmerking=opmerking.strip())


_MISSING = object()


class ItemReader:
    """Reads and type-checks the fields of one YAML item, with precise Dutch error messages."""

    __slots__ = ("path", "item", "label")

    def __init__(self, path: Path, item: Any, index: int, key: str, allowed: tuple[str, ...]):
        self.path = path
        if not isinstance(item, dict):
            raise file_error(path, f"item {index + 1} moet een mapping zijn.")
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


def items(stem: str, key: str, allowed: tuple[str, ...]):
    """Yield (reader, path) for every item of data/<stem>.yaml, rejecting duplicate keys."""
    doc = _yaml_doc(stem)
    path = doc["_path"]
    seen: set = set()
    for index, raw in enumerate(doc["items"]):
        reader = ItemReader(path, raw, index, key, allowed)
        ident = raw.get(key)
        if ident in seen:
            raise reader.error(key, "deze waarde komt meer dan eens voor.")
        seen.add(ident)
        yield reader
    if not seen:
        raise file_error(path, "de lijst 'items' is leeg.")


def slug_ok(value: str) -> bool:
    return re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value) is not None


def slug(reader: ItemReader, field: str = "id") -> str:
    value = reader.text(field)
    if not slug_ok(value):
        raise reader.error(field, f"'{value}' is geen geldige code (kleine letters, cijfers en koppeltekens).")
    return value


def csv_rows(table: str, required: tuple[str, ...]) -> tuple[Path, list[str], list[dict[str, str]]]:
    path = data_dir() / CSV_TABLES[table]
    text = _read_text(path)
    reader = csv.DictReader(text.lstrip("\ufeff").splitlines())
    header = list(reader.fieldnames or [])
    missing = [c for c in required if c not in header]
    if missing:
        raise file_error(path, f"de kolom(men) {', '.join(missing)} ontbreken in de kopregel.")
    rows = []
    for line_no, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise file_error(path, f"regel {line_no} heeft niet evenveel kolommen als de kopregel.")
        rows.append(row)
    if not rows:
        raise file_error(path, "de tabel is leeg.")
    return path, header, rows


def check_nis(path: Path, line_no: int, value: str) -> str:
    value = value.strip()
    if not re.fullmatch(r"\d{5}", value):
        raise file_error(path, f"regel {line_no}: '{value}' is geen NIS-code van vijf cijfers.")
    return value


@cached
def _table_sources() -> dict[str, Source]:
    doc = _yaml_doc("bronnen")
    path = doc["_path"]
    out = {}
    for table in CSV_TABLES:
        entry = doc["tabellen"].get(table)
        if entry is None:
            raise file_error(path, f"de tabel '{table}' ontbreekt onder 'tabellen'.")
        out[table] = source_from(entry, path, f"tabel '{table}'")
    return out


def source(table: str) -> Source:
    """Source of a CSV table ("gemeenten", "fusies", "bevolking", "stadsmonitor") or a YAML file stem."""
    if table in CSV_TABLES:
        return _table_sources()[table]
    if table in YAML_TABLES or table == "bronnen":
        doc = _yaml_doc(table)
        return source_from(doc["bron"], doc["_path"], "het blok 'bron'")
    known = ", ".join(list(CSV_TABLES) + list(YAML_TABLES))
    raise WarmeStadError(f"Onbekende tabel '{table}'. Gekende tabellen: {known}.")
