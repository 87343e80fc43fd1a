"""Stress benchmark: 200 training run ends in a row, every kind, in the whole app (issue 10).

    .venv/bin/python tests/benchmarks/bench_run_ends.py [--count 200] [--seed 0]

Kinds, in a seeded random order: a normal finish, Stop, divergence, Discard, loading another
model, closing the window (tests/gui/run_ends.py). The weight pictures, the inspector and the
curves are live. A watchdog ends the process with every thread's stack if one run end blocks for
10 s. Prints, per kind, the count and the median / max seconds and what a run end of that kind
changed the resident memory by (median, max); the total time; the peak RSS against the resident
memory after the first 10 run ends (the target: within 150 MB), and after 50.
Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))

import numpy as np  # noqa: E402

from annviz.gui.common.qtapp import start_qt  # noqa: E402
from run_ends import KINDS, RunEnds  # noqa: E402


def rss_now_mb() -> float:
    """The resident memory now (Linux: /proc/self/statm; else the peak)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    start_qt([])  # as the app starts: its GUI-thread collector included
    rng = np.random.default_rng(args.seed)
    order = [KINDS[i % len(KINDS)] for i in range(args.count)]
    rng.shuffle(order)
    started = time.perf_counter()
    changes: dict[str, list[float]] = {kind: [] for kind in KINDS}   # RSS after − before, MB
    after: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        ends = RunEnds(Path(folder) / "settings.ini")
        try:
            rss = rss_now_mb()
            for i, kind in enumerate(order, 1):
                ends.run(kind)
                rss, before = rss_now_mb(), rss
                changes[kind].append(rss - before)
                if i in (10, 50) or i % 25 == 0:
                    after[i] = rss
                    print(f"{i} run ends, {time.perf_counter() - started:.0f} s, RSS {rss:.0f} MB "
                          f"(peak {peak_mb():.0f} MB)", flush=True)
        finally:
            ends.close()
    total = time.perf_counter() - started
    print(f"\n{args.count} run ends in {total:.0f} s, none hung, no thread left behind")
    for kind, durations in ends.durations.items():
        print(f"  {kind:10s} {len(durations):4d} × median {np.median(durations):.2f} s, "
              f"max {max(durations):.2f} s; RSS change median {np.median(changes[kind]):+.0f} MB, "
              f"max {max(changes[kind]):+.0f} MB")
    peak = peak_mb()
    line = f"peak RSS {peak:.0f} MB"
    if 10 in after:
        line += f"; after 10 run ends {after[10]:.0f} MB: {peak - after[10]:+.0f} MB (target ≤ +150)"
    if 50 in after:
        line += f"; after 50: {after[50]:.0f} MB"
    print(line)


if __name__ == "__main__":
    main()
