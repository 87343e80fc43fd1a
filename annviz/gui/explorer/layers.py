"""The deeper layers' weight matrices as heatmaps, and every layer's biases as bars.

Row i of the matrix W⁽ˡ⁾ holds neuron i's incoming weights; each matrix has its own symmetric
scale (zero is the neutral colour). The plots are created when the architecture changes and
updated in place when the weights change. Clicking a matrix row or a bias selects that neuron.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annviz.gui.common.colors import NEGATIVE, POSITIVE, symmetric_level, weight_colormap
from annviz.gui.i18n import is_language_change
from annviz.gui.state import AppState
from annviz.gui.explorer.names import layer_name, layer_superscript, number


def _quiet(plot: pg.PlotItem) -> pg.PlotItem:
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    return plot


class LayerMatrices(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self._view = pg.GraphicsLayoutWidget()
        self._view.setBackground(None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self._matrices: dict[int, tuple[pg.PlotItem, pg.ImageItem]] = {}   # by weight layer ≥ 1
        self._biases: list[tuple[pg.PlotItem, pg.BarGraphItem]] = []       # by weight layer
        self._signs = (pg.mkBrush(NEGATIVE), pg.mkBrush(POSITIVE))
        self._lut = weight_colormap().getLookupTable(nPts=256)
        self._view.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self._view.scene().sigMouseMoved.connect(self._on_mouse_moved)
        state.model_changed.connect(self._on_model_changed)
        state.weights_changed.connect(self._on_weights_changed)
        self._on_model_changed()

    def retranslate(self) -> None:
        net = self._state.network
        if net is None:
            return
        n = len(net.sizes)
        for l, (plot, _) in self._matrices.items():
            plot.setTitle(self.tr("weights W{l}: {src} → {dst} ({rows}×{cols})").format(
                l=layer_superscript(l + 1), src=layer_name(l, n), dst=layer_name(l + 1, n),
                rows=net.sizes[l + 1], cols=net.sizes[l]))
            plot.setLabel("left", self.tr("neuron"))
            plot.setLabel("bottom", self.tr("input from neuron"))
        for l, (plot, _) in enumerate(self._biases):
            plot.setTitle(self.tr("biases b{l}: {layer}").format(l=layer_superscript(l + 1),
                                                                        layer=layer_name(l + 1, n)))

    def changeEvent(self, event) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def _on_model_changed(self) -> None:
        self._view.clear()
        self._matrices, self._biases = {}, []
        net = self._state.network
        if net is None:
            return
        for l in range(net.n_layers):
            if l >= 1:
                plot = _quiet(self._view.addPlot(row=l, col=0))
                plot.invertY(True)
                image = pg.ImageItem(np.zeros(net.weights[l].shape, np.float32), axisOrder="row-major")
                image.setLookupTable(self._lut)
                plot.addItem(image)
                self._matrices[l] = (plot, image)
            bias_plot = _quiet(self._view.addPlot(row=l, col=1))
            bars = pg.BarGraphItem(x=np.arange(net.sizes[l + 1]), height=np.zeros(net.sizes[l + 1]),
                                   width=0.8, pen=None)
            bias_plot.addItem(bars)
            bias_plot.setMaximumWidth(260 if l >= 1 else 10_000)
            self._biases.append((bias_plot, bars))
        self.retranslate()
        self._on_weights_changed()

    def _on_weights_changed(self) -> None:
        net = self._state.network
        if net is None:
            return
        for l, (plot, image) in self._matrices.items():
            m = symmetric_level(net.weights[l])
            image.setImage(net.weights[l], levels=(-m, m))
        for b, (plot, bars) in zip(net.biases, self._biases):
            bars.setOpts(height=b, brushes=[self._signs[int(v >= 0)] for v in b])
            m = symmetric_level(b)
            plot.setYRange(-m, m, padding=0.05)

    def neuron_at(self, scene_pos) -> tuple[int, int, int | None] | None:
        """(layer of ``sizes``, neuron, input neuron or None) under a scene position, if any."""
        net = self._state.network
        for l, (plot, image) in self._matrices.items():
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                p = plot.vb.mapSceneToView(scene_pos)
                row, col = int(np.floor(p.y())), int(np.floor(p.x()))
                if 0 <= row < net.sizes[l + 1] and 0 <= col < net.sizes[l]:
                    return l + 1, row, col
        for l, (plot, _) in enumerate(self._biases):
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                i = int(np.rint(plot.vb.mapSceneToView(scene_pos).x()))
                if 0 <= i < net.sizes[l + 1]:
                    return l + 1, i, None
        return None

    def _on_mouse_clicked(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.neuron_at(event.scenePos())
            if hit is not None:
                self._state.select_neuron(hit[0], hit[1])

    def _on_mouse_moved(self, scene_pos) -> None:
        hit = self.neuron_at(scene_pos)
        net = self._state.network
        if hit is None:
            self._view.setToolTip("")
        elif hit[2] is None:
            b = float(net.biases[hit[0] - 1][hit[1]])
            self._view.setToolTip(self.tr("neuron {i}: bias b = {b}").format(i=hit[1], b=number(b, 3)))
        else:
            layer, i, j = hit
            w = float(net.weights[layer - 1][i, j])
            self._view.setToolTip(self.tr("weight from neuron {j} to neuron {i}: {w}").format(
                i=i, j=j, w=number(w, 3)))
