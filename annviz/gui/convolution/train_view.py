"""The Convolution page's "Train a CNN" tab: a small CNN trained in the background.

Settings (1 or 2 convolutions of 1–32 filters 5×5, each ReLU and max-pooled, then dense 10; the
epochs; how many training images), Start and Stop, the learning curve (each batch's loss and its
running mean) and, redrawn with every snapshot the worker sends (``train_worker``; at most 12 a
second), the first layer's kernels and every feature map for the pad's drawing. The network being
trained is announced with ``network_changed`` after each snapshot, so the other tabs show it too.
``shutdown`` stops the thread (the window calls it on close).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annviz.gui.common import zoom
from annviz.gui.common.colors import POSITIVE
from annviz.gui.common.plotting import cache_axes
from annviz.gui.convolution.kernel_history import KernelHistory
from annviz.gui.convolution.maps_view import Band, MapsView
from annviz.gui.convolution.train_worker import ConvTrainWorker, Progress
from annviz.gui.threads import WorkerThread, unfinished_threads
from annviz.nn import blas
from annviz.nn.convnet import ConvNet
from annviz.nn.featuremaps import feature_maps
from annviz.recipes import REFERENCE_CNN

MAX_FILTERS = 32
STOP_MS = 5000          # loading the data (~1 s, more on a busy machine) cannot be cut short
SMOOTH = 20             # batches in the running mean of the loss


@dataclass(frozen=True)
class RunResult:
    filters: tuple[int, ...]
    images: int
    epochs: int
    epochs_done: int
    test_accuracy: float | None
    running: bool
    finished: bool


class TrainView(QWidget):
    network_changed = Signal(object)      # the ConvNet being trained (the same object each time)
    run_ended = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layers = QSpinBox(minimum=1, maximum=2, value=2)
        self._blas = None                   # the BLAS limit of a run under way (see start)
        self._filters = [QSpinBox(minimum=1, maximum=MAX_FILTERS, value=v) for v in (8, 16)]
        self._epochs = QSpinBox(minimum=1, maximum=5, value=1)
        self._images = QSpinBox(minimum=1000, maximum=60000, value=60000, singleStep=5000)
        self._layers.valueChanged.connect(self._on_layers)
        for spin, name in ((self._layers, "layers"), (self._filters[0], "filters-1"), (self._filters[1], "filters-2"),
                           (self._epochs, "epochs"), (self._images, "images")):
            spin.setObjectName(f"convolution-train-{name}")
        self.start_button = QPushButton()
        self.stop_button = QPushButton(enabled=False)
        self.start_button.setObjectName("convolution-train-start")
        self.stop_button.setObjectName("convolution-train-stop")
        self.start_button.clicked.connect(lambda: self.start())
        self.stop_button.clicked.connect(self.stop)
        self.status = QLabel()
        self.status.setWordWrap(True)
        zoom.lines_high(self.status, 3)
        self._form = QFormLayout()
        self._labels = [QLabel() for _ in range(5)]
        for label, field in zip(self._labels, (self._layers, *self._filters, self._epochs, self._images)):
            self._form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.stop_button)
        controls = QVBoxLayout()
        controls.addLayout(self._form)
        controls.addLayout(buttons)
        controls.addWidget(self.status)
        self.curve = pg.PlotWidget(background="w", enableMenu=False)
        self.curve.setObjectName("convolution-curve")
        self.curve.showGrid(x=True, y=True, alpha=0.2)
        cache_axes(self.curve)
        self.curve.setMinimumHeight(110)
        self._raw = self.curve.plot(pen=zoom.pen((170, 170, 170), width=1))
        self._smooth = self.curve.plot(pen=zoom.pen(POSITIVE, width=2))
        self.maps_view = MapsView()
        self.maps_view.setObjectName("convolution-training-maps")
        # The curve under the settings, the maps beside them with the tab's whole height: above
        # the maps, the curve left them a strip too low for their squares to fill its width.
        controls.addWidget(self.curve, 1)
        left = QWidget()
        left.setLayout(controls)
        controls.setContentsMargins(0, 0, 0, 0)
        zoom.pixels(left, max_width=320)
        # the time machine: the first convolution's kernels at any recorded batch of the run
        self._history = KernelHistory()
        self.time_slider = QSlider(Qt.Orientation.Horizontal)
        self.time_slider.setObjectName("convolution-kernel-time")
        self.time_slider.setEnabled(False)
        self.time_slider.valueChanged.connect(lambda _v: self._show_maps())
        self._time_label = QLabel()
        time_row = QHBoxLayout()
        time_row.addWidget(self._time_label, 0)
        time_row.addWidget(self.time_slider, 1)
        right = QVBoxLayout()
        right.addWidget(self.maps_view, 1)
        right.addLayout(time_row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(left, 0)
        layout.addLayout(right, 1)
        self._thread = WorkerThread("convolution-training", parent=self)
        self._net: ConvNet | None = None
        self._image = np.zeros((28, 28), np.float32)
        self._losses: list[float] = []
        self._progress = Progress()
        self._accuracy: float | None = None
        self._updates = 0
        self._message = ""
        self._run = None                    # the config of the last run begun
        self._finished = False              # it trained every batch it was asked for
        self.retranslate()

    # --- public ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        for label, text in zip(self._labels, (self.tr("Convolutions"), self.tr("Filters in the first"),
                                              self.tr("Filters in the second"), self.tr("Epochs"),
                                              self.tr("Training images"))):
            label.setText(text)
        tips = (self.tr("How many convolutions, each 5×5 with ReLU and 2×2 max pooling, before the dense layer"),
                self.tr("Filters of the first convolution: each learns its own 5×5 kernel"),
                self.tr("Filters of the second convolution: each looks at all the first one's maps"),
                self.tr("Passes over the training images"),
                self.tr("How many of MNIST's 60,000 training images to learn from"))
        for field, tip in zip((self._layers, *self._filters, self._epochs, self._images), tips):
            field.setToolTip(tip)
        self.start_button.setToolTip(self.tr("Train a new network with these settings (Adam, η up to 0.006 in one cycle)"))
        self.stop_button.setToolTip(self.tr("Stop training; the network keeps what it has learnt"))
        self.time_slider.setToolTip(self.tr("The time machine: drag back to see the first convolution's kernels "
                                            "at an earlier batch of the run"))
        self.start_button.setText(self.tr("Start"))
        self.stop_button.setText(self.tr("Stop"))
        self.curve.setLabel("left", self.tr("loss"))
        self.curve.setLabel("bottom", self.tr("batch"))
        self._show_status()
        self._show_maps()

    def config(self):
        """The settings as a ``TrainConfig``: the reference net's, with these sizes."""
        conv = tuple(f.value() for f in self._filters[:self._layers.value()])
        return REFERENCE_CNN.replace(conv=conv, epochs=self._epochs.value(), n_train=self._images.value())

    def set_config(self, filters: tuple[int, ...], epochs: int = 1, images: int = 60000) -> None:
        self._layers.setValue(len(filters))
        for spin, n in zip(self._filters, filters):
            spin.setValue(n)
        self._epochs.setValue(epochs)
        self._images.setValue(images)

    def start(self, config=None) -> None:
        """Train a new network (``config`` or the settings') in the background."""
        if self._thread.is_running():
            return
        config = config or self.config()
        self._net = ConvNet(config.conv_layers(10))
        self._losses, self._progress, self._accuracy, self._updates = [], Progress(), None, 0
        self._history = KernelHistory()
        self._follow_history()
        self._run, self._finished = config, False
        self._message = self.tr("Loading the training images…")
        # One BLAS thread while it trains: two wait for each other whenever another thread (the
        # GUI's painting, another program) takes a core — 183 samples/s against 793 with one,
        # measured on the reference net on the busy 2-core machine (training/blas_threads.py).
        # Not when another helper thread runs: a training page's run keeps its own count.
        self._blas = None if unfinished_threads() else blas.limit(1)
        worker = ConvTrainWorker(config)
        worker.snapshot.connect(self._on_snapshot)
        worker.epoch_done.connect(self._on_epoch)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_finished)
        self._thread.ended.connect(self._on_ended)
        self._thread.start(worker)
        self._set_running(True)
        self._show_status()

    def stop(self) -> bool:
        """Stop the run (its network stays); True once the thread has ended."""
        return self._thread.stop(STOP_MS)

    def shutdown(self) -> bool:
        return self.stop()

    def is_training(self) -> bool:
        return self._thread.is_running()

    def updates(self) -> int:
        """Snapshots shown since the run began."""
        return self._updates

    def losses(self) -> list[float]:
        return list(self._losses)

    def network(self) -> ConvNet | None:
        return self._net

    def set_image(self, image: np.ndarray | None) -> None:
        self._image = np.zeros((28, 28), np.float32) if image is None else np.asarray(image, np.float32)
        self._show_maps()

    def run_result(self) -> RunResult | None:
        """The last run begun here (None before the first): its settings, whether it trained to
        its end, its epochs and its test accuracy (0–1) after the last epoch."""
        if self._run is None:
            return None
        return RunResult(tuple(self._run.conv), self._run.n_train or 60000, self._run.epochs,
                         self._progress.epoch, self._accuracy, self.is_training(),
                         self._finished and not self.is_training())

    def moments(self) -> int:
        """Moments of the run the time machine can show (the first layer's kernels)."""
        return len(self._history)

    def show_moment(self, i: int) -> None:
        """Show the kernels of moment ``i`` (0: the oldest recorded; ``moments() - 1``: now)."""
        self.time_slider.setValue(i)

    def shown_kernels(self) -> tuple[int | None, np.ndarray | None]:
        """(batch, kernels (f, k, k)) the kernels' row shows: a moment's, or the network's now (batch None)."""
        i = self._moment_shown()
        if i is None:
            return None, None if self._net is None else self._net.weights[0][:, 0].copy()
        return self._history.step(i), self._history.kernels(i)

    def history_bytes(self) -> int:
        return self._history.nbytes()

    def status_text(self) -> str:
        return self.status.text()

    # --- the worker's news -------------------------------------------------------------------

    def _on_snapshot(self, weights, biases, progress: Progress) -> None:
        worker = self._thread.worker
        if self._net is not None:
            self._net.set_parameters(weights, biases)
        self._losses += progress.losses
        for step, kernels in progress.kernels:
            self._history.add(step, kernels)
        self._follow_history()
        self._progress = progress
        self._updates += 1
        self._message = ""
        y = np.array(self._losses)
        self._raw.setData(np.arange(1, len(y) + 1), y)
        if len(y):
            n = max(1, min(SMOOTH, len(y) // 4))
            kernel = np.ones(n) / n
            smooth = np.convolve(y, kernel, mode="valid")
            self._smooth.setData(np.arange(len(y) - len(smooth) + 1, len(y) + 1), smooth)
        self._show_maps()
        self._show_status()
        if self._net is not None:
            self.network_changed.emit(self._net)
        if worker is not None:
            worker.snapshot_shown()

    def _on_epoch(self, epoch: int, accuracy: float) -> None:
        self._accuracy = None if math.isnan(accuracy) else accuracy
        self._show_status()

    def _on_finished(self, progress) -> None:
        self._finished = isinstance(progress, Progress) and not progress.stopped

    def _on_failed(self, message: str) -> None:
        self._message = self.tr("Training stopped: {m}").format(m=message)
        self._show_status()

    def _on_ended(self, _worker) -> None:
        self._thread.ended.disconnect(self._on_ended)
        self._release_blas()
        self._set_running(False)
        self._show_status()
        self.run_ended.emit()

    def _release_blas(self) -> None:
        """The BLAS limit back as it was before the run — unless another helper thread runs (a
        training page's run begun meanwhile: its bits depend on the count), which keeps it."""
        if self._blas is not None and not unfinished_threads():
            self._blas.restore_original_limits()
        self._blas = None

    # --- showing -----------------------------------------------------------------------------

    def _set_running(self, on: bool) -> None:
        self.start_button.setEnabled(not on)
        self.stop_button.setEnabled(on)
        for spin in (self._layers, *self._filters, self._epochs, self._images):
            spin.setEnabled(not on)
        if not on:
            self._on_layers(self._layers.value())

    def _on_layers(self, n: int) -> None:
        self._filters[1].setEnabled(n > 1 and not self._thread.is_running())

    def _show_status(self) -> None:
        p = self._progress
        lines = [self._message] if self._message else []
        if p.batches:
            lines.append(self.tr("Batch {b} of {n}").format(b=p.step, n=p.batches))
        if self._accuracy is not None:
            lines.append(self.tr("Test accuracy after epoch {e}: {a:.1%}").format(e=p.epoch, a=self._accuracy))
        if not lines:
            lines.append(self.tr("Press Start: the network learns from the MNIST training images."))
        self.status.setText("\n".join(lines))

    def _follow_history(self) -> None:
        """The slider over the moments recorded; at its end (now) it stays at the end."""
        n = len(self._history)
        at_end = self.time_slider.value() >= self.time_slider.maximum()
        with QSignalBlocker(self.time_slider):
            self.time_slider.setRange(0, max(n - 1, 0))
            if at_end:
                self.time_slider.setValue(max(n - 1, 0))
        self.time_slider.setEnabled(n > 1)
        self._show_time_label()

    def _moment_shown(self) -> int | None:
        """The moment the slider is at, None at its end (the live kernels) or with no history."""
        n = len(self._history)
        i = self.time_slider.value()
        return None if n == 0 or i >= n - 1 else i

    def _show_time_label(self) -> None:
        i = self._moment_shown()
        if i is None:
            self._time_label.setText(self.tr("Kernels now") if len(self._history) else "")
        else:
            self._time_label.setText(self.tr("Kernels at batch {b}").format(b=self._history.step(i)))

    def _show_maps(self) -> None:
        self._show_time_label()
        if self._net is None:
            self.maps_view.set_bands([])
            return
        maps = feature_maps(self._net, self._image)
        i = self._moment_shown()
        if i is None:
            kernels, title = self._net.weights[0][:, 0], self.tr("First convolution's kernels")
        else:
            kernels = self._history.kernels(i)
            title = self.tr("First convolution's kernels at batch {b} of {n} (the slider's right end: now)").format(
                b=self._history.step(i), n=self._history.step(len(self._history) - 1))
        bands = [Band(title, kernels, "kernel", 0, 0)]
        for m in maps[:-1]:
            title = (self.tr("Convolution {c}, after ReLU") if m.kind == "conv" else
                     self.tr("Convolution {c}, after pooling")).format(c=m.conv + 1)
            bands.append(Band(title, m.values, m.kind, m.conv, m.layer))
        self.maps_view.set_bands(bands)
