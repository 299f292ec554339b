"""Fuzz the inputs users bring, for longer than the suite does: mutated plans and tables.

Runs the mutators and checks of tests/fuzzing.py (the suite runs 300 plans and 100 tables with one
seed) for more rounds and prints the trials, the exit statuses, the slowest trial and every failure.
Usage: python benchmarks/fuzz.py [--plannen 3000] [--tabellen 1000] [--zaad 1]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fuzzing import run  # noqa: E402  (needs the paths above)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plannen", type=int, default=3000)
    parser.add_argument("--tabellen", type=int, default=1000)
    parser.add_argument("--zaad", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        outcome = run(args.plannen, args.tabellen, args.zaad, Path(folder))
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"trials: {outcome.trials} ({args.plannen} plans, {args.tabellen} tables, seed {args.zaad})")
    print(f"exit statuses: {dict(sorted(outcome.statuses.items()))}")
    print(f"failures: {len(outcome.failures)}")
    for failure in outcome.failures:
        print(f"  {failure}")
    print(f"slowest trial: {outcome.slowest:.2f} s ({outcome.slowest_label}); total {elapsed:.0f} s; peak memory {peak:.0f} MB")
    return 1 if outcome.failures else 0


if __name__ == "__main__":
    sys.exit(main())
