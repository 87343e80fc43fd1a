"""Benchmark: training inside the app vs headless, the views' frames, and the pad's latency.

    .venv/bin/python tests/benchmarks/bench_training_gui.py [--rounds 5] [--old TREE] [--n-train N]

For 784-128-64-10 (ReLU, Adam, batch 64, 3 epochs, the speed of epochs 2–3) on MNIST it measures,
in one run and interleaved round by round, each in a fresh process:

1. headless: the core ``Trainer`` alone, as ``annviz train`` runs it, with 1 and with 2 BLAS
   threads;
2. in the app: the full window as ``annviz.gui.app`` builds it, a digit on the pad, a neuron
   selected, training started from the panel (the recorder and the doctor on, as in the app) —
   with the training page in front (pad, diagram, weights, curves, histograms and timeline live),
   and with the explorer in front; the frames a second of the progress (counters, curves) and of
   the weights (every view of the network) while it trains;
3. without training, and while (2) runs, strokes are drawn on the pad (QTest press / moves every
   12 ms / release) on a fixed schedule; the latency of each move or release is the time from when
   it was due to the first repaint of the probability bars after the pad announced the change.
   p50 / p99.

``--old TREE`` measures the app of another checkout (e.g. a worktree of the commit before a
change) in the same rounds. Speed is wall-clock samples/s from the second to the next-to-last
batch of each epoch (the epoch's evaluation excluded), so whatever the worker does or waits for
between batches counts; the trainer's own figure (time inside the batches only) is printed beside.
Each app figure is divided by the headless figure of its own round, and the median is printed.

Targets (issue 25): app ≥ 95 % of headless, strokes while training p99 < 33 ms, the views
refreshed ≥ 10 times a second. Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from annviz.nn.config import TrainConfig  # noqa: E402
from annviz.nn.trainer import Trainer  # noqa: E402
from annviz.recipes import build_network, build_trainer, prepare_data  # noqa: E402

CONFIG = TrainConfig(hidden=(128, 64), activation="relu", optimizer="adam", lr=1e-3,
                     batch_size=64, epochs=3)


class BatchClock:
    """The wall-clock time of every batch any ``Trainer`` trains (headless or in the worker).

    It wraps ``Trainer.steps`` (one ``perf_counter`` per batch, the same in both settings).
    """

    def __init__(self):
        self.marks: list[tuple[int, int, int, float]] = []   # (epoch, batch, batches, time)
        original, marks = Trainer.steps, self.marks

        def steps(trainer):
            for event in original(trainer):
                marks.append((event.epoch, event.batch, event.batches_per_epoch, time.perf_counter()))
                yield event

        Trainer.steps = steps

    def reset(self) -> None:
        self.marks.clear()

    def speed(self, batch_size: int) -> float:
        """Samples/s of epochs ≥ 2 (the first also pays for building every view), from batch 1's
        end to the end of the next-to-last batch: the epoch's evaluation (after the last) is out."""
        spans = {}
        for epoch, batch, nb, t in self.marks:
            if epoch >= 1 and batch in (1, nb - 1):
                spans.setdefault(epoch, {})[batch] = (t, nb)
        speeds = [(span[1][1] - 2) * batch_size / (span[span[1][1] - 1][0] - span[1][0])
                  for span in spans.values() if len(span) == 2]
        return float(np.mean(speeds)) if speeds else 0.0


    def rates(self, frames: dict[str, list[float]]) -> dict[str, float]:
        """Frames a second of each kind over the epochs ≥ 2 (from batch 1 to the last)."""
        return frame_rates(self.marks, frames)


def frame_rates(marks, frames: dict[str, list[float]]) -> dict[str, float]:
    """Frames a second of each kind between the first and the last of ``marks`` of epochs ≥ 2."""
    times = [t for epoch, _batch, _nb, t in marks if epoch >= 1]
    if len(times) < 2:
        return {name: 0.0 for name in frames}
    start, end = times[0], times[-1]
    return {name: sum(start <= t <= end for t in ts) / (end - start) for name, ts in frames.items()}


CLOCK = BatchClock()


class ReportClock(BatchClock):
    """The same figures from the progress reports the app receives, for a run trained in the
    training process (where ``BatchClock`` cannot reach): each report says the batch it ends and
    when it was sent (``Progress.at``, the system's monotonic clock, the same in both processes).
    Rates use the reports' arrival times (``perf_counter``, as the frames)."""

    def __init__(self):
        self.marks, self.arrivals = [], []

    def add(self, progress) -> None:
        self.marks.append((progress.epoch, progress.batch, progress.batches_per_epoch, progress.at))
        self.arrivals.append((progress.epoch, progress.batch, progress.batches_per_epoch, time.perf_counter()))

    def speed(self, batch_size: int) -> float:
        """Samples/s of epochs ≥ 2, from the first report of each to its last before the end."""
        spans: dict[int, list] = {}
        for epoch, batch, nb, t in self.marks:
            if epoch >= 1 and batch < nb:
                spans.setdefault(epoch, []).append((batch, t))
        speeds = [(span[-1][0] - span[0][0]) * batch_size / (span[-1][1] - span[0][1])
                  for span in spans.values() if len(span) >= 2 and span[-1][1] > span[0][1]]
        return float(np.mean(speeds)) if speeds else 0.0

    def rates(self, frames: dict[str, list[float]]) -> dict[str, float]:
        return frame_rates(self.arrivals, frames)


def trainer_speed(history) -> float:
    """The trainer's own samples/s of epochs ≥ 2: time inside the batches only."""
    epochs = history.epochs[1:] or history.epochs
    return float(np.mean([e.samples_per_s for e in epochs]))


def headless(config: TrainConfig, blas_threads: int) -> tuple[float, float]:
    """(wall-clock samples/s, the trainer's own)."""
    data = prepare_data(config)
    trainer = build_trainer(build_network(config), config, data)
    CLOCK.reset()
    with threadpool_limits(blas_threads, user_api="blas"):
        history = trainer.run()
    return CLOCK.speed(config.batch_size), trainer_speed(history)


class StrokeDriver:
    """Draws strokes on the pad on a fixed schedule, as a hand would, through QTest.

    Each event has an intended time; if the GUI thread is busy when it is due, it is delivered
    late — as real input would wait in the queue — and its latency counts from the intended time.
    """

    MOVE_S, PAUSE_S, MOVES = 0.012, 0.15, 12   # a hand moves ~80 times a second

    def __init__(self, pad):
        self.pad = pad
        self.posted: list[float] = []          # intended time of each move/release, in order
        self.running = False
        self._rng = np.random.default_rng(0)

    def start(self) -> None:
        self.running = True
        self._stroke(time.perf_counter())

    def _at(self, when: float, action) -> None:
        from PySide6.QtCore import QTimer
        QTimer.singleShot(max(0, round((when - time.perf_counter()) * 1000)), lambda: action(when))

    def _stroke(self, when: float) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        if not self.running:
            return
        w, h = self.pad.width(), self.pad.height()
        points = [QPoint(int(w * self._rng.uniform(0.3, 0.7)), int(h * self._rng.uniform(0.3, 0.7)))]
        for _ in range(self.MOVES):
            last = points[-1]
            points.append(QPoint(last.x() + int(self._rng.normal(0, 4)), last.y() + int(self._rng.normal(0, 4))))
        QTest.mousePress(self.pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])

        def move(i: int):
            def act(intended: float):
                self.posted.append(intended)
                if i < len(points):
                    QTest.mouseMove(self.pad, points[i])
                    self._at(intended + self.MOVE_S, move(i + 1))
                else:
                    QTest.mouseRelease(self.pad, Qt.MouseButton.LeftButton,
                                       Qt.KeyboardModifier.NoModifier, points[-1])
                    self._at(intended + self.PAUSE_S, self._stroke)
            return act

        self._at(when + self.MOVE_S, move(1))


class LatencyProbe:
    """Pairs each posted pad event with the first probability repaint after the pad announced it."""

    def __init__(self, pad, bars_viewport, driver: StrokeDriver):
        from PySide6.QtCore import QEvent, QObject

        self.driver, self.latencies = driver, []
        self._handled = 0      # pad events handled so far (moves and releases)
        self._announced = 0    # of those, how many the pad has announced (canvas_changed)
        self._measured = 0
        probe = self

        class Filter(QObject):
            def eventFilter(self, watched, event):
                if watched is pad and event.type() in (QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease):
                    probe._handled += 1
                elif watched is bars_viewport and event.type() == QEvent.Type.Paint:
                    probe._on_paint()
                return False

        self._filter = Filter()
        pad.installEventFilter(self._filter)
        bars_viewport.installEventFilter(self._filter)
        pad.canvas_changed.connect(self._on_canvas_changed)

    def _on_canvas_changed(self) -> None:
        # canvas_changed comes after the event that caused it was handled, or at the next frame
        self._announced = self._handled

    def _on_paint(self) -> None:
        now = time.perf_counter()
        posted = self.driver.posted
        for i in range(self._measured, min(self._announced, len(posted))):
            self.latencies.append(now - posted[i])
        self._measured = max(self._measured, self._announced)


def in_app(config: TrainConfig, measure_latency: bool, train: bool = True, front: str = "training"
           ) -> tuple[tuple[float, float], list[float], dict[str, float]]:
    """((wall-clock samples/s, the trainer's own), pad latencies in s, frames a second of the
    progress and of the weights while training); without ``train`` the same window only gets
    strokes, 3 s. ``front``: the page in front, "training" or "explorer"."""
    import pyqtgraph as pg
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from annviz.gui.app import install_areas, settle_heap
    from annviz.gui.common.qtapp import start_qt
    from annviz.gui.main_window import MainWindow
    from annviz.gui.state import AppState

    app = start_qt([])  # as the app starts: its GUI-thread collector included
    pg.setConfigOptions(imageAxisOrder="row-major")
    state = AppState()
    window = MainWindow(state, QSettings("annviz-bench", "bench"))
    assert not install_areas(window, state)
    area = window.training
    window.show()
    panel = area.panel
    panel.settings.set_config(config)
    pad_panel = window.explorer.pad_panel
    data = prepare_data(config)
    pad_panel.pad.show_digit(data.dataset.test_images[0])
    page = area.page if front == "training" else window.explorer
    window.tabs.setCurrentWidget(page)   # training: pad, diagram, weights, curves: every view live
    app.processEvents()
    settle_heap()   # as annviz.gui.app.main does once the window is shown
    driver = StrokeDriver(pad_panel.pad)
    probe = LatencyProbe(pad_panel.pad, pad_panel.probabilities._plot.viewport(), driver)
    frames: dict[str, list[float]] = {"progress": [], "weights": []}
    area.controller.progress.connect(lambda _p: frames["progress"].append(time.perf_counter()))
    state.weights_changed.connect(lambda: frames["weights"].append(time.perf_counter()))
    loop = QEventLoop()   # an idle event loop, as in the app (a processEvents loop would spin)
    CLOCK.reset()
    reports = ReportClock()
    area.controller.progress.connect(lambda p: reports.add(p) if getattr(p, "at", None) else None)
    if train:
        area.controller.phase_changed.connect(lambda phase: loop.quit() if phase == "done" else None)
        area.controller.run_started.connect(lambda _config: state.select_neuron(1, 0))
        panel.start()
    else:
        state.set_model(build_network(config))
        state.select_neuron(1, 0)
        QTimer.singleShot(3000, loop.quit)
    if measure_latency and not train:
        QTimer.singleShot(500, driver.start)
    elif measure_latency:
        # After the first paints of the run's network, which are no stroke's fault: 0.5 s after
        # its first weights were shown (a run in the training process begins ~0.5 s later than
        # one in a thread: a fixed 0.5 s from the start measured its first paints in one, not
        # the other).
        def first_weights():
            state.weights_changed.disconnect(first_weights)
            QTimer.singleShot(500, driver.start)
        state.weights_changed.connect(first_weights)
    loop.exec()
    driver.running = False
    clock = CLOCK if CLOCK.marks or not reports.marks else reports   # in this process, or its own
    speeds = (clock.speed(config.batch_size), trainer_speed(area.controller.trainer.history)) if train else (0.0, 0.0)
    rates = clock.rates(frames) if train else {}
    area.controller.discard()
    window.close()
    app.processEvents()
    return speeds, probe.latencies, rates


def child(kind: str, config: TrainConfig) -> dict:
    """One measurement in this process (a child of ``main``)."""
    if kind.startswith("headless"):
        wall, own = headless(config, int(kind[-1]))
        return {"wall": wall, "own": own}
    in_app(config.replace(epochs=1, n_train=2000), measure_latency=False)   # first-time costs, untimed
    if kind == "idle":
        return {"latencies": in_app(config, measure_latency=True, train=False)[1]}
    front = "explorer" if kind == "explorer" else "training"
    (wall, own), latencies, rates = in_app(config, measure_latency=kind == "drawing", front=front)
    return {"wall": wall, "own": own, "latencies": latencies, **rates}


def run_child(tree: str, kind: str, n_train: int | None) -> dict:
    """``child`` in a fresh process with ``tree``'s annviz (so the code of two commits can be
    measured in one run)."""
    import json
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=tree)
    argv = [sys.executable, __file__, "--child", kind] + (["--n-train", str(n_train)] if n_train else [])
    out = subprocess.run(argv, env=env, cwd=tree, capture_output=True, text=True, timeout=900, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    import json

    parser = argparse.ArgumentParser()
    parser.add_argument("--n-train", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--old", metavar="TREE", help="a checkout of earlier code, measured beside")
    parser.add_argument("--kinds", default="training,explorer,drawing,idle",
                        help="what to measure in the app (comma-separated)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    config = CONFIG.replace(n_train=args.n_train)
    if args.child:
        print(json.dumps(child(args.child, config)))
        return
    here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    trees = {"new": here} | ({"old": os.path.abspath(args.old)} if args.old else {})
    kinds = ["headless1", "headless2", *args.kinds.split(",")]
    got: dict[tuple[str, str], list[dict]] = {}
    for _ in range(args.rounds):      # interleaved: the machine's slow spells hit every kind alike
        for kind in kinds:
            for name, tree in trees.items():
                if kind.startswith("headless") and name != "new":
                    continue          # the engine is the same: one headless figure per round
                got.setdefault((name, kind), []).append(run_child(tree, kind, args.n_train))
    print(f"784-128-64-10 ReLU/Adam, batch 64, {config.n_train or 60000:,} examples, "
          f"{os.cpu_count()} CPUs, {args.rounds} interleaved rounds, load {os.getloadavg()[0]:.1f}; "
          "wall-clock samples/s (the trainer's own); app ÷ headless of the same round")
    heads = {k: [r["wall"] for r in got[("new", k)]] for k in ("headless1", "headless2")}
    for k, walls in heads.items():
        print(f"  {k:22s} median {np.median(walls):9,.0f}/s   runs " + ", ".join(f"{w:,.0f}" for w in walls))
    for name in trees:
        for kind in ("training", "explorer", "drawing"):
            runs = got.get((name, kind))
            if not runs:
                continue
            walls = [r["wall"] for r in runs]
            r1 = [w / h for w, h in zip(walls, heads["headless1"])]
            r2 = [w / h for w, h in zip(walls, heads["headless2"])]
            print(f"  {name} app, {kind:9s} median {np.median(walls):9,.0f}/s (own {np.median([r['own'] for r in runs]):,.0f})"
                  f"  ÷ headless 1 thread {np.median(r1):6.1%}, ÷ 2 threads {np.median(r2):6.1%};"
                  f"  frames/s: progress {np.median([r['progress'] for r in runs]):.1f},"
                  f" weights {np.median([r['weights'] for r in runs]):.1f}")
        for kind, what in (("idle", "not training"), ("drawing", "while training")):
            if (name, kind) not in got:
                continue
            ms = np.array([x for r in got[(name, kind)] for x in r["latencies"]]) * 1000
            print(f"  {name} pad → repainted prediction, {what:15s} {len(ms)} events, "
                  f"p50 {np.percentile(ms, 50):.1f} ms, p99 {np.percentile(ms, 99):.1f} ms, max {ms.max():.1f} ms")


if __name__ == "__main__":
    main()
