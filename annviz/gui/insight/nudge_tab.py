"""Numeric slope beside backprop: nudge one weight by ±h and compare with the backprop gradient.

    slope ≈ (L(w + h) − L(w − h)) / 2h

Works on a float64 copy of the network (float32 rounding would swamp tiny differences). Choose the
weight by clicking the gradient picture or with the spin boxes; the h slider runs on a log scale,
and the plot shows the relative error for every h: too large and the curve's bend spoils the
estimate, too small and rounding does.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annviz.gui.common import room, zoom
from annviz.gui.common.colors import NEGATIVE, POSITIVE, sign_legend_html
from annviz.gui.common.names import neuron_name
from annviz.gui.insight.notation import sup
from annviz.gui.insight.plots import ImagePanel
from annviz.nn.attribution import example_gradients
from annviz.nn.gradcheck import Nudge, nudge, numeric_slope, relative_error
from annviz.nn.losses import get_loss
from annviz.nn.network import Network

SWEEP = 10.0 ** np.arange(-14, 0.01, 0.5)   # the h values of the error plot
H_STEPS = 4                                 # slider steps per factor of 10


class NudgeTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.network: Network | None = None   # the float64 copy
        self.result: Nudge | None = None
        self._case = None                      # (x (1, n_in) float64, y (1,), loss)
        self._grad_w: list[np.ndarray] = []
        self._wanted: tuple[int, int, int] | None = None   # a weight chosen before the network came
        self._class_names: list[str] = []

        self.layer = QComboBox()
        self.neuron = QSpinBox()
        self.source = QSpinBox()
        self.steepest = QPushButton()
        self.layer.currentIndexChanged.connect(self._on_weight_edited)
        self.neuron.valueChanged.connect(self._on_weight_edited)
        self.source.valueChanged.connect(self._on_weight_edited)
        self.steepest.clicked.connect(self._on_steepest_clicked)
        self.h_slider = QSlider(Qt.Orientation.Horizontal)
        self.h_slider.setRange(-14 * H_STEPS, 0)
        self.h_slider.setValue(-5 * H_STEPS)
        self.h_slider.valueChanged.connect(self._on_h_changed)
        self.h_label = QLabel()
        self.picture = ImagePanel(size=280)
        self.picture.pixel_clicked.connect(self._on_pixel_clicked)
        self.numbers = QLabel()
        self.numbers.setTextFormat(Qt.TextFormat.RichText)
        zoom.relative_font(self.numbers, 1.35)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.errors = pg.PlotWidget(enableMenu=False)
        self.errors.setBackground(None)
        self.errors.setLogMode(x=True, y=True)
        self.errors.setMenuEnabled(False)
        self.errors.setMouseEnabled(x=False, y=False)
        self.errors.hideButtons()
        self.errors.showGrid(x=True, y=True, alpha=0.25)
        self.errors.getAxis("left").enableAutoSIPrefix(False)
        self._curve = self.errors.plot(pen=zoom.pen(NEGATIVE, width=2), symbol="o", symbolSize=zoom.px(5),
                                       symbolBrush=NEGATIVE)
        self._marker = pg.ScatterPlotItem(size=zoom.px(13), brush=pg.mkBrush(POSITIVE), pen=zoom.pen("w"))
        self.errors.addItem(self._marker)

        for widget, name in ((self.numbers, "numbers"), (self.h_slider, "h"), (self.errors, "errors"),
                             (self.steepest, "steepest")):
            widget.setObjectName(f"insight-nudge-{name}")   # lessons name widgets by these
        self.captions = [QLabel() for _ in range(4)]
        chooser = QHBoxLayout()
        for caption, w in zip(self.captions, (self.layer, self.neuron, self.source)):
            chooser.addWidget(caption)
            chooser.addWidget(w)
        chooser.addWidget(self.steepest)
        chooser.addStretch(1)
        h_row = QHBoxLayout()
        h_row.addWidget(self.captions[3])
        h_row.addWidget(self.h_slider, 1)
        h_row.addWidget(self.h_label)
        right = QVBoxLayout()
        right.addWidget(self.numbers)
        right.addWidget(self.hint)
        right.addWidget(self.errors, 1)
        grid = QGridLayout()
        grid.addWidget(self.picture, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addLayout(h_row)
        layout.addLayout(grid, 1)
        self.legend = QLabel()                                  # the colour legend strip
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.retranslate()

    # --- public ------------------------------------------------------------------------------

    def show_case(self, network: Network | None, x: np.ndarray | None, label: int, loss_name: str,
                  class_names=()) -> None:
        """Use a float64 copy of ``network`` and the example (x, label); keep the chosen weight.
        ``class_names`` name the output neurons, as everywhere on screen."""
        self._class_names = list(class_names)
        if network is None or x is None:
            self.network, self._case = None, None
            self._refresh()
            return
        first_time = self.network is None or self.network.sizes != network.sizes
        self.network = network.copy(np.float64)
        loss = get_loss(loss_name)
        self._case = (np.asarray(x, dtype=np.float64)[None, :], np.array([int(label)]), loss)
        self._grad_w = example_gradients(self.network, x, label, loss)[1].grad_w
        self._fill_layers()
        if self._wanted is not None and self._has_weight(*self._wanted):
            self._set_weight(*self._wanted)
        elif first_time:
            self._choose_steepest(self.network.n_layers - 1)
        self._wanted = None
        self._refresh()

    def choose_weight(self, layer: int, i: int, j: int) -> None:
        """Nudge W[layer][i, j] (layer counts weight layers from 0); until the tab has a network
        with that weight, the choice waits for ``show_case``."""
        if not self._has_weight(layer, i, j):
            self._wanted = (layer, i, j)
            return
        self._set_weight(layer, i, j)
        self._refresh()

    def _has_weight(self, layer: int, i: int, j: int) -> bool:
        net = self.network
        return (net is not None and 0 <= layer < net.n_layers and 0 <= i < net.weights[layer].shape[0]
                and 0 <= j < net.weights[layer].shape[1])

    def _set_weight(self, layer: int, i: int, j: int) -> None:
        for w in (self.layer, self.neuron, self.source):
            w.blockSignals(True)
        self.layer.setCurrentIndex(layer)
        self._set_ranges()
        self.neuron.setValue(i + 1)
        self.source.setValue(j + 1)
        for w in (self.layer, self.neuron, self.source):
            w.blockSignals(False)

    @property
    def weight(self) -> tuple[int, int, int]:
        """(weight layer, i, j), counted from 0 as the arrays are."""
        return self.layer.currentIndex(), self.neuron.value() - 1, self.source.value() - 1

    @property
    def h(self) -> float:
        return 10.0 ** (self.h_slider.value() / H_STEPS)

    def set_h(self, h: float) -> None:
        """Nudge by the h of the slider nearest to ``h`` (10⁻¹⁴ … 1, four steps per factor of 10)."""
        self.h_slider.setValue(round(H_STEPS * np.log10(max(h, 1e-300))))

    # --- handlers ----------------------------------------------------------------------------

    def _on_weight_edited(self, _value: int) -> None:
        self._set_ranges()
        self._refresh()

    def _on_steepest_clicked(self) -> None:
        self._choose_steepest(self.layer.currentIndex())
        self._refresh()

    def _on_h_changed(self, _value: int) -> None:
        self._refresh()

    def _on_pixel_clicked(self, row: int, col: int) -> None:
        layer, i, _ = self.weight
        if self._first_layer_picture(layer):
            self.choose_weight(layer, i, row * 28 + col)
        else:
            self.choose_weight(layer, row, col)

    # --- helpers -----------------------------------------------------------------------------

    def _first_layer_picture(self, layer: int) -> bool:
        return layer == 0 and self.network is not None and self.network.sizes[0] == 784

    def _fill_layers(self) -> None:
        if self.layer.count() != self.network.n_layers:
            self.layer.blockSignals(True)
            self.layer.clear()
            self.layer.addItems([f"W{sup(l + 1)}" for l in range(self.network.n_layers)])
            self.layer.blockSignals(False)
        self._set_ranges()

    def _set_ranges(self) -> None:
        if self.network is None:
            return
        n_out, n_in = self.network.weights[max(self.layer.currentIndex(), 0)].shape
        self.neuron.setRange(1, n_out)        # on screen from 1, as W[i, j] is written
        self.source.setRange(1, n_in)

    def _choose_steepest(self, layer: int) -> None:
        i, j = np.unravel_index(np.argmax(np.abs(self._grad_w[layer])), self._grad_w[layer].shape)
        self._set_weight(layer, int(i), int(j))

    def _refresh(self) -> None:
        if self.network is None or self._case is None or self.layer.currentIndex() < 0:
            self.result = None
            self.numbers.setText(self.tr("No input yet: draw in the explorer or pick a test image."))
            return
        layer, i, j = self.weight
        x, y, loss = self._case
        self.result = nudge(self.network, x, y, loss, "weight", layer, (i, j), self.h)
        self._show_picture(layer, i, j)
        self._show_numbers(layer, i, j)
        errors = [relative_error(numeric_slope(self.network, x, y, loss, "weight", layer, (i, j), h)[2],
                                 self.result.backprop) for h in SWEEP]
        self._curve.setData(SWEEP, np.maximum(errors, 1e-17))
        self._marker.setData([np.log10(self.h)], [np.log10(max(self.result.relative_error, 1e-17))])

    def _show_picture(self, layer: int, i: int, j: int) -> None:
        grad = self._grad_w[layer]
        if self._first_layer_picture(layer):
            self.picture.show_signed(grad[i].reshape(28, 28))
            self.picture.mark(*divmod(j, 28))
            name = neuron_name(1, i, len(self.network.sizes), self._class_names)
            self.picture.set_title(self.tr("∂L/∂W{s} of {neuron}: click a pixel").format(s=sup(1), neuron=name))
        else:
            self.picture.show_signed(grad)
            self.picture.mark(i, j)
            self.picture.set_title(self.tr("∂L/∂W{s}: click a weight").format(s=sup(layer + 1)))

    def _show_numbers(self, layer: int, i: int, j: int) -> None:
        r, w = self.result, float(self.network.weights[layer][i, j])
        rows = [
            (self.tr("weight w = W{s}[{i}, {j}]").format(s=sup(layer + 1), i=i + 1, j=j + 1), f"{w:.12g}"),
            ("L(w + h)", f"{r.loss_plus:.15f}"),
            ("L(w − h)", f"{r.loss_minus:.15f}"),
            (self.tr("numeric slope (L(w+h) − L(w−h)) / 2h"), f"{r.numeric:.12e}"),
            (self.tr("backpropagation ∂L/∂w"), f"{r.backprop:.12e}"),
            (self.tr("relative error"), f"{r.relative_error:.2e}"),
        ]
        cells = "".join(f"<tr><td>{name}</td><td style='padding-left:16px; font-family:monospace'>"
                        f"{value}</td></tr>" for name, value in rows)
        self.numbers.setText(f"<table>{cells}</table>")
        self.numbers.setMinimumWidth(room.text_width(self.numbers))   # a table does not wrap: never cut
        if r.backprop == 0 and r.numeric == 0:
            self.hint.setText(self.tr("This weight does not change the loss for this input (its input "
                                      "is 0): both slopes are 0. Pick another weight or a pixel with ink."))
        else:
            digits = max(0, int(-np.log10(max(r.relative_error, 1e-17))))
            agree = (self.tr("They agree to about 1 digit.") if digits == 1 else
                     self.tr("They agree to about {digits} digits.").format(digits=digits))
            self.hint.setText(agree + " " + self.tr("Move h: too large and the curve bends within ±h, "
                                                    "too small and rounding errors win."))
        self.h_label.setText(f"h = {self.h:.1e}")

    # --- texts -------------------------------------------------------------------------------

    def concepts_html(self) -> str:
        """Help → Concepts on this screen, for this tab."""
        return self.tr(
            "<p><b>Numerical differentiation</b>: nudge one weight by h and see how the loss changes, "
            "(L(w + h) − L(w − h)) / 2h — the slope of the loss along that weight.</p>"
            "<p><b>Backpropagation</b> gets the same slope exactly, for every weight at once, in one "
            "backward pass: this is why networks can learn. Too large an h and the curve's bend "
            "spoils the numeric slope; too small and rounding errors grow.</p>")

    def rezoom(self) -> None:
        """The table in the new font: never narrower than itself (it does not wrap)."""
        self.numbers.setMinimumWidth(room.text_width(self.numbers))

    def retranslate(self) -> None:
        self.legend.setText(sign_legend_html(self.tr("blue: negative gradient"),
                                             self.tr("orange: positive gradient"), self.tr("0")))
        for caption, text in zip(self.captions, (self.tr("weight layer"), self.tr("neuron i"),
                                                 self.tr("input j"), self.tr("nudge h (log scale)"))):
            caption.setText(text)
        self.steepest.setText(self.tr("Steepest weight"))
        self.layer.setToolTip(self.tr("Which weight matrix W⁽ˡ⁾ the nudged weight w = W[i, j] is in"))
        self.neuron.setToolTip(self.tr("i: the neuron the weight leads to (its row of W, from 1)"))
        self.source.setToolTip(self.tr("j: the input the weight comes from (its column of W, from 1)"))
        self.steepest.setToolTip(self.tr("Choose the weight whose change moves the loss most: the largest |∂L/∂w|"))
        self.h_slider.setToolTip(self.tr("The nudge h of the numeric slope (L(w + h) − L(w − h)) / 2h"))
        self.errors.setLabel("bottom", self.tr("h"))
        self.errors.setLabel("left", self.tr("relative error"))
        self._refresh()
