"""Benchmark: scrubbing the time machine, and what recording costs while training.

    .venv/bin/python tests/benchmarks/bench_scrub.py [--epochs 2] [--size 1280x800]

The app's window as ``annviz`` builds it at 1280×800, the training page in front, a drawn digit
on the pad and a first-layer neuron in the inspector. It trains 784-128-64-10 (ReLU, Adam, batch
64, full MNIST) and then steps the timeline through every recorded moment, in order and then in a
random order (a drag jumps). The latency of a moment is from asking for it until the window has
repainted it (the event loop idle again, the repaints done); printed: p50, p99 and max.

Recording's cost: the same run is trained headless (the core ``Trainer``, one BLAS thread, as the
worker trains) with and without a ``Recorder`` watching, interleaved, best of ``--rounds`` each.
Targets (issue 13): p99 < 100 ms a moment; recording costs at most 5 % of the throughput.
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
from PySide6.QtCore import QEventLoop, QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from annviz.gui.common.qtapp import start_qt  # noqa: E402
from annviz.nn.config import TrainConfig  # noqa: E402
from annviz.nn.recording import Recorder  # noqa: E402
from annviz.recipes import build_network, build_trainer, prepare_data  # noqa: E402
from run_ends import open_window, wait_until  # noqa: E402

CONFIG = TrainConfig(hidden=(128, 64), activation="relu", optimizer="adam", lr=1e-3, batch_size=64,
                     epochs=2)


def draw_a_digit(pad) -> None:
    w, h = pad.width(), pad.height()
    points = [QPoint(int(w * x), int(h * y)) for x, y in
              ((0.3, 0.2), (0.6, 0.15), (0.65, 0.4), (0.4, 0.5), (0.66, 0.65), (0.55, 0.85), (0.3, 0.8))]
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for p in points[1:]:
        QTest.mouseMove(pad, p)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


def settle(app: QApplication) -> None:
    """Until the event loop has nothing left: posted events handled, repaints done."""
    for _ in range(3):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def scrub_latencies(app, timeline, indices) -> list[float]:
    out = []
    for i in indices:
        start = time.perf_counter()
        timeline.go_to(int(i))
        settle(app)
        out.append(time.perf_counter() - start)
    return out


def headless_speed(config: TrainConfig, record: bool) -> tuple[float, float]:
    """Samples a second over one epoch of the core trainer, with or without a recorder, and the
    share of the time spent inside the recorder (a figure the shared machine's noise spares)."""
    data = prepare_data(config.replace(epochs=1))
    trainer = build_trainer(build_network(config), config.replace(epochs=1), data)
    trainer.test = None   # the epoch's evaluation is not training
    recorder = Recorder(trainer) if record else None
    keep = []
    inside = 0.0
    with threadpool_limits(1, user_api="blas"):
        start = time.perf_counter()
        if recorder is not None:
            keep.append(recorder.start())
        for event in trainer.steps():
            if recorder is not None:
                t = time.perf_counter()
                if (moment := recorder.observe(event)) is not None:
                    keep.append(moment)
                inside += time.perf_counter() - t
        seconds = time.perf_counter() - start
    return len(data.train[0]) / seconds, inside / seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size", default="1280x800")
    args = parser.parse_args()
    app = start_qt([])  # as the app starts: its GUI-thread collector included
    config = CONFIG.replace(epochs=args.epochs)

    plain, recorded, shares = [], [], []
    for _ in range(args.rounds):
        plain.append(headless_speed(config, record=False)[0])
        speed, share = headless_speed(config, record=True)
        recorded.append(speed)
        shares.append(share)
    print(f"headless, 1 BLAS thread: {max(plain):,.0f} samples/s without recording, "
          f"{max(recorded):,.0f} with (best of {args.rounds}): recording costs "
          f"{100 * (1 - max(recorded) / max(plain)):.1f} %; per round: "
          + ", ".join(f"{100 * (1 - r / p):.1f} %" for p, r in zip(plain, recorded)))
    print(f"time inside the recorder (the first epoch, the densest): median {100 * np.median(shares):.1f} % "
          f"of the epoch; per round: " + ", ".join(f"{100 * s:.1f} %" for s in shares))

    with tempfile.TemporaryDirectory() as folder:
        window = open_window(Path(folder) / "settings.ini")
        window.resize(*map(int, args.size.split("x")))
        area = window.training
        window.tabs.setCurrentWidget(area.page)
        settle(app)
        draw_a_digit(window.explorer.pad_panel.pad)
        area.panel.settings.set_config(config)
        assert area.panel.start()
        window.state.select_neuron(1, 3)
        wait_until(lambda: area.controller.phase == "done", 600, "training to end")
        run = area.controller.films.current
        settle(app)
        n = len(run.moments)
        in_order = scrub_latencies(app, area.timeline, range(n))
        jumps = scrub_latencies(app, area.timeline, np.random.default_rng(0).permutation(n))
        area.timeline.go_to_now()
        area.controller.discard()
        window.close()
    for name, lat in (("in order", in_order), ("random jumps", jumps)):
        ms = np.array(lat) * 1000
        print(f"scrub {name}: {n} moments of {run.sizes}, p50 {np.percentile(ms, 50):.1f} ms, "
              f"p99 {np.percentile(ms, 99):.1f} ms, max {ms.max():.1f} ms")
    print(f"recording: {n} moments, {run.nbytes / 2**20:.1f} MB for {args.epochs} epochs")


if __name__ == "__main__":
    main()
