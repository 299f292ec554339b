"""Bounded fuzzing of the inputs users bring: mutated plans and tables (issue 19).

300 mutated plans (from the three examples: cut off, flipped bytes, deep nesting, tags, huge texts,
wrong types, shuffled lines) through `warmestad controleer` (and `toon` when it passes), and 100
mutated partner and offer lists (.xlsx, .csv) and Statbel files (.txt, .zip) through the importers,
in this process; a handful through the real command. Every trial: exit 0 or 2, no traceback, under
5 s, no file changed when refused, a plan that still reads when an import succeeded. More rounds:
benchmarks/fuzz.py.
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import time

from conftest import EXAMPLES, tree_digest
from fuzzing import mutated_plan, mutated_table, run

SEED = 19


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_300_mutated_plans_and_100_mutated_tables(tmp_path):
    before = _max_rss_mb()
    started = time.perf_counter()
    outcome = run(300, 100, SEED, tmp_path / "fuzz")
    assert outcome.trials == 400
    assert outcome.failures == [], "\n".join(outcome.failures)
    assert outcome.statuses.get(0, 0) > 10 and outcome.statuses.get(2, 0) > 200  # both paths were exercised
    assert outcome.slowest < 5
    assert time.perf_counter() - started < 120
    assert _max_rss_mb() - before < 500  # memory bounded: no trial read a huge file whole


def test_a_handful_through_the_real_command(tmp_path):
    rng = random.Random(SEED + 1)
    sources = {p: p.read_text(encoding="utf-8") for p in EXAMPLES}
    cases = []
    for number in range(5):
        _, name, content = mutated_plan(rng, sources)
        path = tmp_path / f"plan-{number}-{name}.yaml"
        path.write_bytes(content)
        cases.append(["controleer", str(path)])
    plan = tmp_path / "herselt.yaml"
    plan.write_bytes(EXAMPLES[0].read_bytes())
    for number in range(3):
        suffix, _, content = mutated_table(rng)
        table = tmp_path / f"partners-{number}{suffix}"
        table.write_bytes(content)
        cases.append(["partners-inlezen", str(plan), str(table)])
    for argv in cases:
        before = tree_digest(tmp_path)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "warmestad_nb.cli", *argv], capture_output=True, text=True,
                                timeout=60)
        assert time.perf_counter() - started < 15, argv
        assert result.returncode in (0, 2), (argv, result.stderr[-2000:])
        assert "Traceback" not in result.stdout + result.stderr, argv
        if result.returncode == 2:
            assert result.stderr.startswith("Fout: ") and tree_digest(tmp_path) == before, argv
