"""Benchmark: redraws a second of the Convolution page while it trains the reference net (issue 26:
≥ 10 a second; the worker sends at most 12, ``train_worker.UPDATES_PER_S``).

    QT_QPA_PLATFORM=offscreen flock /work/wt/bench.lock python tests/benchmarks/bench_convolution_redraw.py [train|network ...]

The page alone, 1100×700, its tab in front (③ by default: the kernels and every map redrawn; ②:
the maps computed when shown), the reference net (8, 16 filters) on 60,000 images; 15 s counted
after the first three snapshots. The GUI waits in a QEventLoop, as the app's event loop does
(QTest.qWait holds the interpreter lock and starves the training thread). Prints redraws a second
and training samples a second. Not collected by pytest.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SECONDS = 15


def run_for(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def measure(tab: str) -> tuple[float, float]:
    from annviz.gui.convolution.page import ConvolutionPage

    page = ConvolutionPage()
    page.resize(1100, 700)
    page.show()
    page.show_tab(tab)
    page.start_training((8, 16), 1, 60000)
    started = time.perf_counter()
    while page.training_updates() < 3 and time.perf_counter() - started < 120:
        run_for(100)
    u0, b0, t0 = page.training_updates(), len(page.training_losses()), time.perf_counter()
    run_for(SECONDS * 1000)
    u1, b1, t1 = page.training_updates(), len(page.training_losses()), time.perf_counter()
    page.stop_training()
    page.deleteLater()
    return (u1 - u0) / (t1 - t0), (b1 - b0) * 64 / (t1 - t0)


def main() -> int:
    app = QApplication.instance() or QApplication([])
    import pyqtgraph as pg

    pg.setConfigOptions(imageAxisOrder="row-major")
    for tab in sys.argv[1:] or ["train", "network"]:
        redraws, samples = measure(tab)
        print(f"{tab}: {redraws:.1f} redraws/s, {samples:,.0f} samples/s (load {os.getloadavg()[0]:.1f})")
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
