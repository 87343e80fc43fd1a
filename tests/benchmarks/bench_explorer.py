"""Benchmark: the explorer's latency from a pad event to repainted views, and start-up.

    /work/venv/bin/python tests/benchmarks/bench_explorer.py [--events 400] [--skip-startup]

1. Latency, 784-128-64-10 (ReLU, random weights: the drawing is what costs, not the values).
   The main window (explorer docks, the other areas left out) is shown offscreen at 1280×800
   with a neuron selected so the inspector repaints too (and once more without a selection).
   Each sample is one mouse move on the pad, sent as a real QMouseEvent while a stroke is
   being drawn, up to the end of the paint events it
   caused (``processEvents``): canvas → ``canvas_to_mnist`` → forward → probabilities, "what
   the network sees", diagram (edges and circles), inspector → paint. The pad's frame throttle is
   reset before each sample so every sample does the full work. Target: median < 16 ms, p99 < 33 ms.
   Wall-clock and CPU time (``process_time``) are both reported: on a shared machine the wall
   clock includes waiting for a core. The parts are timed separately as well.
2. Start-up: ``annviz`` (``annviz.gui.app.main``, all areas, bundled model) in a fresh process
   with private settings; time from process start to the window shown and the event loop
   running, and peak memory (max RSS) then and 3 s later. Target: < 2 s, < 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402


def percentile(values, q) -> float:
    return float(np.percentile(np.asarray(values) * 1000, q))


def latency(n_events: int, select: bool = True) -> dict:
    import pyqtgraph as pg
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from annviz.gui.app import settle_heap
    from annviz.gui.common.qtapp import start_qt

    app = start_qt([])  # as the app starts: its GUI-thread collector included
    pg.setConfigOptions(imageAxisOrder="row-major")
    from PySide6.QtCore import QSettings

    from annviz.gui.main_window import MainWindow
    from annviz.gui.state import AppState
    from annviz.nn import Network

    settings = QSettings(os.path.join(tempfile.mkdtemp(), "bench.ini"), QSettings.Format.IniFormat)
    state = AppState()
    window = MainWindow(state, settings)
    state.set_model(Network.build([784, 128, 64, 10], hidden="relu"))
    window.resize(1280, 800)
    window.show()
    if select:
        state.select_neuron(2, 3)
    for _ in range(20):
        app.processEvents()
    settle_heap()   # as annviz.gui.app.main does once the window is shown
    pad = window.explorer.pad_panel.pad

    def send(kind, x, y, buttons):
        button = Qt.MouseButton.LeftButton if kind != QMouseEvent.Type.MouseMove else Qt.MouseButton.NoButton
        event = QMouseEvent(kind, QPointF(x, y), pad.mapToGlobal(QPointF(x, y)), button, buttons,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(pad, event)

    t = pad._target()
    angles = np.linspace(0, 6 * np.pi, n_events)
    xs = t.x() + t.width() * (0.5 + 0.3 * np.cos(angles) * np.linspace(0.4, 1, n_events))
    ys = t.y() + t.height() * (0.5 + 0.3 * np.sin(angles))
    samples, cpu = [], []
    down = Qt.MouseButton.LeftButton
    send(QMouseEvent.Type.MouseButtonPress, xs[0], ys[0], down)
    app.processEvents()
    for x, y in zip(xs[1:], ys[1:]):
        pad._frame_timer.stop()           # every sample does the full work (no throttling)
        start, start_cpu = time.perf_counter(), time.process_time()
        send(QMouseEvent.Type.MouseMove, x, y, down)
        app.processEvents()               # the paint events the change caused
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    send(QMouseEvent.Type.MouseButtonRelease, xs[-1], ys[-1], Qt.MouseButton.NoButton)
    app.processEvents()
    assert state.probabilities is not None
    parts = time_parts(window, state, pad)
    window.close()
    return {"events": len(samples), "median_ms": percentile(samples, 50),
            "p99_ms": percentile(samples, 99), "max_ms": percentile(samples, 100),
            "cpu_median_ms": percentile(cpu, 50), "cpu_p99_ms": percentile(cpu, 99),
            "window": f"{window.width()}×{window.height()}", "parts_median_ms": parts}


def time_parts(window, state, pad, repeats: int = 200) -> dict:
    """Median time of each step of the path, without painting."""
    from annviz.data.preprocess import canvas_to_mnist

    page = window.explorer
    canvas = pad.canvas()
    image = canvas_to_mnist(canvas)
    steps = {
        "pad canvas copy": pad.canvas,
        "canvas_to_mnist": lambda: canvas_to_mnist(canvas),
        "forward": lambda: state.network.forward(image.reshape(1, -1)),
        "probability bars": page.pad_panel.probabilities._on_forward_changed,
        "diagram": page.diagram._on_forward_changed,
        "inspector": page.inspector.refresh,
    }
    out = {}
    for name, fn in steps.items():
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        out[name] = round(percentile(times, 50), 3)
    return out


def startup() -> dict:
    """The whole app's start, as ``bench_startup.py`` measures it (one start, no bare window)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from bench_startup import APP, start

    run = start(APP)
    return {"time_to_window_s": round(run["seconds"], 2), "max_rss_mb_at_window": round(run["mb_at_window"]),
            "max_rss_mb_after_3s": round(run["mb_after_3s"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=400)
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()
    report = {"latency_784_128_64_10": latency(args.events),
              "latency_784_128_64_10_no_neuron_selected": latency(args.events, select=False)}
    if not args.skip_startup:
        report["startup"] = [startup() for _ in range(3)]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
