"""Load and save plan files: safe YAML, comments kept, atomic saves, backups, conflict check."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarfloat import ScalarFloat
from ruamel.yaml.scalarstring import LiteralScalarString

from .errors import ConflictError, WarmeStadError
from . import migrations
from .files import atomic_write, dutch_write_errors, file_lock, remove_stale_temps
from .model import SCHEMA_VERSION, Plan
from .validation import dutch_problems
from .yamlcheck import check_events

MAX_BYTES = 5 * 1024 * 1024
BACKUPS_KEPT = 20  # per plan, in .backups/<plan>/; the oldest go first
CONFLICTS_KEPT = 20  # refused versions per plan, in .conflicten/; the oldest go first
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}

# Upgrades of the raw data from one schema version to the next: {from_version: function}.
# A migrated plan's first save keeps the file as it was among its backups (PlanStore._backup).
MIGRATIONS: dict[int, Any] = {1: migrations.version_1_to_2}


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.default_flow_style = False
    yaml.width = 4096  # never fold a long text over lines on its own
    yaml.indent(mapping=2, sequence=4, offset=2)
    # One date object used twice must not come out as an alias: the loader refuses aliases.
    yaml.representer.ignore_aliases = lambda data: True
    return yaml


class _ReadResolver(VersionedResolver):
    """The resolver of the fast (C) reader, for YAML 1.2 as ever.

    ruamel's resolver asks the parser for the document's YAML version on every scalar; the C parser
    has no answer, so each scalar paid for a failed lookup before falling back to 1.2, ruamel's
    default (about a quarter of the time to read a plan).
    """

    @property
    def processing_version(self) -> tuple[int, int]:
        return (1, 2)


def _fast_reader() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    yaml.Resolver = _ReadResolver
    return yaml


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise WarmeStadError(f"{path}: dit bestand bestaat niet.")
    if not path.is_file():
        raise WarmeStadError(f"{path}: dit is geen bestand maar een map.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise WarmeStadError(
            f"{path}: het bestand is te groot ({size / 1e6:.1f} MB); "
            f"een plan is hooguit {MAX_BYTES // 1_000_000} MB. Is dit wel een planbestand?"
        )
    return path.read_bytes()


def refuse_unreadable(path: Path, text: bytes) -> None:
    """Before a write: refuse a plan that no later read would accept (the schema was checked already)."""
    if len(text) > MAX_BYTES:
        raise WarmeStadError(
            f"{path}: NIET bewaard: het plan zou {len(text) / 1e6:.1f} MB groot worden, en een plan is "
            f"hooguit {MAX_BYTES // 1_000_000} MB (anders kan niemand het nog openen). Maak lange teksten "
            "korter of haal ingelezen lijsten die niet bij dit plan horen weer weg."
        )


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise WarmeStadError(f"{path}: dit is geen tekstbestand; een plan is een YAML-tekstbestand.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WarmeStadError(
            f"{path}: het bestand is geen UTF-8-tekst (fout op byte {exc.start}); "
            "bewaar het als UTF-8."
        ) from None
    if not text.strip():
        raise WarmeStadError(f"{path}: het bestand is leeg; er staat geen plan in.")
    return text


def _check_nodes(path: Path, node: Any) -> None:
    """Refuse tags the resolver gave that build more than plain data (a merge key `<<`)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.tag not in _PLAIN_TAGS:
            raise WarmeStadError(
                f"{path}, regel {current.start_mark.line + 1}: de YAML-tag '{current.tag}' is "
                "niet toegelaten. Een plan bevat enkel gewone tekst, getallen, datums en lijsten."
            )
        if isinstance(current, MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
        elif isinstance(current, SequenceNode):
            stack.extend(current.value)


_YAML_PROBLEMS = (
    ("duplicate key", "deze sleutel staat er twee keer in"),
    ("'\\t'", "tabs zijn niet toegelaten om in te springen; gebruik spaties"),
    ("mapping values are not allowed", "een dubbelpunt staat op een plaats waar dat niet kan "
     "(tekst met een dubbelpunt tussen aanhalingstekens zetten?)"),
    ("could not find expected ':'", "hier ontbreekt een dubbelpunt"),
    ("end of stream", "het bestand stopt te vroeg (een aanhalingsteken of haakje niet gesloten?)"),
    ("expected ',' or", "een lijst of groep tussen haakjes is niet goed gesloten"),
    ("expected <block end>", "de inspringing klopt niet"),
)


def _dutch_yaml_problem(problem: str) -> str:
    for needle, dutch in _YAML_PROBLEMS:
        if needle in problem:
            return dutch
    return "de opmaak klopt hier niet"


def _bad_date_line(text: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        for found in re.findall(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.:-])", line):
            try:
                date(*map(int, found))
            except ValueError:
                return number
    return None


def _parse(path: Path, text: str, round_trip: bool = True) -> Any:
    """Compose once, refuse unsafe nodes, then construct from the checked nodes.

    The round-trip loader keeps comments (for saving) but is pure Python; reading only
    uses the C safe loader, about 7 times faster on a large plan.
    """
    yaml = _yaml() if round_trip else _fast_reader()
    try:
        # Depth, explicit tags and aliases first, on the flat event stream of the fast parser.
        check_events(path, _fast_reader().parse(text))
        constructor, _parser = yaml.get_constructor_parser(text)
        root = constructor.composer.get_single_node()
        if root is None:
            raise WarmeStadError(f"{path}: het plan is leeg; er staan enkel opmerkingen in.")
        _check_nodes(path, root)
        tree = constructor.construct_document(root)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"regel {mark.line + 1}, kolom {mark.column + 1}: " if mark else ""
        raise WarmeStadError(
            f"{path}: dit is geen geldige YAML ({where}{_dutch_yaml_problem(str(exc.problem))})."
        ) from None
    except YAMLError:
        raise WarmeStadError(f"{path}: dit is geen geldige YAML.") from None
    except ValueError:
        # Dates are built while loading: 2025-13-45 fails here, without a position.
        line = _bad_date_line(text)
        where = f"regel {line}: " if line else ""
        raise WarmeStadError(f"{path}: {where}deze datum bestaat niet (gebruik JJJJ-MM-DD).") from None
    if not isinstance(tree, dict):
        raise WarmeStadError(
            f"{path}: hierin staat geen plan; een plan begint met velden zoals 'gemeente:' en 'partners:'."
        )
    return tree


def _migrate(path: Path, tree: dict) -> None:
    version = tree.get("schema_versie", SCHEMA_VERSION)
    if not isinstance(version, int) or version < 1:
        raise WarmeStadError(f"{path}: veld schema_versie: moet een geheel getal vanaf 1 zijn.")
    if version > SCHEMA_VERSION:
        raise WarmeStadError(
            f"{path}: dit plan heeft schema_versie {version}, maar deze versie van het werkboek "
            f"kent tot versie {SCHEMA_VERSION}. Werk het werkboek bij."
        )
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](tree)
        version += 1
        tree["schema_versie"] = version


def validate(path: Path, tree: Any) -> Plan:
    try:
        return Plan.model_validate(tree)
    except ValidationError as exc:
        problems = dutch_problems(exc, tree)
        count = "1 probleem" if len(problems) == 1 else f"{len(problems)} problemen"
        raise WarmeStadError(f"{path}: het plan bevat {count}:", problems) from None


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _fresh(value: Any) -> Any:
    """New content for the YAML tree: empty fields left out, long texts as blocks."""
    if isinstance(value, dict):
        # Emptiness after freshening: a section holding only empty parts is left out as a whole.
        fresh = {k: _fresh(v) for k, v in value.items()}
        return {k: v for k, v in fresh.items() if not _is_empty(v)}
    if isinstance(value, list):
        return [_fresh(v) for v in value]
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)  # people write 60000, not 60000.0 (the schema reads either)
    return value


def _same(old: Any, new: Any) -> bool:
    # 1500 in the file and 1500.0 from the model are the same value; true and 1 are not.
    return old == new and isinstance(old, bool) == isinstance(new, bool)


def _writes_back(node: Any) -> bool:
    # ruamel writes a float it read in exponent notation (1.519569217093949e-66) back with a
    # digit lost, so such a value is written afresh; every other scalar comes back as it was.
    return not (isinstance(node, ScalarFloat) and node._exp)


def _add_in_order(node: Any, key: str, value: Any, later: list[str]) -> None:
    """A new field goes before the fields the schema puts after it (a new section of a migrated
    plan lands in its place, not after the last section)."""
    if later and hasattr(node, "insert"):
        node.insert(list(node).index(later[0]), key, value)
    else:
        node[key] = value


def merge_into(node: Any, data: Any) -> Any:
    """Update the round-trip tree in place so unchanged parts keep their comments and style."""
    if isinstance(node, dict) and isinstance(data, dict):
        for key in [k for k in node if k not in data]:
            del node[key]
        keys = list(data)
        for index, key in enumerate(keys):
            value = data[key]
            if key not in node:
                fresh = _fresh(value)
                if not _is_empty(fresh):
                    _add_in_order(node, key, fresh, [k for k in keys[index + 1:] if k in node])
            elif _is_empty(value) and not _same(node[key], value):
                del node[key]
            else:
                merged = merge_into(node[key], value)
                if merged is not node[key]:
                    node[key] = merged
        return node
    if isinstance(node, list) and isinstance(data, list):
        for index, value in enumerate(data):
            if index >= len(node):
                node.append(_fresh(value))
                continue
            merged = merge_into(node[index], value)
            if merged is not node[index]:
                node[index] = merged
        del node[len(data):]
        return node
    return node if _same(node, data) and _writes_back(node) else _fresh(data)


def dump(tree: Any) -> bytes:
    buffer = io.StringIO()
    _yaml().dump(tree, buffer)
    return buffer.getvalue().encode("utf-8")


def read_plan(path: str | Path) -> Plan:
    """Read and validate a plan file for reading only (reports, checks): the fast loader."""
    path = Path(path)
    text = _decode(path, _read_bytes(path))
    tree = _parse(path, text, round_trip=False)
    _migrate(path, tree)
    try:
        return Plan.model_validate(tree)
    except ValidationError:
        # Only the round-trip tree knows line numbers: parse again to name them.
        tree = _parse(path, text)
        _migrate(path, tree)
        return validate(path, tree)


@dataclass(frozen=True)
class Version:
    """An earlier version of a plan: a numbered backup and the time that version was saved."""

    number: int
    path: Path
    saved: datetime


class PlanStore:
    """One plan file: its validated plan, its YAML tree, and the version on disk it came from."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.reload()
        # Temp files of killed saves also go when the plan is opened, not only after a save: saves
        # killed one after the other before any finished (a busy machine) leave no pile.
        remove_stale_temps(self.path.parent, self.path.name)
        remove_stale_temps(self.backup_dir)

    def reload(self) -> None:
        data = _read_bytes(self.path)
        tree = _parse(self.path, _decode(self.path, data))
        _migrate(self.path, tree)
        self.plan = validate(self.path, tree)
        self._tree = tree
        self._loaded = _digest(data)

    def changed_on_disk(self) -> bool:
        try:
            current = self.path.read_bytes()
        except FileNotFoundError:
            return True
        return _digest(current) != self._loaded

    def save(self, plan: Plan | None = None) -> bool:
        """Validate and write the plan; True when the file changed. Refuses on a conflict."""
        plan = validate(self.path, (plan or self.plan).model_dump())
        merge_into(self._tree, plan.model_dump(mode="python"))
        text = dump(self._tree)
        refuse_unreadable(self.path, text)
        with file_lock(self.path):
            self._refuse_read_only()
            current = self.path.read_bytes() if self.path.exists() else None
            if _digest(current) != self._loaded:
                kept = self._keep_refused(text)
                raise ConflictError(
                    f"{self.path}: het plan is gewijzigd sinds het geopend werd (in een ander "
                    "venster, door een collega of met de hand). Uw wijziging is NIET in het plan "
                    f"bewaard, zodat niets overschreven wordt; ze staat apart in {kept}. "
                    "Herlaad het plan om de nieuwste versie te zien en breng uw wijziging opnieuw aan."
                )
            if current == text:
                self.plan = plan
                return False
            if current is not None:
                self._backup(current)
            atomic_write(self.path, text)
        self.plan, self._loaded = plan, _digest(text)
        return True

    def _refuse_read_only(self) -> None:
        # Checked by hand: a rename replaces a read-only file without complaint (and root may
        # write anything), but a user who made the plan read-only does not want it replaced.
        if self.path.exists() and not self.path.stat().st_mode & 0o222:
            raise WarmeStadError(
                f"{self.path}: dit plan is alleen-lezen gemaakt; uw wijziging is niet bewaard en het "
                "bestand is niet gewijzigd. Maak het bestand weer schrijfbaar (bv. chmod u+w) en "
                "probeer opnieuw, of werk verder in een kopie."
            )

    @property
    def backup_dir(self) -> Path:
        return self.path.parent / ".backups" / self.path.stem

    def backups(self) -> list[Path]:
        """The numbered backups, oldest first (other files in the folder are left alone)."""
        return _numbered(self.backup_dir, rf"{re.escape(self.path.stem)}\.(\d{{5,}})\.yaml", int)

    def conflicts(self) -> list[Path]:
        """The refused versions of this plan in .conflicten/, oldest first."""
        return _numbered(self.path.parent / ".conflicten",
                         rf"{re.escape(self.path.stem)}\.(\d{{8}}-\d{{6}}-\d{{6}})\.yaml", str)

    def versions(self) -> list[Version]:
        """The earlier versions of this plan (its backups), newest first, each with the time it was saved."""
        return [Version(_backup_number(p), p, datetime.fromtimestamp(p.stat().st_mtime))
                for p in reversed(self.backups())]

    def read_version(self, number: int) -> Plan:
        """Earlier version `number` as a plan (upgraded like any plan file); a Dutch message when it is gone."""
        found = [v for v in self.versions() if v.number == number]
        if not found:
            raise WarmeStadError(f"{self.path}: versie {number} bestaat niet (meer); alleen de laatste "
                                 f"{BACKUPS_KEPT} versies worden bewaard in {self.backup_dir}.")
        return read_plan(found[0].path)

    def restore(self, number: int) -> bool:
        """Make earlier version `number` the plan again: an ordinary save (conflict check, a backup of
        what it replaces, comments of the current file kept), so a restore can itself be undone."""
        return self.save(self.read_version(number))

    def _backup(self, data: bytes) -> None:
        # A failure names the plan: its save is what the user asked for.
        with dutch_write_errors(self.path):
            self.backup_dir.mkdir(parents=True, exist_ok=True)
        existing = self.backups()
        number = _backup_number(existing[-1]) + 1 if existing else 1
        target = self.backup_dir / f"{self.path.stem}.{number:05d}.yaml"
        atomic_write(target, data, about=self.path)
        # The backup keeps the time its version was saved: the list of versions shows that time.
        with contextlib.suppress(OSError):
            saved = self.path.stat()
            os.utime(target, ns=(saved.st_atime_ns, saved.st_mtime_ns))
        _prune(self.backups(), BACKUPS_KEPT)

    def _keep_refused(self, text: bytes) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.path.parent / ".conflicten" / f"{self.path.stem}.{stamp}.yaml"
        with dutch_write_errors(target.parent):
            target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, text)
        _prune(self.conflicts(), CONFLICTS_KEPT)
        return target


def _numbered(folder: Path, pattern: str, key) -> list[Path]:
    # A regular expression over the names, not a glob: a plan name may hold [ ] * ? and a stray
    # file in the folder must not break a save.
    if not folder.is_dir():
        return []
    found = [(key(m[1]), p) for p in folder.iterdir() if (m := re.fullmatch(pattern, p.name)) and p.is_file()]
    return [p for _, p in sorted(found)]


def _backup_number(path: Path) -> int:
    return int(path.stem.rsplit(".", 1)[-1])


def _prune(oldest_first: list[Path], keep: int) -> None:
    """Remove all but the newest `keep` files (never the newest), and temp files of killed writers."""
    for old in oldest_first[: max(0, len(oldest_first) - max(keep, 1))]:
        old.unlink(missing_ok=True)
    if oldest_first:
        remove_stale_temps(oldest_first[0].parent)


def create_plan(path: str | Path, plan: Plan) -> Path:
    """Write a new plan file; never overwrites an existing one."""
    path = Path(path)
    if path.exists():
        raise WarmeStadError(
            f"{path}: er bestaat al een plan met deze naam; het wordt niet overschreven. "
            "Open het bestaande plan of kies een andere map met --map."
        )
    text = dump(_fresh(plan.model_dump(mode="python")))
    refuse_unreadable(path, text)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, text)
    return path
