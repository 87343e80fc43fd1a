""""What the network sees": the 28×28 input after ``canvas_to_mnist``, drawn as big pixels.

Hovering a pixel shows its brightness, the number that input neuron holds.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from annviz.gui.common import room, zoom
from annviz.gui.common.colors import activation_colormap
from annviz.gui.common.names import number
from annviz.gui.state import AppState


class SeenView(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self._title = QLabel()
        self._title.setWordWrap(True)                     # a narrow panel: two lines, not cut
        self._title_fit = room.WholeText(self._title)
        self._view = pg.GraphicsLayoutWidget()
        self._view.setBackground(None)
        zoom.pixels(self._view, min_width=56, min_height=56)
        self._box = self._view.addViewBox(lockAspect=True, invertY=True, enableMouse=False,
                                          enableMenu=False)
        self._image = pg.ImageItem(np.zeros((28, 28), np.float32), levels=(0.0, 1.0), axisOrder="row-major")
        self._image.setLookupTable(activation_colormap().getLookupTable(nPts=256))
        self._box.addItem(self._image)
        self._box.setRange(xRange=(0, 28), yRange=(0, 28), padding=0.02)
        self._view.scene().sigMouseMoved.connect(self._on_mouse_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self._view, 1)
        state.input_changed.connect(self._on_input_changed)
        self._on_input_changed()
        self.retranslate()

    def image(self) -> np.ndarray:
        """What is on screen: (28, 28) float32 in [0, 1] (zeros when nothing is drawn)."""
        return self._image.image

    def retranslate(self) -> None:
        self._title.setText(self.tr("What the network sees (28×28)"))
        self._title_fit.refit()


    def _on_input_changed(self) -> None:
        image = self._state.input_image
        self._image.setImage(np.zeros((28, 28), np.float32) if image is None else image,
                             levels=(0.0, 1.0))

    def _on_mouse_moved(self, scene_pos) -> None:
        p = self._box.mapSceneToView(scene_pos)
        row, col = int(np.floor(p.y())), int(np.floor(p.x()))
        if 0 <= row < 28 and 0 <= col < 28:
            value = float(self._image.image[row, col])
            self._view.setToolTip(self.tr("pixel (row {row}, column {col}): {value}").format(
                row=row + 1, col=col + 1, value=number(value)))
        else:
            self._view.setToolTip("")
