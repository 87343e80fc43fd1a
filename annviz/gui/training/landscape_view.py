"""The loss landscape with the path taken (issue 27): a tab beside the training settings'.

The loss on the plane the recorded weights moved through (``nn/landscape.py``: the moves' first
two principal directions, through the last moment), on the first 1,000 training images, drawn as
filled contours (darker: lower loss) with the run's path over it and a bluish-green dot at the
moment the timeline shows (the last one at "now"). Built on the thread helper with a progress
bar whenever the tab is on screen and the run shown has moments it has not drawn yet (no more
often than every ``REBUILD_MS`` while a run trains). 784-128-64-10: ~0.5 s
(``tests/benchmarks/bench_landscape.py``).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from annviz.data.datasets import load_named_dataset, to_inputs
from annviz.gui.common import zoom
from annviz.gui.common.colors import ANSWER, PLOT_TEXT
from annviz.gui.threads import Worker, WorkerThread
from annviz.nn.landscape import Landscape, landscape
from annviz.nn.recording import Recording

BATCH = 1000
REBUILD_MS = 3000
STOP_MS = 2000
LEVELS = 8


class _LandscapeWorker(Worker):
    progress = Signal(int, int)

    def __init__(self, run: Recording):
        super().__init__()
        self._run = run

    def work(self) -> Landscape | None:
        data = load_named_dataset(self._run.config.dataset)
        x = to_inputs(data.train_images[:BATCH])
        y = np.asarray(data.train_labels[:BATCH], np.int64)
        return landscape(self._run, x, y, go_on=self.control.wait_for_turn,
                         progress=lambda done, total: self.send(_LandscapeWorker.progress, done, total))


class LossLandscapeView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("training-landscape")
        self._run: Recording | None = None
        self._drawn: tuple | None = None          # (run id, moments) of the landscape shown
        self._landscape: Landscape | None = None
        self._position: int | None = None
        self._thread = WorkerThread("loss landscape", self)
        self._thread.ended.connect(self._on_ended)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.build)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.build_button = QPushButton()
        self.build_button.setObjectName("landscape-build")
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.plot = pg.PlotWidget(enableMenu=False)
        self.plot.setBackground("w")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setTextPen(pg.mkPen(PLOT_TEXT))
        self.image = pg.ImageItem(axisOrder="row-major")     # whatever the app's default: rows are direction 2
        self.image.setColorMap(pg.colormap.get("CET-L2"))       # grey: dark low, light high
        self.plot.addItem(self.image)
        self.contours: list[pg.IsocurveItem] = []
        self.path = pg.PlotDataItem(pen=pg.mkPen((20, 20, 20), width=zoom.px(2)), symbol="o",
                                    symbolSize=zoom.px(4), symbolBrush=(20, 20, 20), symbolPen=None)
        self.dot = pg.ScatterPlotItem(size=zoom.px(12), brush=ANSWER, pen=pg.mkPen("w", width=zoom.px(2)))
        self.plot.addItem(self.path)
        self.plot.addItem(self.dot)
        self.path.setZValue(10)
        self.dot.setZValue(11)
        row = QHBoxLayout()
        row.addWidget(self.build_button)
        row.addWidget(self.progress_bar, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.plot, 1)
        self.build_button.clicked.connect(self.build)
        self.message.hide()
        self.retranslate()

    # --- public ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("The loss on the plane the weights moved through (darker: lower "
                                   "loss), on 1,000 training images, with the path the run took; the "
                                   "dot is the moment the timeline shows."))
        self.build_button.setText(self.tr("Draw again"))
        self.build_button.setToolTip(self.tr("Compute the landscape again for the moments recorded so far"))
        self.plot.setLabel("bottom", self.tr("direction 1"))
        self.plot.setLabel("left", self.tr("direction 2"))
        self.plot.setToolTip(self.tr("Each point of the plane is a network: the last moment's weights "
                                     "moved along the two directions the run moved most"))

    def set_run(self, run: Recording | None) -> None:
        if run is not self._run:
            self._run, self._position = run, None
        self.moments_changed()

    def moments_changed(self) -> None:
        """The run shown has new moments: drawn again when on screen (at most every REBUILD_MS)."""
        if self.isVisible() and self._stale() and not self._timer.isActive():
            self._timer.start(0 if self._landscape is None else REBUILD_MS)

    def set_position(self, index: int | None) -> None:
        """The moment the timeline shows (None: now, the last)."""
        self._position = index
        self._place_dot()

    def landscape(self) -> Landscape | None:
        """The landscape drawn (None before the first)."""
        return self._landscape

    def dot_position(self) -> tuple[float, float] | None:
        data = self.dot.data
        return None if len(data) == 0 else (float(data["x"][0]), float(data["y"][0]))

    def is_building(self) -> bool:
        return self._timer.isActive() or self._thread.is_running()

    def build(self) -> None:
        """Compute the landscape of the run shown, in the background."""
        run = self._run
        if run is None or not run.moments:
            return
        if self._thread.is_running():
            self._thread.request_stop()
            self._timer.start(100)
            return
        worker = _LandscapeWorker(run)
        key = (id(run), len(run.moments), run.moments[-1].step)
        worker.progress.connect(self._on_progress)
        worker.finished.connect(lambda result, key=key, run=run: self._on_finished(run, key, result))
        worker.failed.connect(self._on_failed)
        self.progress_bar.setValue(0)
        self.message.hide()
        self._thread.start(worker)

    def shutdown(self) -> bool:
        self._timer.stop()
        return self._thread.stop(STOP_MS)

    # --- handlers --------------------------------------------------------------------------------

    def showEvent(self, event) -> None:                        # noqa: N802
        super().showEvent(event)
        self.moments_changed()

    def _stale(self) -> bool:
        run = self._run
        return run is not None and bool(run.moments) and self._drawn != (
            id(run), len(run.moments), run.moments[-1].step)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setMaximum(total)
        self.progress_bar.setValue(done)

    def _on_finished(self, run: Recording, key: tuple, result: Landscape | None) -> None:
        if result is None or run is not self._run:
            return
        self._landscape, self._drawn = result, key
        self._draw()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.message.setText(self.tr("The landscape could not be computed: {why}").format(why=message))
        self.message.show()

    @Slot(object)
    def _on_ended(self, _worker) -> None:
        self.progress_bar.setValue(self.progress_bar.maximum())

    def _draw(self) -> None:
        result = self._landscape
        with np.errstate(all="ignore"):
            levels = np.log10(np.maximum(result.grid, 1e-6))
        finite = np.isfinite(levels)           # a diverging run: NaN or inf where the loss overflowed
        levels = np.where(finite, levels, levels[finite].max() if finite.any() else 0.0)
        a, b = result.alphas, result.betas
        self.image.setImage(levels, autoLevels=True)            # rows: betas, columns: alphas
        step_a, step_b = a[1] - a[0], b[1] - b[0]
        self.image.setRect(a[0] - step_a / 2, b[0] - step_b / 2, step_a * len(a), step_b * len(b))
        for item in self.contours:
            self.plot.removeItem(item)
        self.contours = []
        finite = levels[np.isfinite(levels)]
        if finite.size:
            for level in np.linspace(finite.min(), finite.max(), LEVELS + 2)[1:-1]:
                curve = pg.IsocurveItem(levels, level, pen=pg.mkPen((255, 255, 255, 160)),
                                        axisOrder="row-major")
                curve.setParentItem(self.image)
                curve.setPos(0.5, 0.5)                      # the grid's values are at the pixels' centres
                self.contours.append(curve)
        coords = result.plane.coords
        self.path.setData(coords[:, 0], coords[:, 1])
        self.plot.setRange(xRange=(a[0], a[-1]), yRange=(b[0], b[-1]), padding=0)
        self._place_dot()

    def _place_dot(self) -> None:
        result, run = self._landscape, self._run
        if result is None or run is None:
            self.dot.setData([], [])
            return
        i = len(result.plane.coords) - 1
        if self._position is not None and self._position < len(run.moments):
            step = run.moments[self._position].step
            i = int(np.clip(np.searchsorted(result.plane.steps, step, side="right") - 1, 0, i))
        a, b = result.plane.coords[i]
        self.dot.setData([a], [b])
