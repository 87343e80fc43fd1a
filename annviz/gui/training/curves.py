"""Live learning curves: loss per batch (raw, faint, and smoothed) and per epoch; accuracy per epoch.

The two plots sit side by side and share the x axis in epochs (batch k of an epoch of n batches
sits at epoch + k/n), so a point on the loss curve lines up with the accuracy of the same moment.
The x axis spans the epochs planned (it grows with "+1 epoch"), so the curves move into a fixed
frame — except in slow motion (``set_batch_view``), where it follows the last 60 batches and
counts them: an axis that rescaled with every update would be repainted, ticks and grid, with every
update. Every plot item is made once, in ``__init__``, and updated with ``setData``; the long
batch curves downsample (peak mode) and clip to the view, so tens of thousands of points stay
cheap. Hovering shows the exact values of every curve at that epoch. The doctor's diagnoses of the
run are marked on the smoothed loss where each began (``show_diagnoses``), with a line through
both plots. Colours (Okabe–Ito) stay
apart for the common colour blindnesses: train blue, validation orange, test green.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annviz.gui.common import zoom
from annviz.gui.common.plotting import cache_axes
from annviz.gui.training.series import smooth
from annviz.gui.training.worker import Progress
from annviz.nn.history import BoundedSeries, EpochRecord

TRAIN, VALIDATION, TEST = QColor(0, 114, 178), QColor(230, 159, 0), QColor(0, 158, 115)
RAW = QColor(0, 114, 178, 55)
OTHER_RUNS = (QColor(86, 180, 233), QColor(204, 121, 167), QColor(213, 94, 0), QColor(0, 0, 0),
              QColor(240, 228, 66))
SMOOTHING = 0.05  # weight of the newest batch in the smoothed loss
BATCH_WINDOW = 60  # batches on the x axis in slow motion
TARGET_ACCURACY = 0.985  # the "time to 98.5 %" a run shows when its test accuracy gets there


class LiveCurves(QWidget):
    export_png_clicked = Signal()
    export_csv_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.records: list[EpochRecord] = []
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setBackground("w")
        self.loss_plot = self.plots.addPlot(row=0, col=0, enableMenu=False)
        self.accuracy_plot = self.plots.addPlot(row=0, col=1, enableMenu=False)
        self.accuracy_plot.setXLink(self.loss_plot)
        self.accuracy_plot.setYRange(0, 100)
        # Legends where the curves are not: loss falls (top right is free), accuracy rises.
        for plot, offset in ((self.loss_plot, (-4, 4)), (self.accuracy_plot, (-4, -4))):
            plot.showGrid(x=True, y=True, alpha=0.2)
            plot.addLegend(offset=offset, labelTextSize=zoom.text_size(8), verSpacing=-6,
                           brush=pg.mkBrush(255, 255, 255, 200))
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
            plot.getAxis("bottom").enableAutoSIPrefix(False)
            cache_axes(plot)
        self.series: dict[str, BoundedSeries] = {key: BoundedSeries() for key in (
            "raw", "smooth", "train_loss", "val_loss", "train_acc", "val_acc", "test_acc")}
        self.items = {
            "raw": self.loss_plot.plot(pen=zoom.pen(RAW, width=1)),
            "smooth": self.loss_plot.plot(pen=zoom.pen(TRAIN, width=2)),
            "train_loss": self._epoch_item(self.loss_plot, TRAIN, "o"),
            "val_loss": self._epoch_item(self.loss_plot, VALIDATION, "s"),
            "train_acc": self._epoch_item(self.accuracy_plot, TRAIN, "o"),
            "val_acc": self._epoch_item(self.accuracy_plot, VALIDATION, "s"),
            "test_acc": self._epoch_item(self.accuracy_plot, TEST, "t"),
        }
        cursor_pen = zoom.pen((120, 120, 120), style=Qt.PenStyle.DotLine)
        self._cursor = {plot: pg.InfiniteLine(angle=90, pen=cursor_pen)
                        for plot in (self.loss_plot, self.accuracy_plot)}
        for plot, line in self._cursor.items():
            plot.addItem(line, ignoreBounds=True)
            line.hide()
        # Other runs of the session, dashed, each in its own colour (Okabe–Ito), made once.
        self._others = [(self.loss_plot.plot(pen=zoom.pen(c, width=1.5, style=Qt.PenStyle.DashLine)),
                         self.accuracy_plot.plot(pen=zoom.pen(c, width=1.5, style=Qt.PenStyle.DashLine),
                                                 symbol="t", symbolSize=zoom.px(6), symbolBrush=c, symbolPen=None))
                        for c in OTHER_RUNS]
        self.other_labels: list[str] = []
        moment_pen = zoom.pen((213, 94, 0), width=2)
        self._moment = {plot: pg.InfiniteLine(angle=90, pen=moment_pen)
                        for plot in (self.loss_plot, self.accuracy_plot)}
        for plot, line in self._moment.items():
            plot.addItem(line, ignoreBounds=True)
            line.hide()
        mark = QColor(213, 94, 0)                 # the doctor's vermillion (doctor_panel.py)
        self._diagnosis_x: list[float] = []
        self._diagnosis_points = pg.ScatterPlotItem(symbol="star", size=zoom.px(16), brush=mark,
                                                    pen=zoom.pen((255, 255, 255), width=1))
        self.loss_plot.addItem(self._diagnosis_points)
        self._diagnosis_lines: list[tuple] = []   # (plot, line)
        self._diagnosis_pen = zoom.pen(mark, width=1, style=Qt.PenStyle.DashLine)
        self._level: float | None = None
        self._epochs = 0          # the x axis spans this many epochs
        self._batch_view = False  # slow motion: the x axis follows the last batches, in batches
        self._batches_per_epoch = 0
        self._step = 0
        self._hover_x: float | None = None
        self.plots.scene().sigMouseMoved.connect(self._on_mouse_moved)

        self.readout = QLabel()
        # "98.5 % after 4.2 s": the training seconds (evaluation and pauses left out) to the first
        # epoch whose test accuracy reaches TARGET_ACCURACY, so the class sees the number.
        self.target_label = QLabel()
        self.target_label.setObjectName("training-time-to-target")
        self.target_label.hide()
        self._reached: EpochRecord | None = None
        self.png_button = QPushButton()
        self.csv_button = QPushButton()
        self.png_button.clicked.connect(self.export_png_clicked)
        self.csv_button.clicked.connect(self.export_csv_clicked)
        bottom = QHBoxLayout()
        bottom.addWidget(self.readout, 1)
        bottom.addWidget(self.target_label)
        bottom.addWidget(self.png_button)
        bottom.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plots.setMinimumHeight(140)
        layout.addWidget(self.plots, 1)
        layout.addLayout(bottom)
        self.retranslate()

    @staticmethod
    def _epoch_item(plot, color: QColor, symbol: str):
        return plot.plot(pen=zoom.pen(color, width=2), symbol=symbol, symbolSize=zoom.px(7),
                         symbolBrush=color, symbolPen=None)

    # --- data in -------------------------------------------------------------------------------

    def reset(self) -> None:
        """Empty every curve for a new run."""
        self.records.clear()
        self._reached = None
        self.target_label.hide()
        self._level = None
        self._epochs = 0
        self.show_diagnoses([])
        self.loss_plot.enableAutoRange(x=True)
        for key, series in self.series.items():
            series.clear()
            self.items[key].setData(series.x, series.y)

    def show_moment(self, epoch: float | None) -> None:
        """A line where the time machine is (in epochs); None hides it."""
        for line in self._moment.values():
            if epoch is None:
                line.hide()
            else:
                line.setValue(epoch)
                line.show()

    def show_diagnoses(self, epochs: list[float]) -> None:
        """Mark the run's diagnoses where each began (x in epochs): a star on the smoothed loss
        and a dashed line through both plots; [] clears them."""
        self._diagnosis_x = list(epochs)
        for plot, line in self._diagnosis_lines:
            plot.removeItem(line)
        self._diagnosis_lines = []
        for x in self._diagnosis_x:
            for plot in (self.loss_plot, self.accuracy_plot):
                line = pg.InfiniteLine(x, angle=90, pen=self._diagnosis_pen)
                plot.addItem(line, ignoreBounds=True)
                self._diagnosis_lines.append((plot, line))
        self._place_diagnoses()

    def diagnosis_marks(self) -> list[tuple[float, float]]:
        """The stars drawn: (x in epochs, loss) each."""
        x, y = self._diagnosis_points.getData()
        return list(zip(map(float, x), map(float, y)))

    def _place_diagnoses(self) -> None:
        points = []
        for x in self._diagnosis_x:
            near = self.series["smooth"].nearest(x)
            if near is not None:
                points.append((x, near[1]))
        self._diagnosis_points.setData([p[0] for p in points], [p[1] for p in points])

    @property
    def moment_shown(self) -> float | None:
        line = self._moment[self.loss_plot]
        return float(line.value()) if line.isVisible() else None

    def add_progress(self, progress: Progress) -> None:
        losses = progress.new_losses
        if not len(losses):
            return
        nb = progress.batches_per_epoch
        self._batches_per_epoch, self._step = nb, progress.step
        if progress.epochs != self._epochs:
            self._epochs = progress.epochs
            if not self._batch_view:
                self.loss_plot.setXRange(0, self._epochs, padding=0.02)   # the accuracy plot is linked
        if self._batch_view:
            self._follow_batches()
        first = progress.step - len(losses) + 1
        x = (first + np.arange(len(losses))) / nb     # batch k of the run, in epochs
        smoothed = smooth(losses, self._level, SMOOTHING)
        self._level = float(smoothed[-1])
        self.series["raw"].append(x, losses)
        self.series["smooth"].append(x, smoothed)
        self._show("raw", "smooth")

    def set_batch_view(self, on: bool) -> None:
        """Slow motion: the x axis shows the last ``BATCH_WINDOW`` batches, counted in batches,
        and follows the run (in epochs, one batch of a 938-batch epoch moves a curve by a
        thousandth of the axis: nothing seems to happen). Off: the epochs planned, in epochs."""
        if on == self._batch_view:
            return
        self._batch_view = on
        if on and self._batches_per_epoch:
            self._follow_batches()
        elif not on:
            for plot in (self.loss_plot, self.accuracy_plot):
                plot.getAxis("bottom").setTicks(None)
            if self._epochs:
                self.loss_plot.setXRange(0, self._epochs, padding=0.02)
        self._retranslate_axes()

    @property
    def batch_view(self) -> bool:
        return self._batch_view

    def _follow_batches(self) -> None:
        nb, step = self._batches_per_epoch, self._step
        low, high = max(0, step - BATCH_WINDOW), max(step, BATCH_WINDOW) + BATCH_WINDOW // 10
        self.loss_plot.setXRange(low / nb, high / nb, padding=0)
        spacing = next(s for s in (1, 2, 5, 10, 20, 50, 100) if (high - low) / s <= 8)
        ticks = [[(b / nb, f"{b:,}") for b in range(-(-low // spacing) * spacing, high + 1, spacing)]]
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.getAxis("bottom").setTicks(ticks)

    def add_epoch(self, record: EpochRecord) -> None:
        self.records.append(record)
        x = record.epoch
        self.series["train_loss"].append(x, record.train_loss)
        self.series["train_acc"].append(x, 100 * record.train_accuracy)
        if record.val_loss is not None:
            self.series["val_loss"].append(x, record.val_loss)
            self.series["val_acc"].append(x, 100 * record.val_accuracy)
        if record.test_accuracy is not None:
            self.series["test_acc"].append(x, 100 * record.test_accuracy)
            if self._reached is None and record.test_accuracy >= TARGET_ACCURACY:
                self._reached = record
                self._retranslate_target()
                self.target_label.show()
        self._show("train_loss", "val_loss", "train_acc", "val_acc", "test_acc")

    def time_to_target(self) -> float | None:
        """Training seconds to the first epoch with ≥ TARGET_ACCURACY test accuracy (None: not yet)."""
        return None if self._reached is None else self._reached.seconds

    def show_other_runs(self, runs: list[tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray]]) -> None:
        """Overlay other runs: (label, x in epochs, smoothed loss, epoch, test accuracy in %) each;
        as many as there are colours, the newest last."""
        runs = runs[-len(self._others):]
        self.other_labels = [label for label, *_ in runs]
        for legend_plot in (self.loss_plot, self.accuracy_plot):
            legend = legend_plot.legend
            for loss_item, acc_item in self._others:
                legend.removeItem(loss_item if legend_plot is self.loss_plot else acc_item)
        for (loss_item, acc_item), run in zip(self._others, [*runs, *[None] * len(self._others)]):
            if run is None:
                loss_item.setData([], [])
                acc_item.setData([], [])
                continue
            label, x, loss, epochs, accuracy = run
            loss_item.setData(x, loss)
            acc_item.setData(epochs, accuracy)
            self.loss_plot.legend.addItem(loss_item, label)


    def _show(self, *keys: str) -> None:
        for key in keys:
            series = self.series[key]
            self.items[key].setData(series.x, series.y)
        # The raw batch losses spike; the scale follows the smoothed and per-epoch losses.
        tops = [float(self.series[k].y.max())
                for k in ("smooth", "train_loss", "val_loss") if self.series[k].n]
        if tops:
            self.loss_plot.setYRange(0, 1.15 * max(tops), padding=0)
        if self._diagnosis_x:
            self._place_diagnoses()
        if self._hover_x is not None:
            self._update_readout()

    # --- hover ---------------------------------------------------------------------------------

    def _on_mouse_moved(self, pos) -> None:
        self._hover_x = None
        for plot in self._cursor:
            if plot.sceneBoundingRect().contains(pos):
                self._hover_x = plot.vb.mapSceneToView(pos).x()
        for line in self._cursor.values():
            line.setVisible(self._hover_x is not None)
            if self._hover_x is not None:
                line.setValue(self._hover_x)
        self._update_readout()

    def _update_readout(self) -> None:
        if self._hover_x is None:
            self.readout.setText(self._hint)
            return
        if self._batch_view and self._batches_per_epoch:
            parts = [self.tr("batch {n:,}").format(n=round(self._hover_x * self._batches_per_epoch))]
        else:
            parts = [self.tr("epoch {x:.2f}").format(x=self._hover_x)]
        for key, (label, fmt) in self._labels.items():
            point = self.series[key].nearest(self._hover_x)
            if point is not None and abs(point[0] - self._hover_x) <= 0.5:
                parts.append(f"{label} {fmt.format(point[1])}")
        self.readout.setText(" · ".join(parts))

    # --- texts ---------------------------------------------------------------------------------

    def _retranslate_axes(self) -> None:
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.setLabel("bottom", self.tr("batch") if self._batch_view else self.tr("epoch"))

    def retranslate(self) -> None:
        self.loss_plot.setLabel("left", self.tr("Loss"))
        self.accuracy_plot.setLabel("left", self.tr("Accuracy (%)"))
        self._retranslate_axes()
        self._labels = {
            "raw": (self.tr("batch loss"), "{:.4f}"),
            "smooth": (self.tr("smoothed"), "{:.4f}"),
            "train_loss": (self.tr("training loss"), "{:.4f}"),
            "val_loss": (self.tr("validation loss"), "{:.4f}"),
            "train_acc": (self.tr("training accuracy"), "{:.2f} %"),
            "val_acc": (self.tr("validation accuracy"), "{:.2f} %"),
            "test_acc": (self.tr("test accuracy"), "{:.2f} %"),
        }
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.legend.clear()
        for key, item in self.items.items():
            item.opts["name"] = self._labels[key][0]
            if key != "raw":
                (self.loss_plot if key in ("smooth", "train_loss", "val_loss")
                 else self.accuracy_plot).legend.addItem(item, self._labels[key][0])
        self._hint = self.tr("Hover over the curves to read their values.")
        self._retranslate_target()
        self.png_button.setText(self.tr("Export PNG…"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.png_button.setToolTip(self.tr("Save the curves as a picture"))
        self.csv_button.setToolTip(self.tr("Save every epoch's loss and accuracy as a table"))
        self._update_readout()

    def _retranslate_target(self) -> None:
        record = self._reached
        if record is None:
            return
        self.target_label.setText(self.tr("<b>{target:g} %</b> in <b>{s:.1f} s</b> (epoch {n})").format(
            target=100 * TARGET_ACCURACY, s=record.seconds or 0.0, n=record.epoch))
        self.target_label.setToolTip(self.tr(
            "Time to {target:g} % test accuracy: the seconds of training (forward, backward, update) "
            "until the first epoch whose test accuracy reached it, checked at each epoch's end; "
            "evaluation and pauses are not counted").format(target=100 * TARGET_ACCURACY))
