"""The matrix form of a layer for the current input, and the softmax steps of the output layer.

a⁽ˡ⁾ = f(W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾), cell by cell (``MatrixFormView``); for a softmax output layer a table
follows the three steps z − max z, exp, ÷ sum with the real numbers (``softmax_steps``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annviz.gui.common import room, zoom
from annviz.gui.common.colors import sign_legend_html
from annviz.gui.common.names import activation_symbol
from annviz.gui.insight.matrix_view import LayerNumbers, MatrixFormView
from annviz.gui.insight.notation import sup
from annviz.nn.attribution import softmax_steps
from annviz.nn.network import Forward, Network


class MatrixTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._case: tuple[Network, Forward] | None = None
        self._class_names: list[str] = []
        self.layer_caption = QLabel()
        self.layer = QComboBox()
        self.layer.currentIndexChanged.connect(self._on_layer_chosen)
        self.only_nonzero = QCheckBox()
        self.only_nonzero.setChecked(True)
        self.only_nonzero.toggled.connect(self._on_layer_chosen)
        self.formula = QLabel()
        zoom.relative_font(self.formula, 1.55)
        self.formula.setWordWrap(True)                 # a narrow page: the formula on two lines
        self._formula_fit = room.WholeText(self.formula)
        self.view = MatrixFormView()
        self.status = QLabel()
        zoom.relative_font(self.status, 1.35, monospace=True)
        self.view.explained.connect(self.status.setText)
        self.softmax_title = QLabel()
        self.softmax = QTableWidget(5, 0)
        zoom.pixels(self.softmax, max_height=190)

        top = QHBoxLayout()
        for w in (self.layer_caption, self.layer, self.only_nonzero):
            top.addWidget(w)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.formula)
        layout.addWidget(self.view, 1)
        self.legend = QLabel()                                  # the weights' colours
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        layout.addWidget(self.status)
        layout.addWidget(self.softmax_title)
        layout.addWidget(self.softmax)
        self.retranslate()

    def show_forward(self, network: Network | None, fwd: Forward | None,
                     class_names: list[str] | None = None) -> None:
        """The network and its forward pass for the current input (batch of one), or nothing.

        ``class_names`` head the softmax table's columns (class k's name over column k); without
        them the columns are numbered from 0, as the classes are named."""
        self._case = None if network is None or fwd is None else (network, fwd)
        self._class_names = list(class_names or [])
        if self._case and self.layer.count() != network.n_layers:
            self.layer.blockSignals(True)
            self.layer.clear()
            self.layer.addItems([f"a{sup(l + 1)} = f(W{sup(l + 1)} a{sup(l)} + b{sup(l + 1)})"
                                 for l in range(network.n_layers)])
            self.layer.blockSignals(False)
        self._redraw()

    def _on_layer_chosen(self, *_args) -> None:
        self._redraw()

    def _redraw(self) -> None:
        if self._case is None:
            self.formula.setText(self.tr("No input yet: draw in the explorer or pick a test image."))
            self._formula_fit.refit()
            self.softmax.setVisible(False)
            self.softmax_title.setVisible(False)
            return
        network, fwd = self._case
        l = max(self.layer.currentIndex(), 0)
        a_prev = fwd.activations[l][0]
        columns = np.arange(len(a_prev))
        if self.only_nonzero.isChecked():
            columns = np.flatnonzero(a_prev)
        numbers = LayerNumbers(a_prev, network.weights[l], network.biases[l], fwd.zs[l][0],
                               fwd.activations[l + 1][0], columns)
        p, s = sup(l), sup(l + 1)
        self.view.show_layer(numbers, (f"a{p}", f"W{s} a{p}", f"+ b{s}", f"= z{s}", f"a{s} = f(z{s})"))
        self.formula.setText(self.tr(
            "a{s} = {f}(W{s} a{p} + b{s}): W{s} is {rows} × {cols}; {shown} of its columns are shown. "
            "Hover a cell to see where it came from.").format(
            s=s, p=p, f=activation_symbol(network.activation_names[l]), rows=network.sizes[l + 1], cols=network.sizes[l],
            shown=len(columns)))
        self._formula_fit.refit()
        is_softmax = l == network.n_layers - 1 and network.activation_names[l] == "softmax"
        self.softmax.setVisible(is_softmax)
        self.softmax_title.setVisible(is_softmax)
        if is_softmax:
            self._show_softmax(fwd.zs[l][0])

    def _show_softmax(self, z: np.ndarray) -> None:
        steps = softmax_steps(z)
        rows = [("z", steps.z), ("z − max z", steps.shifted), ("exp(z − max z)", steps.exps),
                (self.tr("÷ sum ({total:.4f})").format(total=steps.total), steps.probabilities)]
        self.softmax.setColumnCount(len(z))
        self.softmax.setRowCount(len(rows))
        names = self._class_names if len(self._class_names) == len(z) else [str(k) for k in range(len(z))]
        self.softmax.setHorizontalHeaderLabels(names)
        self.softmax.setVerticalHeaderLabels([name for name, _ in rows])
        for r, (_, values) in enumerate(rows):
            for k, v in enumerate(values):
                self.softmax.setItem(r, k, QTableWidgetItem(f"{v:.4f}"))
        self.softmax.resizeColumnsToContents()

    def concepts_html(self) -> str:
        """Help → Concepts on this screen, for this tab."""
        return self.tr(
            "<p><b>Matrix form</b>: a whole layer computes a<sup>(l)</sup> = σ(W<sup>(l)</sup> "
            "a<sup>(l−1)</sup> + b<sup>(l)</sup>) at once: row i of W holds the weights of neuron i, "
            "so row i times the previous layer's activations, plus b<sub>i</sub>, is that neuron's "
            "weighted input z<sub>i</sub>. On screen, rows and columns count from 1, as neurons do.</p>")

    def retranslate(self) -> None:
        self.legend.setText(sign_legend_html(self.tr("blue: negative weight"), self.tr("orange: positive weight"),
                                             self.tr("0")) + "&nbsp;&nbsp;&nbsp;" + self.tr(
            "grey cells: activations, black 0 … white 1"))
        self.layer_caption.setText(self.tr("layer"))
        self.only_nonzero.setText(self.tr("hide inputs that are 0"))
        self.layer.setToolTip(self.tr("The layer to write out: a⁽ˡ⁾ = f(W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾)"))
        self.only_nonzero.setToolTip(self.tr("Leave out the columns of W whose input is 0: they add nothing to z"))
        self.softmax_title.setText(self.tr("Softmax, step by step: subtract the largest z (nothing "
                                           "changes, nothing overflows), take exp, divide by the sum."))
        self._redraw()
