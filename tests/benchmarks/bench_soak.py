"""Soak benchmark: the app training for a long time with every view live; does memory grow?

    .venv/bin/python tests/benchmarks/bench_soak.py [--minutes 10] [--preset notes]

The window as ``annviz.gui.app`` builds it (explorer with the weight pictures and the inspector on a
neuron, the training docks), training a preset with epochs enough to outlast the soak. The
resident set size is sampled every 10 s. Printed: RSS after the first minute and at the end, and
the growth rate over the rest (a least-squares line through the samples), in MB per hour.
Target (issue 10): within 50 MB of the size after the first minute, apart from the time
machine's recordings, which have a cap of their own (printed beside).
Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))

import numpy as np  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from annviz.gui.app import settle_heap  # noqa: E402
from annviz.gui.common.qtapp import start_qt  # noqa: E402
from annviz.gui.training.presets import PRESETS  # noqa: E402
from run_ends import open_window  # noqa: E402

SAMPLE_S = 10


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--preset", default="notes", choices=[p.key for p in PRESETS])
    args = parser.parse_args()
    start_qt([])  # as the app starts: its GUI-thread collector included
    preset = next(p for p in PRESETS if p.key == args.preset)
    with tempfile.TemporaryDirectory() as folder:
        window = open_window(Path(folder) / "settings.ini")
        area = window.training
        area.panel.settings.set_config(preset.config)
        area.controller.start(preset.config.replace(epochs=100_000))   # past the panel's 500 epochs
        window.state.select_neuron(1, 3)
        settle_heap()
        samples: list[tuple[float, float]] = []
        films: list[float] = []         # MB the time machine's recordings hold (capped on their own)
        started = time.monotonic()
        loop = QEventLoop()

        def sample() -> None:
            elapsed = time.monotonic() - started
            samples.append((elapsed, rss_mb()))
            progress = area.panel.controls.progress
            recorded = area.controller.films.recordings.nbytes / 2**20
            films.append(recorded)
            print(f"{elapsed / 60:5.1f} min  RSS {samples[-1][1]:6.0f} MB  (recordings {recorded:5.1f} MB)"
                  f"  batch {progress.step if progress else 0:,}", flush=True)
            if elapsed >= args.minutes * 60:
                loop.quit()

        timer = QTimer()
        timer.timeout.connect(sample)
        timer.start(SAMPLE_S * 1000)
        loop.exec()
        timer.stop()
        area.controller.shutdown()
        window.close()
    after_minute = [(t, m, f) for (t, m), f in zip(samples, films) if t >= 60]
    t, m, f = np.array(after_minute).T
    slope = np.polyfit(t, m, 1)[0] * 3600
    rest = np.polyfit(t, m - f, 1)[0] * 3600
    print(f"\n{args.preset}: {args.minutes:g} min, RSS {m[0]:.0f} MB after the first minute, "
          f"{m[-1]:.0f} MB at the end (max {m.max():.0f}); growth {slope:+.1f} MB/hour, of which the "
          f"recordings (capped at {area.controller.films.recordings.cap_bytes / 2**20:.0f} MB) "
          f"{slope - rest:+.1f} and the rest {rest:+.1f} MB/hour; recordings at the end {f[-1]:.0f} MB")


if __name__ == "__main__":
    main()
