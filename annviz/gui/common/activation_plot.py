"""ActivationPlot: an activation function a = f(z), its slope f′(z) dashed, and the current point.

Used by the neuron inspector and the neuron lab. Items are created once; ``show_function``
changes the curve, ``show_point`` moves the marker (optionally with a text beside it, e.g. the
current z when the axis is w·x). A small legend names the two curves. With the unit step, the
threshold θ is drawn as a dotted vertical line.

A softmax output neuron k has no curve of its own: its a_k depends on every z. What it does for
that neuron is a_k = e^z_k / (e^z_k + Σ_{j≠k} e^z_j) = σ(z_k − c) with c = log Σ_{j≠k} e^z_j, the
other outputs held where they are: ``show_softmax_unit(c)`` draws that curve, on which the
current point lies.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem

from annviz.gui.common import zoom
from annviz.gui.common.colors import ANSWER
from annviz.gui.common.plotting import cache_axes
from annviz.nn.activations import Activation, Step, get_activation

CURVE = (50, 50, 50)   # the function's curve: ink


class _Dot(QGraphicsEllipseItem):
    """A dot of fixed pixel size at a data point. (A one-point ScatterPlotItem costs ~3 ms a
    paint; this costs next to nothing, and the marker moves with every pad event.)"""

    def __init__(self, diameter: float, color):
        diameter = zoom.px(diameter)
        r = diameter / 2
        super().__init__(-r, -r, diameter, diameter)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setBrush(pg.mkBrush(color))
        self.setPen(zoom.pen("w", width=1.5))
        self.setZValue(10)


class _ShiftedAxis(pg.AxisItem):
    """An axis whose tick labels read the bottom axis's value plus ``offset`` (z = w·x + b)."""

    def __init__(self, orientation: str):
        super().__init__(orientation)
        self.offset = 0.0

    def tickStrings(self, values, scale, spacing):  # noqa: N802 — pyqtgraph's hook
        return super().tickStrings([v + self.offset for v in values], scale, spacing)


class ActivationPlot(pg.PlotWidget):
    """A small plot of f(z) over a z range that follows the current point."""

    def __init__(self, parent=None, z_range: float = 6.0):
        super().__init__(parent, enableMenu=False)
        self._half_width = z_range
        self._activation: Activation = get_activation("sigmoid")
        self._point = (0.0, float(self._activation.f(np.array(0.0))))
        self._shift = 0.0                     # softmax: c = log Σ_{j≠k} e^z_j of the other outputs
        self._drawn: tuple | None = None      # (half range, shift) the curves were drawn for
        self._y_span = (0.0, 1.0)             # the a range they ask
        self.setBackground(None)
        self.showGrid(x=True, y=True, alpha=0.25)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setLabel("bottom", "z")
        self.setLabel("left", "a")
        cache_axes(self)
        self._slope = self.plot(pen=zoom.pen((150, 150, 150, 200), width=1.5, style=Qt.PenStyle.DashLine))
        self._curve = self.plot(pen=zoom.pen(CURVE, width=2.5))     # not blue: blue means a sign
        self._legend = self.addLegend(offset=(4, 4), labelTextSize=zoom.text_size(8), verSpacing=-6)
        self._names = ("f(z)", "f′(z)")
        self._threshold = pg.InfiniteLine(angle=90, pen=zoom.pen((120, 120, 120), style=Qt.PenStyle.DotLine))
        self.addItem(self._threshold)
        # The marker and its guides move with every input: they must not re-range the view.
        self._marker = _Dot(11, ANSWER)
        self.addItem(self._marker, ignoreBounds=True)
        self._guides = pg.PlotDataItem(pen=zoom.pen(ANSWER, width=1, style=Qt.PenStyle.DotLine))
        self.addItem(self._guides, ignoreBounds=True)
        self._point_text = pg.TextItem(anchor=(0, 1), color=(60, 60, 60))
        self._point_text.setZValue(11)
        self.addItem(self._point_text, ignoreBounds=True)
        self.getPlotItem().vb.sigResized.connect(self._place_text)
        self._fill_legend()
        self.enableAutoRange(False)
        self._redraw()

    def show_z_axis(self, label: str, offset: float) -> None:
        """A second axis on top reading z = (bottom value) + ``offset``: for a plot over w·x, the
        top axis gives z = w·x + b at the same place."""
        if not hasattr(self, "_top_axis"):
            self._top_axis = _ShiftedAxis("top")
            self.getPlotItem().setAxisItems({"top": self._top_axis})
            self.showAxis("top")
        self._top_axis.setLabel(label)
        if offset != self._top_axis.offset:
            self._top_axis.offset = offset
            self._top_axis.picture = None                 # the tick labels change
            self._top_axis.update()

    def z_axis_offset(self) -> float:
        return self._top_axis.offset

    def set_labels(self, z_label: str, a_label: str, curve: str | None = None,
                   slope: str | None = None) -> None:
        """Axis titles and the legend's names of the curve and its slope (translated by the caller;
        the legend keeps "f(z)" and "f′(z)" when none are given)."""
        self.setLabel("bottom", z_label)
        self.setLabel("left", a_label)
        if curve is not None or slope is not None:
            self._names = (curve or self._names[0], slope or self._names[1])
            self._fill_legend()

    def legend_texts(self) -> list[str]:
        """What the legend says, top to bottom."""
        return [label.text for _, label in self._legend.items]

    def _fill_legend(self) -> None:
        self._legend.clear()
        self._legend.addItem(self._curve, self._names[0])
        self._legend.addItem(self._slope, self._names[1])

    def show_function(self, activation: Activation | str) -> None:
        """Plot this activation (an instance, or a name like "relu")."""
        self._activation = get_activation(activation) if isinstance(activation, str) else activation
        self._drawn = None  # force the curves to be recomputed
        self._redraw()

    def show_softmax_unit(self, others: float) -> None:
        """Plot softmax for one output neuron: a = σ(z − others), ``others`` = log Σ_{j≠k} e^z_j."""
        if self._activation.elementwise:
            self._activation = get_activation("softmax")
            self._drawn = None
        self._shift = float(others)
        self._redraw()

    def curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The plotted curve (z, a)."""
        return self._curve.getData()

    def point(self) -> tuple[float, float]:
        """The marked point (z, a)."""
        return self._point

    def point_text(self) -> str:
        """What is written beside the marker."""
        return self._point_text.toPlainText()

    def threshold_shown(self) -> float | None:
        """Where the step's threshold line is drawn, or None."""
        return self._threshold.value() if self._threshold.isVisible() else None

    def show_point(self, z: float, a: float | None = None, text: str = "") -> None:
        """Mark (z, a); a defaults to f(z); ``text`` is written beside the marker. The z range
        widens to keep the point (and θ) in view."""
        if a is None:
            a = float(self._function(np.array([z], dtype=np.float64))[0])
        self._point = (float(z), float(a))
        self._point_text.setText(text)
        self._redraw()

    def _function(self, z: np.ndarray) -> np.ndarray:
        if self._activation.elementwise:
            return self._activation.f(z)
        return get_activation("sigmoid").f(z - self._shift)

    def _half_range(self) -> float:
        """Half the z range: the base width doubled until the point and θ fit (changes in steps,
        so a point moving every frame does not redraw the curves and axes every frame)."""
        z0 = self._point[0]
        theta = self._activation.threshold if isinstance(self._activation, Step) else 0.0
        need = max(abs(z0), abs(theta)) * 1.1
        if not self._activation.elementwise:              # softmax: the rise around z = c, too
            need = max(need, abs(self._shift) + 4.0)
        half = self._half_width
        while half < need:
            half *= 2
        return half

    def _redraw(self) -> None:
        z0, a0 = self._point
        half = self._half_range()
        shift = 0.0 if self._activation.elementwise else self._shift
        if (half, shift) != self._drawn:
            self._draw_curves(half, shift)
        self._marker.setPos(z0, a0)
        self._guides.setData([z0, z0, -half], [min(0.0, a0), a0, a0])
        self._point_text.setPos(z0, a0)
        self._place_text()

    def _place_text(self, *_args) -> None:
        """The text beside the point stands above it and to its right where it fits in the frame,
        else below it or to its left (above a point at a = 1 it stood outside: “z = 1.00” showed 9
        of its 14 px in the neuron lab at 1366×768). Placed again when the plot is resized."""
        z0, a0 = self._point
        box = self.getPlotItem().vb
        (_, right), (_, top) = box.viewRange()
        try:
            per_px = box.viewPixelSize()                  # data units per pixel, each way
        except Exception:                                 # not laid out yet: no size to measure
            per_px = None
        if per_px is None or not all(np.isfinite(per_px)) or min(per_px) <= 0:
            low, high = self._y_span                      # until then: the side facing the middle
            self._point_text.setAnchor((1 if z0 > self._half_range() / 2 else 0,
                                        0 if a0 > (low + high) / 2 else 1))
            return
        text = self._point_text.boundingRect()           # in pixels: the text ignores the view's scale
        fits_right = z0 + text.width() * per_px[0] <= right
        fits_above = a0 + text.height() * per_px[1] <= top
        self._point_text.setAnchor((0 if fits_right else 1, 1 if fits_above else 0))

    def _draw_curves(self, half: float, shift: float) -> None:
        self._drawn = (half, shift)
        act = self._activation
        z = np.linspace(-half, half, 401)
        if act.elementwise:
            a, slope = act.f(z), act.df(z)
        else:  # softmax, one output against the others held fixed: σ(z − c), slope a(1 − a)
            a = get_activation("sigmoid").f(z - shift)
            slope = a * (1 - a)
        self._curve.setData(z, a)
        self._slope.setData(z[: len(slope)], slope)
        low = min(0.0, float(a.min()), float(slope.min()) if slope.size else 0.0)
        high = max(1.0, float(a.max()), float(slope.max()) if slope.size else 0.0)
        self._y_span = (low, high)
        self.setYRange(low, high, padding=0.05)
        if isinstance(act, Step):
            self._threshold.setValue(act.threshold)
            self._threshold.show()
        else:
            self._threshold.hide()
        self.setXRange(-half, half, padding=0.02)
