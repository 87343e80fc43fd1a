"""Benchmark: the app's start-up against a bare PySide6 window with one pyqtgraph plot.

    .venv/bin/python tests/benchmarks/bench_startup.py [--rounds 5]

Each round starts, in fresh processes and one after the other, ``annviz`` (``annviz.gui.app.main``:
every area, the bundled model, private settings) and a bare window: a ``QMainWindow`` holding one
``pyqtgraph.PlotWidget`` with a line, shown. Each reports when its event loop first runs (the
window is shown by then) and its peak memory (max RSS) then and 3 s later. The figure is the ratio
of the two times within each round, and its median (the machine is shared: rounds see different
loads). Target (issue 25 §3): the app ≤ 2× the bare window; ≤ 200 MB at the window.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPORT = r"""
import resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def shown():
    print("SHOWN", time.time(), rss_mb(), flush=True)
    QTimer.singleShot(3000, later)

def later():
    print("LATER", time.time(), rss_mb(), flush=True)
    for w in QApplication.topLevelWidgets():
        w.close()
    QApplication.quit()

QTimer.singleShot(0, shown)   # runs once the event loop runs, i.e. after the window is shown
"""

APP = REPORT + r"""
from annviz.gui import app
sys.exit(app.main([]))
"""

BARE = REPORT + r"""
import pyqtgraph as pg
from PySide6.QtWidgets import QMainWindow
application = QApplication([])
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([0, 1, 2, 3], [0, 1, 4, 9])
window.setCentralWidget(plot)
window.resize(1280, 800)
window.show()
sys.exit(application.exec())
"""


def start(program: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as config:
        env = dict(os.environ, XDG_CONFIG_HOME=config)
        began = time.time()
        result = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True,
                                text=True, timeout=120)
    lines = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()
             if line.startswith(("SHOWN", "LATER"))}
    if "SHOWN" not in lines:
        raise RuntimeError(f"it did not start:\n{result.stderr[-2000:]}")
    return {"seconds": float(lines["SHOWN"][0]) - began, "mb_at_window": float(lines["SHOWN"][1]),
            "mb_after_3s": float(lines["LATER"][1])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    start(BARE)                                  # the first start fills the disk cache for both
    runs = [(start(APP), start(BARE)) for _ in range(args.rounds)]
    ratios = [app["seconds"] / bare["seconds"] for app, bare in runs]
    print(f"{args.rounds} rounds, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    for name, i in (("annviz", 0), ("bare window + one plot", 1)):
        seconds = [run[i]["seconds"] for run in runs]
        print(f"  {name:24s} shown in {np.median(seconds):.2f} s (median; "
              + ", ".join(f"{s:.2f}" for s in seconds) + f"), {np.median([r[i]['mb_at_window'] for r in runs]):.0f} MB"
              f" at the window, {np.median([r[i]['mb_after_3s'] for r in runs]):.0f} MB 3 s later")
    print("  annviz ÷ bare, per round: " + ", ".join(f"{r:.2f}" for r in ratios)
          + f"; median {np.median(ratios):.2f}×")


if __name__ == "__main__":
    main()
