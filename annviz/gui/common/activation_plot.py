"""ActivationPlot: an activation function a = f(z), its slope f'(z) faint, and the current point.

Used by the neuron inspector and the neuron lab. Items are created once; ``show_function``
changes the curve, ``show_point`` moves the marker. With the unit step, the threshold θ is drawn
as a dashed vertical line.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem

from annviz.nn.activations import Activation, Step, get_activation

from annviz.gui.common.colors import NEGATIVE, POSITIVE
from annviz.gui.common.plotting import cache_axes


class _Dot(QGraphicsEllipseItem):
    """A dot of fixed pixel size at a data point. (A one-point ScatterPlotItem costs ~3 ms a
    paint; this costs next to nothing, and the marker moves with every pad event.)"""

    def __init__(self, diameter: float, color):
        r = diameter / 2
        super().__init__(-r, -r, diameter, diameter)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setBrush(pg.mkBrush(color))
        self.setPen(pg.mkPen("w", width=1.5))
        self.setZValue(10)


class ActivationPlot(pg.PlotWidget):
    """A small plot of f(z) over a z range that follows the current point."""

    def __init__(self, parent=None, z_range: float = 6.0):
        super().__init__(parent)
        self._half_width = z_range
        self._activation: Activation = get_activation("sigmoid")
        self._point = (0.0, float(self._activation.f(np.array(0.0))))
        self._drawn_half: float | None = None
        self.setBackground(None)
        self.showGrid(x=True, y=True, alpha=0.25)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setLabel("bottom", "z")
        self.setLabel("left", "a")
        cache_axes(self)
        self._slope = self.plot(pen=pg.mkPen((150, 150, 150, 140), width=1.5, style=Qt.PenStyle.DashLine))
        self._curve = self.plot(pen=pg.mkPen(NEGATIVE, width=2.5))
        self._threshold = pg.InfiniteLine(angle=90, pen=pg.mkPen((120, 120, 120), style=Qt.PenStyle.DotLine))
        self.addItem(self._threshold)
        # The marker and its guides move with every input: they must not re-range the view.
        self._marker = _Dot(11, POSITIVE)
        self.addItem(self._marker, ignoreBounds=True)
        self._guides = pg.PlotDataItem(pen=pg.mkPen(POSITIVE, width=1, style=Qt.PenStyle.DotLine))
        self.addItem(self._guides, ignoreBounds=True)
        self.enableAutoRange(False)
        self._redraw()

    def set_labels(self, z_label: str, a_label: str) -> None:
        """Axis titles (translated by the caller)."""
        self.setLabel("bottom", z_label)
        self.setLabel("left", a_label)

    def show_function(self, activation: Activation | str) -> None:
        """Plot this activation (an instance, or a name like "relu")."""
        self._activation = get_activation(activation) if isinstance(activation, str) else activation
        self._drawn_half = None  # force the curves to be recomputed
        self._redraw()

    def show_point(self, z: float, a: float | None = None) -> None:
        """Mark (z, a); a defaults to f(z). The z range widens to keep the point (and θ) in view."""
        if a is None:
            a = float(self._activation.f(np.array([z], dtype=np.float64))[0])
        self._point = (float(z), float(a))
        self._redraw()

    def _half_range(self) -> float:
        """Half the z range: the base width doubled until the point and θ fit (changes in steps,
        so a point moving every frame does not redraw the curves and axes every frame)."""
        z0 = self._point[0]
        theta = self._activation.threshold if isinstance(self._activation, Step) else 0.0
        need = max(abs(z0), abs(theta)) * 1.1
        half = self._half_width
        while half < need:
            half *= 2
        return half

    def _redraw(self) -> None:
        z0, a0 = self._point
        half = self._half_range()
        if half != self._drawn_half:
            self._draw_curves(half)
        self._marker.setPos(z0, a0)
        self._guides.setData([z0, z0, -half], [min(0.0, a0), a0, a0])

    def _draw_curves(self, half: float) -> None:
        self._drawn_half = half
        act = self._activation
        z = np.linspace(-half, half, 401)
        if act.elementwise:
            a, slope = act.f(z), act.df(z)
        else:  # softmax of one unit against the rest has no curve of its own: show σ(z)
            a, slope = get_activation("sigmoid").f(z), np.array([])
        self._curve.setData(z, a)
        self._slope.setData(z[: len(slope)], slope)
        low = min(0.0, float(a.min()), float(slope.min()) if slope.size else 0.0)
        high = max(1.0, float(a.max()), float(slope.max()) if slope.size else 0.0)
        self.setYRange(low, high, padding=0.05)
        if isinstance(act, Step):
            self._threshold.setValue(act.threshold)
            self._threshold.show()
        else:
            self._threshold.hide()
        self.setXRange(-half, half, padding=0.02)
