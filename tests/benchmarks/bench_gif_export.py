"""GIF… of a long run of a wide network: time, memory above the app, and the GUI thread's share.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_gif_export.py [--hidden 512] [--moments 240]

A synthetic run (its first-layer weights growing 1000× over ``--moments`` moments, as float16, as
a recording keeps them) is exported by ``GifExport`` as the GIF… button does: the frames are made
and written in the worker thread one at a time. Printed: the seconds, the peak of the memory
allocated meanwhile (tracemalloc: NumPy's and Pillow's buffers), and the longest the GUI thread
went without running its event loop (a freeze would show here). Targets (issue 21): ≤ 200 MB
above the app; the window never frozen (the longest gap ≤ 100 ms). The old export, for 784-512:
+3.05 GB and 14.8 s with the window frozen. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))

from PySide6.QtCore import QTimer  # noqa: E402

from annviz.gui.common.qtapp import start_qt  # noqa: E402
from annviz.gui.training.gif_export import GifExport  # noqa: E402
from test_gif_export import synthetic_run  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hidden", type=int, default=512)
    parser.add_argument("--moments", type=int, default=240)
    args = parser.parse_args()
    app = start_qt([])  # as the app starts: its GUI-thread collector included
    run = synthetic_run(args.hidden, args.moments)
    export = GifExport()
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    done = []
    export.finished.connect(done.append)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "run.gif"
        tracemalloc.start()
        t0 = time.perf_counter()
        export.start(run, path)
        setup = time.perf_counter() - t0
        while not done:
            app.processEvents()
            time.sleep(0.002)
        seconds = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = path.stat().st_size
    export.shutdown()
    print(f"784-{args.hidden}, {args.moments} frames: {seconds:.1f} s ({setup * 1000:.0f} ms of it in the "
          f"GUI thread before the worker starts), peak +{peak / 2**20:.0f} MB, GIF {size / 2**20:.1f} MB, "
          f"the GUI thread's longest gap {max(gaps) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
