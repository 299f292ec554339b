"""Which plans a batch runs: the plan files, where their documents go, and which are out of date.

A plan's documents are up to date when every wanted file exists and is newer than each input:
the plan file itself, and what every document is made from (the notebooks, the templates, the
reference data in data/ and the package's code). The batch stamps the documents with the time the
plan's run started, so a plan edited during the run counts as out of date on the next run.

The coordinating process only reads the municipality from each plan file (a fast YAML read of one
block); the kernels read and check the whole plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import reference
from ..errors import WarmeStadError

PACKAGE = Path(__file__).resolve().parent.parent
ROOT = PACKAGE.parent
PLAN_SUFFIXES = (".yaml", ".yml")
# The municipality block at the top level of a plan file, in block style (the usual way).
_GEMEENTE = re.compile(r"^gemeente:[ \t]*(?:#.*)?\n((?:[ \t]+.*\n|[ \t]*\n)+)", re.MULTILINE)


@dataclass(frozen=True)
class PlanJob:
    path: Path
    nis: str  # the municipality the file names, read by read_municipality ("" when it does not say)
    naam: str

    @property
    def label(self) -> str:
        return self.naam or self.path.name

    def folder(self, out: Path) -> Path | None:
        """The plan's document folder, or None when the file does not say which municipality."""
        from ..report.pipeline import plan_folder

        return plan_folder(Path(out), self.nis, self.naam) if self.nis and self.naam else None


def find_plans(arguments: list[str | Path]) -> list[PlanJob]:
    """Plan files from files and folders (a folder: its *.yaml and *.yml files, not its subfolders)."""
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            paths += sorted(p for p in path.iterdir()
                            if p.suffix in PLAN_SUFFIXES and p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            paths.append(path)
        else:
            raise WarmeStadError(f"{path}: dit bestand of deze map bestaat niet.")
    if not paths:
        raise WarmeStadError(f"Geen planbestanden (.yaml) gevonden in {', '.join(map(str, arguments))}.")
    unique = list(dict.fromkeys(p.resolve() for p in paths))
    return [PlanJob(p, *read_municipality(p)) for p in unique]


def read_municipality(path: Path) -> tuple[str, str]:
    """(nis, naam) from a plan file, or ("", "") when it cannot be read (the kernel says why)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "", ""
    match = _GEMEENTE.search(text)
    try:  # the block alone parses in well under a millisecond; the whole file only when needed
        data = yaml.load(match.group(1), Loader=yaml.CSafeLoader) if match else None
        if not isinstance(data, dict):
            whole = yaml.load(text, Loader=yaml.CSafeLoader)
            data = whole.get("gemeente") if isinstance(whole, dict) else None
    except yaml.YAMLError:
        return "", ""
    if not isinstance(data, dict):
        return "", ""
    nis, naam = data.get("nis"), data.get("naam")
    if isinstance(nis, int) and not isinstance(nis, bool):
        nis = str(nis)
    if not isinstance(nis, str) or not isinstance(naam, str):
        return "", ""
    return nis.strip(), naam.strip()


def input_folders() -> list[Path]:
    """What every document is made from, besides the plan file."""
    return [ROOT / "notebooks", ROOT / "templates", reference.data_dir(), PACKAGE]


def newest_input(folders: list[Path] | None = None) -> float:
    """The latest modification time (seconds) of any file in the input folders.

    The example plans in data/voorbeelden are plans, not reference data: they count only as the
    plan file of their own run.
    """
    newest = 0.0
    for folder in folders or input_folders():
        for path in folder.rglob("*"):
            if "__pycache__" in path.parts or "voorbeelden" in path.relative_to(folder).parts[:1]:
                continue
            if path.name.startswith(".") or not path.is_file():
                continue
            newest = max(newest, path.stat().st_mtime)
    return newest


def outputs(folder: Path, formats: tuple[str, ...], basename: str) -> list[Path]:
    return [folder / f"{basename}.{ext}" for ext in (*formats, "ipynb")]


def up_to_date(files: list[Path], inputs_mtime: float) -> bool:
    """Every file exists and is at least as new as the newest input."""
    try:
        return all(f.stat().st_mtime >= inputs_mtime for f in files)
    except FileNotFoundError:
        return False
