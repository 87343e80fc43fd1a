"""PlaygroundView: a small network learning to separate points on the plane, like TensorFlow
Playground, on the desktop.

Left: the settings (``PlaygroundControls``). Middle: Reset / Run / Step, the epoch, and the
network as neuron pictures with weighted edges (``NetworkDiagram``). Right: the output as a heat
map under the train (filled) and test (hollow) points, the losses, and the loss curves.

Training runs in a ``PlaygroundWorker`` on the view's ``threads.WorkerThread``: the thread starts
on the first Run or Step and runs until ``shutdown``; snapshots arrive as read-only copies,
at most ~30 a second, and each is acknowledged once shown. Any change of data, features or
architecture builds a fresh ``Playground`` here (milliseconds) and hands it to the worker.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from annviz.data.planar import FEATURE_LABELS, PlanarDataset
from annviz.gui.common import room, zoom
from annviz.gui.common.colors import ANSWER, sign_legend_html
from annviz.gui.common.plotting import cache_axes
from annviz.gui.lab.network_diagram import NetworkDiagram
from annviz.gui.lab.plane_plot import PlanePlot
from annviz.gui.lab.playground_controls import GIVEN_POINTS, PlaygroundControls
from annviz.gui.lab.playground_model import Playground, Snapshot
from annviz.gui.lab.playground_worker import PlaygroundWorker
from annviz.gui.threads import WorkerThread


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5 × 10ᵏ that is ≥ value."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


class PlaygroundView(QWidget):
    """The "small network on the plane" part of the lab."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.controls = PlaygroundControls()
        scroll = room.Scroll(self.controls, sideways=False)   # as wide as the controls' minimum
        self._scroll = scroll
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_controls)
        self.reset_button, self.play_button, self.step_button = QPushButton(), QPushButton(), QPushButton()
        self.play_button.setCheckable(True)
        for button, name in ((self.reset_button, "reset"), (self.play_button, "play"), (self.step_button, "step")):
            button.setObjectName(f"lab-playground-{name}")   # lessons name widgets by these
        self.epoch_label, self.status = QLabel(), QLabel()
        zoom.relative_font(self.epoch_label, 1.3)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #a33;")
        self.diagram = NetworkDiagram()
        self.diagram.setObjectName("lab-playground-diagram")
        self.plane = PlanePlot()
        self.plane.setObjectName("lab-playground-plane")
        zoom.pixels(self.plane, min_width=240, min_height=240)   # with the lesson drawer beside it (common.room)
        self.show_test = QCheckBox()
        self.show_test.setChecked(True)
        self.losses = QLabel()
        self.losses.setObjectName("lab-playground-losses")
        self.losses.setWordWrap(True)
        self.losses.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        # Fixed at the height its longest text needs here (numbers changing never re-layout the page)
        self._losses_fit = room.WholeText(self.losses, 2, fixed=True, texts=self._loss_texts)
        self.loss_plot = pg.PlotWidget(enableMenu=False)
        self.loss_plot.setObjectName("lab-playground-loss-plot")
        self.loss_plot.setBackground(None)
        self.loss_plot.setMenuEnabled(False)
        self.loss_plot.setMouseEnabled(x=False, y=False)
        self.loss_plot.hideButtons()
        zoom.pixels(self.loss_plot, min_height=110)
        self.loss_plot.showGrid(y=True, alpha=0.2)
        self._legend = self.loss_plot.addLegend(offset=(-4, 4), labelTextSize=zoom.text_size())
        self.loss_plot.disableAutoRange()
        cache_axes(self.loss_plot)
        self._loss_ranges = (0.0, 0.0)
        self._train_curve = self.loss_plot.plot(pen=zoom.pen((90, 90, 90), width=2))
        self._test_curve = self.loss_plot.plot(pen=zoom.pen(ANSWER, width=2))   # green, as the test curves

        bar = QHBoxLayout()
        for b in (self.reset_button, self.play_button, self.step_button):
            zoom.pixels(b, min_width=80)
            bar.addWidget(b)
        bar.addSpacing(16)
        bar.addWidget(self.epoch_label)
        bar.addStretch(1)
        middle = QVBoxLayout()
        middle.addLayout(bar)
        middle.addWidget(self.status)
        middle.addWidget(self.diagram, 1)
        right = QVBoxLayout()
        right.addWidget(self.plane, 3)
        self.legend = QLabel()                                   # the colour legend strip
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        right.addWidget(self.legend)
        right.addWidget(self.show_test)
        right.addWidget(self.losses)
        right.addWidget(self.loss_plot, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll)
        layout.addLayout(middle, 3)
        layout.addLayout(right, 2)

        # The numbers are written 4 times a second: faster is unreadable, and changing a label's
        # text makes Qt repaint the whole window, which would halve the frame rate.
        self._numbers_timer = QTimer(self)
        self._numbers_timer.setSingleShot(True)
        self._numbers_timer.setInterval(250)
        self._numbers_timer.timeout.connect(self._on_numbers_timer_timeout)
        self._thread = WorkerThread("playground", parent=self)
        self.playground: Playground | None = None
        self.last_snapshot: Snapshot | None = None
        self.updates_shown = 0
        self.controls.config_changed.connect(self._on_config_changed)
        self.controls.hyper_changed.connect(self._on_hyper_changed)
        self.reset_button.clicked.connect(self._on_config_changed)
        self.play_button.toggled.connect(self._on_play_toggled)
        self.step_button.clicked.connect(self._on_step_clicked)
        self.show_test.toggled.connect(self._show_points)
        self.retranslate()
        self._on_config_changed()

    # --- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        # Room for six digits in the language on screen, so that the numbers do not shift the bar.
        widest = self.tr("Epoch {epoch}").format(epoch="000,000")
        zoom.text_wide(self.epoch_label, widest, extra=4, fixed=True)
        self._losses_fit.refit()
        self.reset_button.setText(self.tr("⟲ Reset"))
        self.step_button.setText(self.tr("Step ▸|"))
        self.show_test.setText(self.tr("Show the test points (hollow)"))
        self.reset_button.setToolTip(self.tr("New random weights, epoch 0"))
        self.play_button.setToolTip(self.tr("Train, epoch after epoch (again: pause)"))
        self.step_button.setToolTip(self.tr("Train one epoch and stop"))
        self.show_test.setToolTip(self.tr("Draw the test points too; they are never trained on"))
        self.legend.setText(sign_legend_html(self.tr("blue: class 0, negative weight"),
                                             self.tr("orange: class 1, positive weight")) + "<br>" + self.tr(
            "shading: the network's output (its probability of class 1)"))
        self._show_test_parts()
        self.loss_plot.setLabel("bottom", self.tr("epoch"))
        self.loss_plot.setLabel("left", self.tr("loss"))
        self._on_play_toggled(self.play_button.isChecked(), command=False)
        if self.last_snapshot is not None:
            self._show_numbers(self.last_snapshot)
        self.rezoom()

    def rezoom(self) -> None:
        """The settings column as wide as its controls, in the language and at the zoom now (their
        fonts settle in the event loop, hence the wait)."""
        self._fit_timer.start()

    def _fit_controls(self) -> None:
        self._scroll.updateGeometry()

    def concepts_html(self) -> str:
        return self.tr(
            "<p><b>Hidden layers</b> combine the lines of their neurons into curved boundaries: XOR, "
            "a circle, two spirals. Each neuron's small picture shows its <b>activation</b> over the "
            "plane; edges show the <b>weights</b> (orange +, blue −).</p>"
            "<p><b>Features</b> are the inputs: x₁ and x₂, or values made from them such as x₁² — a "
            "good feature can replace a layer.</p>"
            "<p><b>Training</b> lowers the <b>loss</b> (cross-entropy) by gradient descent, one "
            "mini-<b>batch</b> of points at a time, with steps of size η (the <b>learning rate</b>); "
            "<b>L2</b> regularisation λ pulls the weights toward 0. The hollow <b>test</b> points are "
            "never trained on: a test loss that rises while the train loss falls is "
            "<b>overfitting</b>.</p>")

    # --- the worker thread -------------------------------------------------------------------

    def _ensure_thread(self) -> PlaygroundWorker:
        """Start the training thread the first time it is needed."""
        if self._worker is None:
            worker = PlaygroundWorker(self.playground, self.controls.hyper(),
                                      self.controls.epochs_per_update())
            worker.snapshot_ready.connect(self._on_snapshot_ready)
            worker.failed.connect(self._on_worker_failed)
            self._thread.start(worker)
        return self._worker

    @property
    def _worker(self) -> PlaygroundWorker | None:
        return self._thread.worker

    def shutdown(self) -> bool:
        """Stop the training thread and wait for it (at most about two seconds); False if it
        did not stop in time (logged, and reported in the status line)."""
        stopped = self._thread.stop()
        self.play_button.setChecked(False)
        return stopped

    def is_training_thread_running(self) -> bool:
        return self._thread.is_running()

    # --- commands ----------------------------------------------------------------------------

    def load_preset(self, dataset: str, hidden: tuple[int, ...], play: bool = False) -> None:
        """Set up a dataset and hidden layers (e.g. XOR with one hidden layer) and maybe play."""
        self.controls.set_config(dataset, hidden)
        self.play_button.setChecked(play)

    def load_points(self, points: PlanarDataset, hidden: tuple[int, ...], learning_rate: float,
                    play: bool = False) -> None:
        """Learn these very points (the perceptron's) with these hidden layers, and maybe play."""
        self.controls.set_points(points)
        self.controls.set_config(GIVEN_POINTS, hidden, learning_rate=learning_rate)
        self.play_button.setChecked(play)

    def _on_config_changed(self, *_args) -> None:
        """A fresh playground from the current settings, shown at once and paused."""
        self.play_button.setChecked(False)
        config = self.controls.config()
        self.playground = Playground(config, self.controls.hyper())
        self.diagram.show_structure([FEATURE_LABELS[f] for f in config.features],
                                    self.playground.feature_images(), config.activation)
        self.plane.set_domain(self.playground.domain)
        self._show_test_parts()
        self._show_points()
        self.status.clear()
        self._show_snapshot(self.playground.snapshot())
        if self._worker is not None:
            self._worker.load(self.playground)

    def _on_hyper_changed(self) -> None:
        if self._worker is not None:
            self._worker.set_hyper(self.controls.hyper(), self.controls.epochs_per_update())
        elif self.playground is not None:
            self.playground.set_hyper(self.controls.hyper())

    def _on_play_toggled(self, playing: bool, command: bool = True) -> None:
        self.play_button.setText(self.tr("❚❚ Pause") if playing else self.tr("▶ Run"))
        self.step_button.setEnabled(not playing)
        if not command:
            return
        if playing:
            self.status.clear()
            self._ensure_thread().control.resume()
        elif self._worker is not None:
            self._worker.control.pause()

    def _on_step_clicked(self) -> None:
        self.status.clear()
        self._ensure_thread().control.step()

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        self.play_button.setChecked(False)
        self.status.setText(self.tr("Training stopped: {message}. Lower the learning rate and press "
                                    "Reset.").format(message=message))

    # --- showing -----------------------------------------------------------------------------

    @Slot(object)
    def _on_snapshot_ready(self, snapshot: Snapshot) -> None:
        if self.playground is not None and snapshot.generation == self.playground.generation:
            self._show_snapshot(snapshot)
            self.updates_shown += 1
        if self._worker is not None:
            self._worker.snapshot_shown()

    def _show_test_parts(self) -> None:
        """The test points' checkbox and the test loss in the legend, only when there are test
        points (the perceptron's points are all for training)."""
        has_test = self.playground is not None and len(self.playground.test) > 0
        self.show_test.setVisible(has_test)
        self._legend.clear()
        self._legend.addItem(self._train_curve, self.tr("train loss"))
        if has_test:
            self._legend.addItem(self._test_curve, self.tr("test loss"))

    def legend_names(self) -> list[str]:
        """The names in the loss plot's legend, as shown."""
        return [label.text for _, label in self._legend.items]

    def _show_snapshot(self, snapshot: Snapshot) -> None:
        self.last_snapshot = snapshot
        # The epoch with its curve, at once (the losses' numbers follow at their slower pace)
        self.epoch_label.setText(self.tr("Epoch {epoch}").format(epoch=f"{snapshot.epoch:,}"))
        self.plane.show_heatmap(snapshot.output)
        self.diagram.show_snapshot(snapshot)
        self._train_curve.setData(snapshot.loss_epochs, snapshot.train_losses)
        if len(self.playground.test) > 0:
            self._test_curve.setData(snapshot.loss_epochs, snapshot.test_losses)
        else:
            self._test_curve.setData([], [])
        self._fit_loss_ranges(snapshot)
        if not self._numbers_timer.isActive():
            self._numbers_timer.start()

    def _fit_loss_ranges(self, s: Snapshot) -> None:
        """Grow the loss plot's ranges in steps, so its axes are redrawn now and then, not always."""
        x_max = nice_ceiling(max(s.epoch, 10))
        finite = np.concatenate([s.train_losses, s.test_losses])
        finite = finite[np.isfinite(finite)]
        y_max = nice_ceiling(float(finite.max()) if finite.size else 1.0)
        if (x_max, y_max) != self._loss_ranges:
            self._loss_ranges = (x_max, y_max)
            self.loss_plot.setXRange(0, x_max, padding=0.02)
            self.loss_plot.setYRange(0, y_max, padding=0.02)

    def _on_numbers_timer_timeout(self) -> None:
        if self.last_snapshot is not None:
            self._show_numbers(self.last_snapshot)

    def _loss_texts(self, train: float = 0.704, test: float = 0.696, accuracy: float = 100.0) -> list[str]:
        """The two ways the losses are written (every point trained on; a test share held out)."""
        return [self.tr("Loss {train:.3f} · accuracy {accuracy:.1f} % (every point is "
                        "used for training)").format(train=train, accuracy=accuracy),
                self.tr("Train loss {train:.3f} · test loss {test:.3f} · test accuracy "
                        "{accuracy:.1f} %").format(train=train, test=test, accuracy=accuracy)]

    def _show_numbers(self, s: Snapshot) -> None:
        self.epoch_label.setText(self.tr("Epoch {epoch}").format(epoch=f"{s.epoch:,}"))
        if len(self.playground.test) == 0:
            self.losses.setText(self._loss_texts(s.train_loss, accuracy=100 * s.train_accuracy)[0])
            return
        self.losses.setText(self._loss_texts(s.train_loss, s.test_loss, 100 * s.test_accuracy)[1])

    def _show_points(self, *_args) -> None:
        train, test = self.playground.points
        if self.show_test.isChecked():
            self.plane.show_points(train.x, train.y, test.x, test.y)
        else:
            self.plane.show_points(train.x, train.y)
