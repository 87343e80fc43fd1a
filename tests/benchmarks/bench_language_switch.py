"""Benchmark: 200 language and zoom switches while windows open and close (tests/gui/language_stress.py).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_language_switch.py [--switches 200] [--every 5]

Every ``--every`` switches a second main window opens, is switched to the other language, and
closes (kept alive, as a closure or a test keeps one). Each switch runs under a faulthandler
watchdog: a crash or a hang ends the process with every thread's stack. Printed: the switches'
median and slowest times at the start and at the end, and the widgets walked. Target (issue 21):
no crash; the last switches no slower than the first (closed windows are not walked).
Not collected by pytest.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))

from annviz.gui.common.qtapp import start_qt  # noqa: E402
from language_stress import switches  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=200)
    parser.add_argument("--every", type=int, default=5)
    args = parser.parse_args()
    start_qt([])  # as the app starts: its GUI-thread collector included
    with tempfile.TemporaryDirectory() as folder:
        seen = switches(Path(folder), args.switches, args.every)
    head, tail = seen[:20], seen[-20:]
    def fmt(part):
        return (f"median {statistics.median(t for t, _ in part) * 1000:.0f} ms, slowest "
                f"{max(t for t, _ in part) * 1000:.0f} ms, {part[-1][1]:,} widgets walked")
    print(f"{len(seen)} switches, {args.switches // args.every} windows opened and closed, no crash")
    print(f"first 20: {fmt(head)}")
    print(f"last 20:  {fmt(tail)}")


if __name__ == "__main__":
    main()
