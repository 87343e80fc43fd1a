"""PlanePlot: points of two classes on the plane, over a heat map of what a model says.

Shared by the perceptron and the playground. Items are created once and updated with
``show_points``, ``show_heatmap``, ``show_line`` and ``show_highlight``. With ``clickable``,
a left click emits ``point_clicked(x₁, x₂, 1)`` and a right click ``point_clicked(x₁, x₂, 0)``.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal

from annviz.gui.common import zoom
from annviz.gui.common.colors import weight_colormap
from annviz.gui.common.plotting import cache_axes
from annviz.gui.lab.widgets import CLASS_COLORS


class PlanePlot(pg.PlotWidget):
    """A square view of the plane with train points (filled) and test points (hollow)."""

    point_clicked = Signal(float, float, int)

    def __init__(self, parent=None, clickable: bool = False, point_size: float = 10,
                 heat_opacity: float = 0.55):
        super().__init__(parent, enableMenu=False)
        self.setBackground("w")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setAspectLocked(True)
        self.showGrid(x=True, y=True, alpha=0.15)
        self.setLabel("bottom", "x₁")
        self.setLabel("left", "x₂")
        self._heatmap = pg.ImageItem(axisOrder="row-major")
        # Paler colours, mixed with the white background in the table: drawing an opaque image
        # is several times faster than drawing a translucent one, and this one changes 30×/s.
        lut = weight_colormap().getLookupTable(0.0, 1.0, 256, alpha=False).astype(np.float32)
        self._heatmap.setLookupTable((heat_opacity * lut + (1 - heat_opacity) * 255).astype(np.uint8))
        self._heatmap.setZValue(-10)
        self.addItem(self._heatmap)
        self._line = pg.InfiniteLine(pen=zoom.pen((30, 30, 30), width=2.5))
        self._line.hide()
        self.addItem(self._line)
        size = point_size * zoom.factor()
        self._train = pg.ScatterPlotItem(size=size, pen=zoom.pen((255, 255, 255), width=1.2))
        self._test = pg.ScatterPlotItem(size=size - 1, brush=pg.mkBrush(255, 255, 255, 220))
        self._highlight = pg.ScatterPlotItem(size=2.2 * size, brush=None, pen=zoom.pen((0, 0, 0), width=2.5))
        for item in (self._train, self._test, self._highlight):
            self.addItem(item)
        self._domain = (0.0, 1.0)
        self.set_domain((0.0, 1.0))
        cache_axes(self)
        if clickable:
            self.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def set_domain(self, domain: tuple[float, float]) -> None:
        """Show the square domain × domain."""
        self._domain = domain
        lo, hi = domain
        self.setRange(xRange=domain, yRange=domain, padding=0.02)
        self._heatmap.setRect(QRectF(lo, lo, hi - lo, hi - lo))

    def show_points(self, x: np.ndarray, y: np.ndarray,
                    test_x: np.ndarray | None = None, test_y: np.ndarray | None = None) -> None:
        """Train points ``x`` (n, 2) with classes ``y`` filled; test points hollow."""
        self._train.setData(pos=np.asarray(x, dtype=float).reshape(-1, 2),
                            brush=[pg.mkBrush(CLASS_COLORS[int(c)]) for c in y])
        if test_x is None or len(test_x) == 0:
            self._test.setData([], [])
        else:
            self._test.setData(pos=np.asarray(test_x, dtype=float).reshape(-1, 2),
                               pen=[zoom.pen(CLASS_COLORS[int(c)], width=2.2) for c in test_y])

    def show_heatmap(self, values: np.ndarray | None) -> None:
        """P(class 1) over the domain, (res, res) in [0, 1] with row 0 at the bottom; None hides."""
        if values is None:
            self._heatmap.hide()
            return
        self._heatmap.setImage(np.asarray(values, dtype=np.float32), levels=(0.0, 1.0), autoLevels=False)
        lo, hi = self._domain
        self._heatmap.setRect(QRectF(lo, lo, hi - lo, hi - lo))
        self._heatmap.show()

    def show_line(self, w: np.ndarray | None, b: float = 0.0) -> None:
        """The decision line w₁x₁ + w₂x₂ + b = 0; hidden when w is None or zero."""
        if w is None or math.hypot(w[0], w[1]) < 1e-12:
            self._line.hide()
            return
        norm2 = float(w[0] ** 2 + w[1] ** 2)
        foot = (-b * w[0] / norm2, -b * w[1] / norm2)           # the point of the line nearest 0
        self._line.setPos(foot)
        self._line.setAngle(math.degrees(math.atan2(w[0], -w[1])))  # along (−w₂, w₁), ⟂ w
        self._line.show()

    def show_highlight(self, point: np.ndarray | None) -> None:
        """Ring one point (the example being learned from), or none."""
        self._highlight.setData(pos=[] if point is None else [tuple(point)])

    def _on_scene_clicked(self, event) -> None:
        button = event.button()
        if button not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            return
        pos = self.getPlotItem().vb.mapSceneToView(event.scenePos())
        lo, hi = self._domain
        if lo <= pos.x() <= hi and lo <= pos.y() <= hi:
            self.point_clicked.emit(pos.x(), pos.y(), 1 if button == Qt.MouseButton.LeftButton else 0)
            event.accept()
