"""Statbel's population by single year of age: the open-data file TF_SOC_POP_STRUCT_<year>.

The official file is pipe-separated text (inside a zip, or as .xlsx) with one row per
municipality, sex, nationality, civil status and age, e.g. the columns
CD_REFNIS|TX_DESCR_NL|...|CD_SEX|CD_NATLTY|...|CD_CIV_STS|...|CD_AGE|MS_POPULATION
(older editions call the code column CD_MUNTY_REFNIS and add CD_YEAR). Single years make the
programme's age bands possible (0-2, 3-5, 6-11, 12-17, 18-24). Files from before 2025 use the
codes of the former municipalities: they are mapped to the 285 current ones through the mergers
table and summed, with a note. Rows outside Flanders are skipped.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
import zlib
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from pydantic import ValidationError

from .. import reference
from ..analysis.environment import PROGRAMME_BANDS, programme_bands
from ..errors import WarmeStadError
from ..formatting import number, share
from ..model import EigenCijfer, Plan
from ..tables import spreadsheet_rows
from ..validation import dutch_problems
from .common import CappedProblems, ImportResult, MunicipalityFinder
from .own import replace_own_figures

CODE_COLUMNS = ("CD_REFNIS", "CD_MUNTY_REFNIS")
REQUIRED = ("CD_SEX", "CD_AGE", "MS_POPULATION")
DETAIL_COLUMNS = ("CD_NATLTY", "CD_CIV_STS")  # part of what makes a row unique
SEXES = ("M", "F")
MAX_AGE = 120
# First digits of Flemish NIS codes: provinces Antwerpen (1), Vlaams-Brabant (23, 24),
# West-Vlaanderen (3), Oost-Vlaanderen (4), Limburg (7).
FLEMISH_PREFIXES = ("1", "23", "24", "3", "4", "7")
MAX_LINE_CHARS = 10_000
MAX_TEXT_BYTES = 500 * 1024 * 1024  # far above the official file; stops a file of whitespace in seconds
_YEAR_IN_NAME = re.compile(r"TF_SOC_POP_STRUCT_(\d{4})", re.IGNORECASE)


@dataclass
class SingleYears:
    """Population by current municipality, sex ('M'/'F') and single year of age."""

    jaar: int
    counts: dict[str, dict[str, dict[int, int]]]
    notes: list[str] = field(default_factory=list)

    def ages(self, nis: str) -> dict[int, int]:
        out: dict[int, int] = defaultdict(int)
        for by_age in self.counts.get(nis, {}).values():
            for age, n in by_age.items():
                out[age] += n
        return dict(out)


def _too_big(path: Path, size: int) -> WarmeStadError:
    return WarmeStadError(f"{path}: de tekst is {size / 1e6:.0f} MB groot; het bevolkingsbestand van Statbel is "
                          f"veel kleiner (hier kan hooguit {MAX_TEXT_BYTES // 1_000_000} MB). Is dit het juiste "
                          "bestand?")


@contextmanager
def _lines(path: Path) -> Iterator[Iterator[str]]:
    """The text lines of a .txt/.csv file or of the one text file inside a .zip, each line bounded."""
    if path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except Exception:  # not a zip, or a damaged one (zipfile raises several kinds)
            raise WarmeStadError(f"{path}: dit is geen geldig zip-bestand.") from None
        with archive:
            members = [n for n in archive.namelist() if n.lower().endswith((".txt", ".csv"))]
            preferred = [n for n in members if "TF_SOC_POP_STRUCT" in n.upper()]
            if not members:
                raise WarmeStadError(f"{path}: in dit zip-bestand staat geen tekstbestand (.txt of .csv).")
            member = archive.getinfo((preferred or members)[0])
            if member.file_size > MAX_TEXT_BYTES:
                raise _too_big(path, member.file_size)
            try:
                raw = archive.open(member)
            except Exception:  # an unknown compression method or a damaged header
                raise WarmeStadError(f"{path}: dit zip-bestand is beschadigd.") from None
            with raw:
                yield _bounded(path, io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline=""))
        return
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise _too_big(path, path.stat().st_size)
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        yield _bounded(path, handle)


def _bounded(path: Path, handle) -> Iterator[str]:
    """Lines read with a length limit: a file of one endless line must not be read whole into memory."""
    total = 0
    for number in itertools.count(1):
        try:
            line = handle.readline(MAX_LINE_CHARS + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError):  # damage found while unpacking
            raise WarmeStadError(f"{path}, regel {number}: dit zip-bestand is beschadigd.") from None
        if not line:
            return
        total += len(line)
        if len(line) > MAX_LINE_CHARS and not line.endswith("\n"):
            raise WarmeStadError(f"{path}, regel {number}: deze regel is langer dan {MAX_LINE_CHARS} tekens; "
                                 "in het bestand van Statbel is een regel enkele honderden tekens lang.")
        if total > MAX_TEXT_BYTES:  # a zip that announced less than it holds
            raise _too_big(path, total)
        yield line


def _text_rows(lines: Iterator[str], path: Path) -> Iterator[list[str]]:
    first = next(lines, "")
    delimiter = next((d for d in "|;\t," if d in first), "|")
    reader = csv.reader(_chain(first, lines), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error:
        raise WarmeStadError(f"{path}, regel {reader.line_num}: dit is geen tekstbestand in het formaat van Statbel "
                             "(een aanhalingsteken dat niet gesloten wordt, of een veld dat te lang is).") from None


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _sheet_rows(path: Path) -> Iterator[list[str]]:
    """The first sheet's rows as text, streamed (`tables.spreadsheet_rows`); empty rows keep their place."""
    notes: list[tuple[range, str]] = []
    expected = 1
    for number, values in spreadsheet_rows(path, None, notes, max_unpacked=MAX_TEXT_BYTES):
        for _ in range(expected, number):
            yield []
        expected = number + 1
        yield ["" if v is None else str(int(v) if isinstance(v, float) and v.is_integer() else v) for v in values]
    if notes:  # formulas and merged cells: the official file has neither
        raise WarmeStadError(f"{path}: dit is niet het bestand zoals Statbel het aanbiedt.", [n for _, n in notes])


@contextmanager
def _rows(path: Path) -> Iterator[Iterator[list[str]]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        yield _sheet_rows(path)
    elif suffix in (".txt", ".csv", ".zip"):
        with _lines(path) as lines:
            yield _text_rows(iter(lines), path)
    else:
        raise WarmeStadError(f"{path}: onbekend bestandstype '{suffix}'; gebruik het .zip-, .txt- of "
                             ".xlsx-bestand zoals Statbel het aanbiedt.")


def read_single_years(path: str | Path, year: int | None = None, shown_as: str | None = None) -> SingleYears:
    """Read and check the whole file; any problem stops the import (WarmeStadError listing every row)."""
    path = Path(path)
    if not path.is_file():
        raise WarmeStadError(f"{path}: dit bestand bestaat niet.")
    problems = CappedProblems(path)
    raw: dict[str, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    first_row: dict[str, int] = {}
    seen: dict[tuple, int] = {}
    years: set[str] = set()
    skipped = 0
    with _rows(path) as rows:
        header = [c.strip().upper() for c in next(rows, [])]
        if not any(header):
            raise WarmeStadError(f"{path}: het bestand is leeg.")
        code_column = next((c for c in CODE_COLUMNS if c in header), None)
        missing = [c for c in REQUIRED if c not in header] + ([] if code_column else [CODE_COLUMNS[0]])
        if missing:
            raise WarmeStadError(
                f"{path}: de kolom(men) {', '.join(missing)} ontbreken in de eerste rij (gevonden: "
                f"{', '.join(h for h in header if h) or 'geen'}). Is dit het bevolkingsbestand "
                "TF_SOC_POP_STRUCT van Statbel?"
            )
        index = {name: header.index(name) for name in header}
        details = [index[c] for c in DETAIL_COLUMNS if c in index]
        for line, cells in enumerate(rows, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                problems.add(line, None, f"{len(cells)} kolommen in plaats van {len(header)} zoals in de kopregel")
                continue
            code = cells[index[code_column]].strip()
            if not re.fullmatch(r"\d{5}", code):
                problems.add(line, code_column, f"'{code}' is geen NIS-code van vijf cijfers")
                continue
            if not code.startswith(FLEMISH_PREFIXES):
                skipped += 1
                continue
            sex = cells[index["CD_SEX"]].strip().upper()
            age_text = cells[index["CD_AGE"]].strip()
            count_text = cells[index["MS_POPULATION"]].strip()
            ok = True
            if sex not in SEXES:
                problems.add(line, "CD_SEX", f"'{sex}' is geen geslacht (M of F)")
                ok = False
            if not age_text.isdigit() or int(age_text) > MAX_AGE:
                problems.add(line, "CD_AGE", f"'{age_text}' is geen leeftijd in jaren (0 tot {MAX_AGE})")
                ok = False
            if not count_text.isdigit():
                problems.add(line, "MS_POPULATION", f"'{count_text}' is geen aantal inwoners (geheel getal, 0 of meer)")
                ok = False
            if "CD_YEAR" in index:
                years.add(cells[index["CD_YEAR"]].strip())
            if not ok:
                continue
            key = (code, sex, int(age_text), *(cells[i].strip() for i in details))
            if key in seen:
                problems.add(line, None, f"dubbele rij: dezelfde gemeente, hetzelfde geslacht en dezelfde leeftijd "
                                         f"als rij {seen[key]}")
                continue
            seen[key] = line
            first_row.setdefault(code, line)
            raw[code][sex][int(age_text)] += int(count_text)
    if not raw and not problems:
        raise WarmeStadError(f"{path}: er staan geen rijen van Vlaamse gemeenten in dit bestand.")

    finder = MunicipalityFinder()
    counts: dict[str, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for code, by_sex in raw.items():
        municipality, problem, _ = finder.find(code)
        if problem or not hasattr(municipality, "nis"):
            problems.add(first_row[code], code_column, problem or f"'{code}' is geen gemeente")
            continue
        for sex, by_age in by_sex.items():
            for age, n in by_age.items():
                counts[municipality.nis][sex][age] += n
    problems.raise_if_any()

    name = shown_as or path.name
    if year is None:
        found = _YEAR_IN_NAME.search(name)
        if found:
            year = int(found.group(1))
        elif len(years) == 1 and next(iter(years)).isdigit():
            year = int(next(iter(years)))
        else:
            raise WarmeStadError(f"{path}: het jaar staat niet in de bestandsnaam (TF_SOC_POP_STRUCT_<jaar>); "
                                 "geef het jaar op.")
    notes = list(finder.notes)
    if skipped:
        notes.append(f"{number(skipped)} rijen van gemeenten buiten Vlaanderen overgeslagen.")
    return SingleYears(year, {k: {s: dict(a) for s, a in v.items()} for k, v in counts.items()}, notes)


def band_figures(data: SingleYears, nis: str, bron: str) -> list[EigenCijfer]:
    """Counts and shares in the programme's bands for one municipality, with Flanders when complete."""
    own = data.ages(nis)
    complete = len(data.counts) == len(reference.municipalities())
    flemish: dict[int, int] = defaultdict(int)
    if complete:
        for code in data.counts:
            for age, n in data.ages(code).items():
                flemish[age] += n
    total, flemish_total = sum(own.values()), sum(flemish.values())
    bands, flemish_bands = programme_bands(own), programme_bands(flemish)
    youth = sum(n for age, n in own.items() if age <= 24)
    flemish_youth = sum(n for age, n in flemish.items() if age <= 24)

    def figure(name, value, unit, comparison):
        return EigenCijfer(indicator=name, jaar=data.jaar, waarde=value, eenheid=unit, bron=bron,
                           vlaanderen=comparison if complete else None)

    out = [figure("Inwoners (alle leeftijden)", total, "inwoners", flemish_total),
           figure("Kinderen en jongeren van 0 tot 24 jaar", youth, "inwoners", flemish_youth),
           figure("Aandeel kinderen en jongeren van 0 tot 24 jaar", round(share(youth, total), 2), "%",
                  round(share(flemish_youth, flemish_total), 2) if complete else None)]
    for label, *_ in PROGRAMME_BANDS:
        out.append(figure(f"Inwoners van {label} jaar", bands[label], "inwoners", flemish_bands[label]))
    for label, *_ in PROGRAMME_BANDS:
        out.append(figure(f"Aandeel inwoners van {label} jaar", round(share(bands[label], total), 2), "%",
                          round(share(flemish_bands[label], flemish_total), 2) if complete else None))
    return out


def import_population(path: str | Path, plan: Plan, year: int | None = None, bron: str = "",
                      shown_as: str | None = None) -> ImportResult:
    """Check a TF_SOC_POP_STRUCT file and prepare the plan municipality's band figures as own figures."""
    path = Path(path)
    data = read_single_years(path, year, shown_as)
    nis, naam = plan.gemeente.nis, plan.gemeente.naam
    if nis not in data.counts:
        raise WarmeStadError(f"{path}: er staan geen rijen voor {naam} (NIS {nis}) in dit bestand; "
                             "er is niets ingelezen.")
    name = shown_as or path.name
    bron = bron.strip() or (f"Statbel, bevolking naar woonplaats, leeftijd en geslacht ({Path(name).stem}), "
                            f"toestand op 1 januari {data.jaar}")
    try:
        figures = band_figures(data, nis, bron)
    except ValidationError as exc:  # the source the user gave (--bron), e.g. over its length limit
        raise WarmeStadError(f"{path}: er is niets ingelezen:", dutch_problems(exc)) from None
    notes = list(data.notes)
    if len(data.counts) != len(reference.municipalities()):
        notes.append(f"Het bestand bevat {len(data.counts)} van de {len(reference.municipalities())} Vlaamse "
                     "gemeenten: er is geen vergelijking met Vlaanderen berekend.")
    return replace_own_figures(plan, figures, "cijfers (bevolking per leeftijdsgroep)", name, notes)
