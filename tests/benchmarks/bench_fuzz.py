"""The deep fuzz run: ``python tests/benchmarks/bench_fuzz.py [CASES_PER_KIND]`` (default 1000).

Runs tests/test_fuzz.py — the same test the default run makes with 100 deterministic cases per
kind — with new random cases each time, longer lists among the mutations, and a report: per file
kind, the cases run, how many were refused (the rest were read), the worst time of one case and
the worst peak memory of one case (Python's allocations, and the whole process's resident memory
above what it held before the case, C libraries included). Any case that lets another exception
out of a reader, or passes the time or memory bound, fails the run and is printed with the
file that caused it. Not a speed benchmark: the times are bounds, measured on whatever machine
runs it (a few minutes on two cores).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    cases = int(argv[0]) if argv else 1000
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "fuzz.json"
        env = {**os.environ, "ANNVIZ_FUZZ_EXAMPLES": str(cases), "ANNVIZ_FUZZ_RANDOM": "1",
               "ANNVIZ_FUZZ_DEEP": "1", "ANNVIZ_FUZZ_REPORT": str(report), "QT_QPA_PLATFORM": "offscreen"}
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "pytest", str(ROOT / "tests" / "test_fuzz.py"), "-q",
                                 "-p", "no:cacheprovider", "-x", "-n", "0"], cwd=ROOT, env=env)
        minutes = (time.perf_counter() - start) / 60
        stats = json.loads(report.read_text()) if report.exists() else {}
    print(f"\n{'kind':<10} {'cases':>6} {'refused':>8} {'worst s':>8} {'Python MiB':>11} {'resident MiB':>13}  slowest case")
    for kind, s in stats.items():
        print(f"{kind:<10} {s['cases']:>6} {s['refused']:>8} {s['worst_seconds']:>8.3f} {s['worst_python_mib']:>11.1f} "
              f"{s['worst_rss_mib']:>13.1f}  {s['worst_case'][:70]}")
    print(f"\n{sum(s['cases'] for s in stats.values())} cases in {minutes:.1f} min: "
          f"{'nothing found' if result.returncode == 0 else 'FAILED (see above)'}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
