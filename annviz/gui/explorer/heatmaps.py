"""The first hidden layer's weights: one 28×28 tile per neuron, what each one "looks for".

All tiles sit in one mosaic image with one shared symmetric colour scale (zero is the neutral
colour of the diverging map; the rarest 0.2 % largest weights saturate it) and a colour bar.
The mosaic is one ``ImageItem`` created once per architecture; new weights (e.g. from training, ~30×/s) are scattered into it with one
precomputed fancy index and shown with ``setImage``. Clicking a tile selects that neuron.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QVBoxLayout, QWidget

from annviz.gui.common import room, zoom
from annviz.gui.common.colors import sign_legend_html, weight_colormap
from annviz.gui.common.names import neuron_name, number
from annviz.gui.common.plotting import keep_axis_titles_whole
from annviz.gui.common.weight_tiles import GAP, TILE, robust_level
from annviz.gui.state import AppState


class WeightGrid(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self._caption = QLabel()
        self._caption.setWordWrap(True)
        self._caption_fit = room.WholeText(self._caption)   # its lines in its least height
        self._view = pg.GraphicsLayoutWidget()
        self._view.setBackground(None)
        self._view.ci.setContentsMargins(0, 0, 0, 0)       # the pictures, not a frame of space, in a short panel
        # The wheel zooms and a drag pans (mnist-best's 512 tiles are small at 1280×800).
        self._box = self._view.addViewBox(lockAspect=True, invertY=True, enableMouse=True, enableMenu=False)
        self._image = pg.ImageItem(np.zeros((TILE, TILE), np.float32), axisOrder="row-major")
        self._box.addItem(self._image)
        self._bar = pg.ColorBarItem(values=(-1, 1), colorMap=weight_colormap(), interactive=False,
                                    width=14)
        self._bar.setImageItem(self._image)
        self._bar.getAxis("right").enableAutoSIPrefix(False)   # 0.5, not "500 (×0.001)"
        # as wide as its numbers and "weight w" ask (pyqtgraph fixes it at 45 px: at 150 % the
        # title was written over the numbers)
        self._bar.getAxis("right").setWidth(None)
        self._view.addItem(self._bar)
        self._fit_bar = keep_axis_titles_whole(self._view, self._bar)    # "weight w" whole beside it
        self._ring = QGraphicsRectItem()
        self._ring.setPen(zoom.pen((255, 190, 0), width=3))
        self._ring.setZValue(5)
        self._ring.hide()
        self._box.addItem(self._ring)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._caption)
        layout.addWidget(self._view, 1)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        # never cut by a short panel, and no higher than its text: the weight pictures get the rest
        self._legend_fit = room.WholeText(self.legend, fixed=True)
        layout.addWidget(self.legend)
        self._n, self._columns = 0, 1
        self._view.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self._view.scene().sigMouseMoved.connect(self._on_mouse_moved)
        state.model_changed.connect(self._on_model_changed)
        state.weights_changed.connect(self._on_weights_changed)
        state.neuron_selected.connect(self._on_neuron_selected)
        self._on_model_changed()
        self.retranslate()

    def retranslate(self) -> None:
        self._bar.getAxis("right").setLabel(self.tr("weight w"))
        self._fit_bar()
        net = self._state.network
        if net is not None and len(net.sizes) == 2:      # no hidden layer: the output neurons' weights
            # (what the colours mean is the legend's, under the pictures: the caption says it no more)
            self._caption.setText(self.tr("What each output neuron looks for: its 784 weights as a picture"))
        else:
            self._caption.setText(self.tr("What each first-hidden-layer neuron looks for: "
                                          "its 784 weights as a picture"))
        self.legend.setText(sign_legend_html(self.tr("blue: negative weight"), self.tr("orange: positive weight"),
                                             self.tr("0")) + "<br>" + self.tr(
            "Scroll to zoom, drag to move; click a tile to see it large in the neuron inspector."))
        self._legend_fit.refit()
        self._caption_fit.refit()

    def rezoom(self) -> None:
        self._fit_bar()

    def mosaic(self) -> np.ndarray:
        """The image on screen: tiles of weights, NaN in the gaps."""
        return self._mosaic

    def _on_model_changed(self) -> None:
        net = self._state.network
        self._n = 0 if net is None or net.sizes[0] != TILE * TILE else net.sizes[1]
        n = max(self._n, 1)
        self._columns = math.ceil(math.sqrt(n))
        rows = math.ceil(n / self._columns)
        step = TILE + GAP
        self._mosaic = np.full((rows * step - GAP, self._columns * step - GAP), np.nan, np.float32)
        tile_row, tile_col = np.divmod(np.arange(self._n), self._columns)      # (n,)
        r, c = np.divmod(np.arange(TILE * TILE), TILE)                          # (784,)
        self._where = ((tile_row[:, None] * step + r) * self._mosaic.shape[1]   # (n, 784)
                       + tile_col[:, None] * step + c).ravel()
        self._box.setRange(xRange=(0, self._mosaic.shape[1]), yRange=(0, self._mosaic.shape[0]),
                           padding=0.01)
        self._on_weights_changed()
        self._on_neuron_selected(*(self._state.selected or (-1, -1)))

    def _on_weights_changed(self) -> None:
        if self._n == 0:
            self._image.setImage(self._mosaic, levels=(-1, 1))
            return
        w = self._state.network.weights[0]                                      # (n, 784)
        self._mosaic.flat[self._where] = w.ravel()
        m = robust_level(w)
        self._image.setImage(self._mosaic, levels=(-m, m))
        self._bar.setLevels((-m, m))

    def _on_neuron_selected(self, layer: int, index: int) -> None:
        if layer != 1 or not 0 <= index < self._n:
            self._ring.hide()
            return
        row, col = divmod(index, self._columns)
        step = TILE + GAP
        self._ring.setRect(QRectF(col * step - 0.5, row * step - 0.5, TILE + 1, TILE + 1))
        self._ring.show()

    def tile_at(self, x: float, y: float) -> int | None:
        """The neuron whose tile covers view coordinates (x, y), if any."""
        step = TILE + GAP
        col, row = int(np.floor(x / step)), int(np.floor(y / step))
        if x < 0 or y < 0 or x - col * step >= TILE or y - row * step >= TILE or col >= self._columns:
            return None
        index = row * self._columns + col
        return index if index < self._n else None

    def tile_center(self, index: int):
        """Scene coordinates of a tile's centre (for tests)."""
        row, col = divmod(index, self._columns)
        step = TILE + GAP
        return self._box.mapViewToScene(pg.Point(col * step + TILE / 2, row * step + TILE / 2))

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        p = self._box.mapSceneToView(event.scenePos())
        index = self.tile_at(p.x(), p.y())
        if index is not None:
            self._state.select_neuron(1, index)

    def _on_mouse_moved(self, scene_pos) -> None:
        p = self._box.mapSceneToView(scene_pos)
        index = self.tile_at(p.x(), p.y())
        if index is None:
            self._view.setToolTip("")
            return
        self._view.setToolTip(self.tile_tooltip(index))

    def tile_tooltip(self, index: int) -> str:
        """What the tile of neuron ``index`` (from 0) says under the mouse."""
        net = self._state.network
        b = float(net.biases[0][index])
        name = neuron_name(1, index, len(net.sizes), self._state.class_names)
        return self.tr("{neuron}, bias {b}; click to inspect").format(neuron=name, b=number(b))

    def marked_tile(self) -> int | None:
        """The neuron whose tile the selection ring outlines, or None if no ring is shown."""
        if not self._ring.isVisible():
            return None
        centre = self._ring.rect().center()
        return self.tile_at(centre.x(), centre.y())
