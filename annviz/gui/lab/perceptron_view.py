"""PerceptronView: one neuron learning to separate points on the plane with a straight line.

The points are AND, OR, XOR, two blobs, or the user's own (left click: class 1, right click:
class 0). The neuron learns by the perceptron rule (unit step) or by gradient descent (sigmoid),
one example at a time — Step — a whole epoch, or running; the line w₁x₁ + w₂x₂ + b = 0 moves
with every update, over a shading of what the neuron outputs. Run goes on for ``MAX_EPOCHS``
epochs or until there are no errors. When a run ends with errors, the view says why: if the
points cannot be separated by any line (an exact check, ``linearly_separable``) it says so and
offers a hidden layer in the playground, with the same points; otherwise the line simply has not
got there yet (gradient descent can be slow), and it says that instead.

The learning itself is ``annviz.nn.perceptron``; this view only drives and shows it (it runs in
the GUI thread on a timer: one update costs microseconds).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annviz.data.planar import GATE_DOMAIN, PlanarDataset, grid, logic_gate, two_blobs
from annviz.gui.common.colors import sign_legend_html
from annviz.gui.lab.plane_plot import PlanePlot
from annviz.gui.lab.widgets import ValueSlider, format_number
from annviz.nn.perceptron import LearningRun, Perceptron, linearly_separable

DATASETS = ("and", "or", "xor", "blobs", "custom")
RULES = ("perceptron", "sigmoid")
#: Run stops after this many epochs if the errors never reach zero; a learner who has seen this
#: many epochs gets the verdict on the points.
MAX_EPOCHS = 30
TICK_MS = 60
RESOLUTION = 160


class PerceptronView(QWidget):
    """The "perceptron that learns" part of the lab."""

    #: The learner asks for a hidden layer, for these points (a ``PlanarDataset``).
    hidden_layer_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plane = PlanePlot(clickable=True, point_size=18, heat_opacity=0.3)
        self.plane.set_domain(GATE_DOMAIN)
        self.plane.setMinimumSize(420, 420)
        self._grid = grid(GATE_DOMAIN, RESOLUTION)
        self.dataset = QComboBox()
        for key in DATASETS:
            self.dataset.addItem("", key)
        self.rule = QComboBox()
        for key in RULES:
            self.rule.addItem("", key)
        self.learning_rate = ValueSlider(0.01, 1.0, 0.01, 0.1)
        self.step_button, self.epoch_button = QPushButton(), QPushButton()
        self.run_button = QPushButton()
        self.run_button.setCheckable(True)
        self.reset_button, self.clear_button = QPushButton(), QPushButton()
        self.readout = QLabel()
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.hidden_button = QPushButton()
        self.hidden_button.setStyleSheet("font-weight: bold; padding: 6px;")
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        for widget, name in ((self.plane, "plane"), (self.dataset, "points"), (self.rule, "rule"),
                             (self.learning_rate, "rate"), (self.step_button, "step"),
                             (self.epoch_button, "epoch"), (self.run_button, "run"),
                             (self.reset_button, "reset"), (self.clear_button, "clear"),
                             (self.readout, "readout"), (self.hidden_button, "hidden")):
            widget.setObjectName(f"lab-perceptron-{name}")   # lessons name widgets by these

        self.setup_box, self.learn_box, self.xor_box = QGroupBox(), QGroupBox(), QGroupBox()
        self.xor_box.setObjectName("lab-perceptron-message")
        form = QFormLayout(self.setup_box)
        self._dataset_label, self._rule_label, self._lr_label = QLabel(), QLabel(), QLabel()
        form.addRow(self._dataset_label, self.dataset)
        form.addRow(self._rule_label, self.rule)
        form.addRow(self._lr_label, self.learning_rate)
        self._click_hint = QLabel()
        self._click_hint.setWordWrap(True)
        form.addRow(self._click_hint)
        learn = QVBoxLayout(self.learn_box)
        buttons = QHBoxLayout()
        for b in (self.step_button, self.epoch_button, self.run_button):
            buttons.addWidget(b)
        learn.addLayout(buttons)
        more = QHBoxLayout()
        more.addWidget(self.reset_button)
        more.addWidget(self.clear_button)
        learn.addLayout(more)
        learn.addWidget(self.readout)
        xor = QVBoxLayout(self.xor_box)
        xor.addWidget(self.message)
        xor.addWidget(self.hidden_button)

        side = QVBoxLayout()
        side.addWidget(self.setup_box)
        side.addWidget(self.learn_box)
        side.addWidget(self.xor_box)
        side.addStretch(1)
        self.legend = QLabel()                                   # the colour legend strip
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        plane_column = QVBoxLayout()
        plane_column.addWidget(self.plane, 1)
        plane_column.addWidget(self.legend)
        layout = QHBoxLayout(self)
        layout.addLayout(plane_column, 3)
        layout.addLayout(side, 2)

        self.dataset.currentIndexChanged.connect(self._on_dataset_changed)
        self.rule.currentIndexChanged.connect(self._on_reset_clicked)
        self.learning_rate.value_changed.connect(self._on_learning_rate_changed)
        self.step_button.clicked.connect(self._on_step_clicked)
        self.epoch_button.clicked.connect(self._on_epoch_clicked)
        self.run_button.toggled.connect(self._on_run_toggled)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.hidden_button.clicked.connect(self._on_hidden_clicked)
        self.plane.point_clicked.connect(self._on_point_clicked)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._last: int | None = None          # index of the example learned from last
        self.retranslate()
        self.set_dataset("and")

    # --- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        names = {"and": self.tr("AND"), "or": self.tr("OR"), "xor": self.tr("XOR"),
                 "blobs": self.tr("two blobs"), "custom": self.tr("my points")}
        for i, key in enumerate(DATASETS):
            self.dataset.setItemText(i, names[key])
        self.rule.setItemText(0, self.tr("perceptron rule (unit step)"))
        self.rule.setItemText(1, self.tr("gradient descent (sigmoid)"))
        self.setup_box.setTitle(self.tr("Points and neuron"))
        self.learn_box.setTitle(self.tr("Learning: w ← w + η (y − ŷ) x,  b ← b + η (y − ŷ)"))
        self.xor_box.setTitle(self.tr("When one line is not enough"))
        self._dataset_label.setText(self.tr("Points:"))
        self._rule_label.setText(self.tr("Learning rule:"))
        self._lr_label.setText(self.tr("Learning rate η:"))
        self._click_hint.setText(self.tr("Click on the plane to add points: left button = class 1 "
                                         "(orange), right button = class 0 (blue)."))
        self.step_button.setText(self.tr("Step (one example)"))
        self.epoch_button.setText(self.tr("One epoch"))
        self.reset_button.setText(self.tr("New random weights"))
        self.clear_button.setText(self.tr("Clear points"))
        self.hidden_button.setText(self.tr("Add a hidden layer →"))
        self.dataset.setToolTip(self.tr("The points to separate: AND, OR, XOR, two blobs, or your own clicks"))
        self.rule.setToolTip(self.tr("Perceptron rule with the unit step, or gradient descent with the sigmoid "
                                     "σ(z) = 1/(1 + e⁻ᶻ)"))
        self.learning_rate.setToolTip(self.tr("Learning rate η: the size of each update w ← w + η (y − ŷ) x"))
        self.step_button.setToolTip(self.tr("Learn from the next example: one update of w and b"))
        self.epoch_button.setToolTip(self.tr("Learn from every point once (one epoch)"))
        self.run_button.setToolTip(self.tr("Keep learning, epoch after epoch, until no point is wrong or {n} epochs "
                                           "have passed").format(n=MAX_EPOCHS))
        self.reset_button.setToolTip(self.tr("Start again from small random weights"))
        self.clear_button.setToolTip(self.tr("Remove every point, to click your own"))
        self.hidden_button.setToolTip(self.tr("Learn these same points in part ③, a network with a hidden layer of 4 neurons"))
        self.legend.setText(sign_legend_html(self.tr("blue: class 0"), self.tr("orange: class 1")) + "&nbsp;&nbsp;&nbsp;"
                            + self.tr("shading: what the neuron outputs there"))
        self._on_run_toggled(self.run_button.isChecked())
        if hasattr(self, "run"):
            self._refresh()


    def concepts_html(self) -> str:
        return self.tr(
            "<p><b>Perceptron</b>: one neuron with the unit step draws one straight line "
            "w₁x₁ + w₂x₂ + b = 0 and answers class 1 on one side of it.</p>"
            "<p><b>Learning</b>, one example at a time: w ← w + η (y − ŷ) x and b ← b + η (y − ŷ), "
            "where y is the right class and ŷ the neuron's answer — nothing moves when it is right. "
            "η is the <b>learning rate</b>; an <b>epoch</b> is one pass over all the points. With the "
            "sigmoid the same rule is gradient descent on the loss.</p>"
            "<p>AND and OR can be separated by a line, and the perceptron finds one. XOR cannot: no "
            "weights make one neuron compute it. A <b>hidden layer</b> can (the next part).</p>")

    # --- data and neuron ---------------------------------------------------------------------

    def set_dataset(self, key: str) -> None:
        """Load one of ``DATASETS``' points and start a fresh neuron."""
        self.dataset.setCurrentIndex(DATASETS.index(key))
        self._on_dataset_changed(DATASETS.index(key))

    def set_points(self, points: PlanarDataset, key: str = "custom", rule: str | None = None,
                   learning_rate: float | None = None) -> None:
        """Learn these points (``key`` names them in the chooser), with a fresh neuron; optionally
        with another rule and learning rate (e.g. from a setup file)."""
        self.data = PlanarDataset(np.asarray(points.x, np.float32).reshape(-1, 2),
                                  np.asarray(points.y, np.int64), GATE_DOMAIN)
        for combo, value in ((self.dataset, key if key in DATASETS else "custom"), (self.rule, rule)):
            if value is not None:
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(value))
                combo.blockSignals(False)
        if learning_rate is not None:
            self.learning_rate.set_value(learning_rate)
        self._on_reset_clicked()

    def _on_dataset_changed(self, index: int) -> None:
        key = DATASETS[index]
        if key in ("and", "or", "xor"):
            self.data = logic_gate(key)
        elif key == "blobs":
            self.data = two_blobs(40, seed=0)
        elif not hasattr(self, "data"):
            self.data = PlanarDataset(np.zeros((0, 2), np.float32), np.zeros(0, np.int64), GATE_DOMAIN)
        self._on_reset_clicked()

    def _on_point_clicked(self, x1: float, x2: float, label: int) -> None:
        self.data = PlanarDataset(np.vstack([self.data.x, [[x1, x2]]]).astype(np.float32),
                                  np.append(self.data.y, label), GATE_DOMAIN)
        self.dataset.blockSignals(True)
        self.dataset.setCurrentIndex(DATASETS.index("custom"))
        self.dataset.blockSignals(False)
        self._restart_run()

    def _on_clear_clicked(self) -> None:
        self.data = PlanarDataset(np.zeros((0, 2), np.float32), np.zeros(0, np.int64), GATE_DOMAIN)
        self.dataset.blockSignals(True)
        self.dataset.setCurrentIndex(DATASETS.index("custom"))
        self.dataset.blockSignals(False)
        self._on_reset_clicked()

    def _on_reset_clicked(self, *_args) -> None:
        """A new neuron with small random weights (a new seed each time)."""
        self._seed = getattr(self, "_seed", -1) + 1
        self.perceptron = Perceptron(2, self.rule.currentData(), self.learning_rate.value(), seed=self._seed)
        self._restart_run()

    def _restart_run(self) -> None:
        """Keep the neuron, start counting epochs again on the current points."""
        self.run_button.setChecked(False)
        self.run = LearningRun(self.perceptron, self.data.x, self.data.y, seed=self._seed)
        self._separable = linearly_separable(self.data.x, self.data.y)
        self.plane.show_points(self.data.x, self.data.y)                 # only new points redraw them
        self._run_until = MAX_EPOCHS
        self._last = None
        self._refresh()

    def _on_learning_rate_changed(self, value: float) -> None:
        self.perceptron.learning_rate = value

    # --- learning ----------------------------------------------------------------------------

    def _has_points(self) -> bool:
        return len(self.data) > 0

    def _learn_one(self) -> None:
        """Learn from the next example, remembering which it was and what the neuron said."""
        self._last = self.run.next_index
        self._said = float(self.perceptron.output(self.data.x[self._last]))
        self.run.step()

    def _on_step_clicked(self) -> None:
        if self._has_points():
            self._learn_one()
            self._refresh()

    def _on_epoch_clicked(self) -> None:
        if self._has_points():
            self.run.epoch()
            self._last = None
            self._refresh()

    def _on_run_toggled(self, running: bool) -> None:
        self.run_button.setText(self.tr("Pause") if running else self.tr("Run"))
        if running and self._has_points():
            if self.run.epochs_done >= self._run_until:        # a run that ended: run as long again
                self._run_until = self.run.epochs_done + MAX_EPOCHS
            self._timer.start()
        else:
            self._timer.stop()
            if running:
                self.run_button.setChecked(False)

    def _on_timer_timeout(self) -> None:
        epochs = self.run.epochs_done
        for _ in range(max(1, len(self.data) // 10)):
            self._learn_one()
        ended_epoch = self.run.epochs_done > epochs
        if ended_epoch and (self.run.errors() == 0 or self.run.epochs_done >= self._run_until):
            self.run_button.setChecked(False)
        self._refresh()

    # --- showing -----------------------------------------------------------------------------

    def _refresh(self) -> None:
        p, data = self.perceptron, self.data
        self.plane.show_line(p.w, p.b)
        self.plane.show_heatmap(p.output(self._grid).reshape(RESOLUTION, RESOLUTION))
        self.plane.show_highlight(None if self._last is None else data.x[self._last])
        errors = self.run.errors() if self._has_points() else 0
        fmt = format_number
        lines = [
            f"w = ({fmt(p.w[0])}, {fmt(p.w[1])})&nbsp;&nbsp; b = {fmt(p.b)}",
            self.tr("errors: <b>{errors}</b> of {n} points&nbsp;&nbsp; epochs: {epochs}").format(
                errors=errors, n=len(data), epochs=self.run.epochs_done),
        ]
        if self._last is not None:
            i = self._last
            lines.append(self.tr("last example: x = ({x1}, {x2}), class y = {y}; the neuron said "
                                 "ŷ = {y_hat}, so y − ŷ = {error}").format(
                x1=fmt(data.x[i, 0]), x2=fmt(data.x[i, 1]), y=int(data.y[i]),
                y_hat=fmt(self._said), error=fmt(data.y[i] - self._said)))
        self.readout.setText("<br>".join(lines))
        self._update_message(errors)

    def _update_message(self, errors: int) -> None:
        running = self.run_button.isChecked()
        ended = self.run.epochs_done >= self._run_until and errors > 0 and not running
        verdict = ended and not self._separable
        wrong = (self.tr("1 point is still on the wrong side") if errors == 1 else
                 self.tr("{n} points are still on the wrong side").format(n=errors))
        if verdict:
            text = self.tr("After {epochs} epochs {wrong}, and no straight line separates these points, "
                           "whatever the weights. One neuron draws one line; a hidden layer lets a "
                           "network combine several.").format(epochs=self.run.epochs_done, wrong=wrong)
        elif ended:
            text = self.tr("Not separated yet: after {epochs} epochs {wrong}, but a straight line that "
                           "separates these points exists. Give it more epochs (Run again) or a "
                           "larger η.").format(epochs=self.run.epochs_done, wrong=wrong)
        elif running and errors > 0:
            text = self.tr("Running: {wrong}. Each wrongly placed point moves the line a little.").format(
                wrong=(self.tr("1 point is still on the wrong side") if errors == 1 else
                       self.tr("{n} points are still on the wrong side").format(n=errors)))
        elif self.dataset.currentData() == "xor" and errors > 0:
            text = self.tr("XOR: class 1 when exactly one input is 1. Can one straight line put the "
                           "two orange points on one side and the two blue ones on the other? "
                           "Press Run and watch.")
        elif errors == 0 and self._has_points() and self.run.epochs_done > 0:
            text = self.tr("No errors: the line separates the two classes.")
        else:
            text = self.tr("The neuron says class 1 where w₁x₁ + w₂x₂ + b ≥ 0: on one side of the line.")
        self.message.setText(text)
        self.hidden_button.setVisible(verdict)

    def verdict_shown(self) -> bool:
        """Whether the view is telling the learner that no straight line separates the points."""
        return self.hidden_button.isVisibleTo(self)

    def _on_hidden_clicked(self) -> None:
        self.hidden_layer_requested.emit(self.data)

    def stop(self) -> None:
        """Stop running (the page calls this when it is hidden or closed)."""
        self.run_button.setChecked(False)
