"""Time to load all reference data in a fresh process (issue target: under 0.5 s).

Usage: .venv/bin/python benchmarks/reference_load.py [--runs 5]
Prints wall and CPU seconds per run and the median.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import json, time
t0, c0 = time.perf_counter(), time.process_time()
from warmestad_nb import reference
reference.load_all()
reference.find_municipality("Kruibeke")
print(json.dumps({"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
        print(f"wall {runs[-1]['wall']:.3f} s   cpu {runs[-1]['cpu']:.3f} s")
    print(f"median: wall {statistics.median(r['wall'] for r in runs):.3f} s, "
          f"cpu {statistics.median(r['cpu'] for r in runs):.3f} s (target < 0.5 s)")


if __name__ == "__main__":
    main()
