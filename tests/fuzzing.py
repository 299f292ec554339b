"""Seeded mutators of plans and users' tables, and a harness that runs them through the command.

Used by tests/test_fuzz_inputs.py (a bounded run in the suite) and benchmarks/fuzz.py (more rounds).
A trial passes when the command exits 0 or 2, prints no traceback, takes under the time limit,
changes no file when it fails, and leaves a plan that still reads when it succeeds.
"""

from __future__ import annotations

import contextlib
import io
import random
import shutil
import time
import traceback
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from conftest import tree_digest as digest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "data" / "voorbeelden").glob("*.yaml"))
TIME_LIMIT = 5.0


# ------------------------------------------------------------------------------------ plans


def _scalar_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]


def _truncate_lines(rng: random.Random, text: str) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(lines[: rng.randrange(1, len(lines))])


def _truncate_bytes(rng: random.Random, text: str) -> str:
    return text[: rng.randrange(1, len(text))]


def _flipped(rng: random.Random, data: bytes, most: int) -> bytes:
    """`data` with 1 to `most` bytes set to random values."""
    changed = bytearray(data)
    for _ in range(rng.randint(1, most)):
        changed[rng.randrange(len(changed))] = rng.randrange(256)
    return bytes(changed)


def _flip_bytes(rng: random.Random, text: str) -> bytes:
    return _flipped(rng, text.encode("utf-8"), 8)


def _rewrite_value(rng: random.Random, text: str, rewrite: Callable[[str, str], str]) -> str:
    """Replace one `key: value` line, chosen at random, by `rewrite(key, value)`."""
    lines = text.splitlines(keepends=True)
    at = rng.choice(_scalar_lines(lines))
    key, value = lines[at].split(": ", 1)
    lines[at] = rewrite(key, value)
    return "".join(lines)


def _deep_nesting(rng: random.Random, text: str) -> str:
    depth = rng.choice([40, 300, 5_000, 100_000])
    opener, closer = rng.choice([("[", "]"), ("{a: ", "}"), ("- ", "")])
    if opener == "- ":
        return _rewrite_value(rng, text, lambda key, _: f"{key}:\n  {opener * depth}x\n")
    return _rewrite_value(rng, text, lambda key, _: f"{key}: {opener * depth}x{closer * depth}\n")


def _tag(rng: random.Random, text: str) -> str:
    tag = rng.choice(["!!bool", "!!int", "!!float", "!!str", "!!timestamp", "!!binary", "!eigen",
                      "!!python/object:os.system", "!!set", "!!omap"])
    return _rewrite_value(rng, text, lambda key, value: f"{key}: {tag} {value}")


def _huge_string(rng: random.Random, text: str) -> str:
    size = rng.choice([301, 2_001, 20_001, 1_000_000, 6_000_000])
    filler = rng.choice("xyz=+-@")
    return _rewrite_value(rng, text, lambda key, _: f"{key}: {filler * size}\n")


def _wrong_type(rng: random.Random, text: str) -> str:
    value = rng.choice(["[1, 2]", "{a: b}", "12", "-1e400", ".nan", "true", "null", "2025-13-45", "''", "~",
                        "0x1F", "1_000", "'=HYPERLINK(\"x\")'", "\"\\u0000\"", "*anker", "&anker x", "<<: {a: 1}"])
    return _rewrite_value(rng, text, lambda key, _: f"{key}: {value}\n")


def _shuffle_lines(rng: random.Random, text: str) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(1, 5)):
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        action = rng.choice(["swap", "delete", "duplicate", "indent", "dedent"])
        if action == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(j, lines[i])
        elif action == "indent":
            lines[i] = "  " + lines[i]
        else:
            lines[i] = lines[i].lstrip(" ")
    return "".join(lines)


PLAN_MUTATORS: dict[str, Callable[[random.Random, str], str | bytes]] = {
    "afkappen-regel": _truncate_lines,
    "afkappen-byte": _truncate_bytes,
    "bytes": _flip_bytes,
    "diep": _deep_nesting,
    "tag": _tag,
    "lange-tekst": _huge_string,
    "verkeerd-type": _wrong_type,
    "regels": _shuffle_lines,
}


def mutated_plan(rng: random.Random, sources: dict[Path, str]) -> tuple[str, str, bytes]:
    """(example name, mutator name, file content)."""
    source = rng.choice(sorted(sources))
    name = rng.choice(sorted(PLAN_MUTATORS))
    content = PLAN_MUTATORS[name](rng, sources[source])
    return source.stem, name, content if isinstance(content, bytes) else content.encode("utf-8")


# ------------------------------------------------------------------------------------ tables


def _partner_rows(rng: random.Random) -> list[list]:
    rows = [["Organisatie", "Sector", "Organisatietype", "Contactpersoon", "E-mail", "Rol in het project",
             "Betrokkenheid", "Pijlers", "Leeftijdsgroepen"]]
    for i in range(rng.randint(1, 30)):
        rows.append([f"Organisatie {i}", rng.choice(["Welzijn", "onderwijs", "Vrije tijd", "zorg", "?"]), None,
                     f"Persoon {i}", f"p{i}@example.org", "rol", "Geïnformeerd", "4, 6", "6-12"])
    return rows


def _mutate_cells(rng: random.Random, rows: list[list]) -> list[list]:
    for _ in range(rng.randint(1, 6)):
        row, col = rng.randrange(len(rows)), rng.randrange(len(rows[0]))
        rows[row][col] = rng.choice([
            "=1+1", "=HYPERLINK(\"http://voorbeeld.invalid\")", "+32 3 000 00 00", "@SUM(A1)", "-", "",
            "x" * rng.choice([300, 2_001, 40_000]), 12.5, -1, True, "2025-13-45", "1.234,5", "\"", ";", "\t",
            "\x00", "é" * 10, None,
        ])
    if rng.random() < 0.2:
        rows = rows[: rng.randrange(1, len(rows) + 1)]
    return rows


def _xlsx(rng: random.Random, rows: list[list]) -> bytes:
    import openpyxl
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        try:
            sheet.append(row)
        except IllegalCharacterError:
            sheet.append([str(v).replace("\x00", "") if isinstance(v, str) else v for v in row])
    extra = rng.choice(["", "", "merge", "far", "far-empty", "wide"])
    if extra == "merge":
        sheet.merge_cells(f"A{rng.randint(1, 3)}:B{rng.randint(3, 5)}")
    elif extra == "far":
        sheet[rng.choice(["XFD1048576", "A1048576", "ZZ20"])] = "ver weg"
    elif extra == "far-empty":
        sheet["XFD1048576"].number_format = "0.00"
    elif extra == "wide":
        for col in range(1, 1_200, 7):
            sheet.cell(2, col, "breed")
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    return _flipped(rng, data, 20) if rng.random() < 0.25 else data  # sometimes a damaged archive


def _csv(rng: random.Random, rows: list[list]) -> bytes:
    delimiter = rng.choice([",", ";", "\t", "|"])
    lines = [delimiter.join("" if v is None else str(v) for v in row) for row in rows]
    text = "\n".join(lines) + "\n"
    trouble = rng.choice(["", "quote", "truncate", "bytes", "long-field", "many-columns", "bom", "cp1252"])
    if trouble == "quote":
        at = rng.randrange(len(text))
        text = text[:at] + '"' + text[at:]
    elif trouble == "truncate":
        text = text[: rng.randrange(1, len(text))]
    elif trouble == "long-field":
        text += '"' + "y" * 200_000 + '"\n'
    elif trouble == "many-columns":
        text += delimiter.join(["k"] * 100_000) + "\n"
    encoding = "cp1252" if trouble == "cp1252" else "utf-8-sig" if trouble == "bom" else "utf-8"
    data = text.encode(encoding, errors="replace")
    return _flipped(rng, data, 10) if trouble == "bytes" else data


def _statbel(rng: random.Random) -> tuple[str, bytes]:
    """A small population file in Statbel's format (Herselt), damaged, as .txt or .zip."""
    lines = ["CD_REFNIS|CD_SEX|CD_AGE|MS_POPULATION"]
    lines += [f"13013|{sex}|{age}|{rng.randint(20, 90)}" for sex in "MF" for age in range(25)]
    text = "\n".join(lines) + "\n"
    trouble = rng.choice(["truncate", "bytes", "long-line", "quote", "columns"])
    if trouble == "truncate":
        text = text[: rng.randrange(1, len(text))]
    elif trouble == "long-line":
        text += " " * 50_000 + "\n"
    elif trouble == "quote":
        text = text.replace("|", '|"', 1)
    elif trouble == "columns":
        text = text.replace("\n", "|extra\n", rng.randint(1, 5))
    data = text.encode("utf-8")
    if trouble == "bytes":
        data = _flipped(rng, data, 10)
    if rng.random() < 0.5:
        return ".txt", data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("TF_SOC_POP_STRUCT_2025.txt", data)
    packed = buffer.getvalue()
    return ".zip", _flipped(rng, packed, 5) if rng.random() < 0.5 else packed


def mutated_table(rng: random.Random) -> tuple[str, str, bytes]:
    """(suffix, command kind, content): a partner or offer list (.xlsx, .csv) or a Statbel file."""
    kind = rng.choice(["partners", "partners", "aanbod", "bevolking"])
    if kind == "bevolking":
        suffix, content = _statbel(rng)
        return suffix, kind, content
    rows = _mutate_cells(rng, _partner_rows(rng))
    if kind == "aanbod":
        rows[0][0] = "naam"
    suffix = rng.choice([".xlsx", ".csv"])
    return suffix, kind, _xlsx(rng, rows) if suffix == ".xlsx" else _csv(rng, rows)


# ------------------------------------------------------------------------------------ harness


@dataclass
class Outcome:
    trials: int = 0
    failures: list[str] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    slowest: float = 0.0
    slowest_label: str = ""

    def record(self, label: str, status: int | None, output: str, seconds: float, problem: str = "") -> None:
        self.trials += 1
        if seconds > self.slowest:
            self.slowest, self.slowest_label = seconds, label
        if status is not None:
            self.statuses[status] = self.statuses.get(status, 0) + 1
        if not problem:
            if status not in (0, 2):
                problem = f"exit {status}"
            elif "Traceback" in output:
                problem = "traceback in the output"
            elif seconds > TIME_LIMIT:
                problem = f"{seconds:.1f} s"
        if problem:
            self.failures.append(f"{label}: {problem}")


def run_command(argv: list[str]) -> tuple[int | None, str, str]:
    """Run `warmestad` in this process: (exit status or None, its output, an escaped traceback)."""
    from warmestad_nb.cli import main

    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(argv)
    except SystemExit as exc:  # argparse
        status = exc.code if isinstance(exc.code, int) else 2
    except Exception:  # would reach the user as a traceback
        return None, out.getvalue() + err.getvalue(), traceback.format_exc(limit=-3)
    return status, out.getvalue() + err.getvalue(), ""


def plan_trial(outcome: Outcome, folder: Path, label: str, content: bytes) -> None:
    """`controleer` (and, when it passes, `toon`) on one mutated plan; nothing may change on disk."""
    path = folder / "plan.yaml"
    path.write_bytes(content)
    before = digest(folder)
    started = time.perf_counter()
    status, output, escaped = run_command(["controleer", str(path)])
    if status == 0 and not escaped:
        status, more, escaped = run_command(["toon", str(path)])
        output += more
    seconds = time.perf_counter() - started
    problem = f"uncaught {escaped.strip().splitlines()[-1]}" if escaped else ""
    if not problem and digest(folder) != before:
        problem = "a file changed"
    outcome.record(label, status, output, seconds, problem)


def table_trial(outcome: Outcome, folder: Path, plan_source: Path, label: str, suffix: str, kind: str,
                content: bytes) -> None:
    """Import one mutated table into a copy of a plan: refused with nothing changed, or a plan that reads."""
    from warmestad_nb.store import read_plan

    plan = folder / "plan.yaml"
    shutil.copyfile(plan_source, plan)
    table = folder / f"tabel{suffix}"
    table.write_bytes(content)
    before = digest(folder)
    argv = {"partners": ["partners-inlezen", str(plan), str(table)],
            "aanbod": ["importeer", "aanbod", str(plan), str(table)],
            "bevolking": ["importeer", "bevolking", str(plan), str(table), "--jaar", "2025"]}[kind]
    started = time.perf_counter()
    status, output, escaped = run_command(argv)
    seconds = time.perf_counter() - started
    problem = f"uncaught {escaped.strip().splitlines()[-1]}" if escaped else ""
    if not problem and status == 2 and digest(folder) != before:
        problem = "a file changed although the import was refused"
    if not problem and status == 0:
        try:
            read_plan(plan)
        except Exception as exc:  # the import reported success but the plan no longer reads
            problem = f"plan unreadable after a successful import: {str(exc)[:200]}"
    outcome.record(label, status, output, seconds, problem)
    for leftover in folder.iterdir():
        if leftover.is_dir():
            shutil.rmtree(leftover)
        else:
            leftover.unlink()


def run(plans: int, tables: int, seed: int, folder: Path, progress: Callable[[str], None] | None = None) -> Outcome:
    rng = random.Random(seed)
    sources = {p: p.read_text(encoding="utf-8") for p in EXAMPLES}
    outcome = Outcome()
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(plans):
        example, name, content = mutated_plan(rng, sources)
        plan_trial(outcome, folder, f"plan {number} ({example}, {name})", content)
        if progress:
            progress(f"plan {number}")
    herselt = ROOT / "data" / "voorbeelden" / "13013-herselt.yaml"
    for number in range(tables):
        suffix, kind, content = mutated_table(rng)
        table_trial(outcome, folder, herselt, f"tabel {number} ({kind}{suffix})", suffix, kind, content)
        if progress:
            progress(f"tabel {number}")
    return outcome
