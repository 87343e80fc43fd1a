"""The diagram's edges: every drawn connection in one item, and the edge under a point.

An edge is coloured by the sign of its value (the pair of ``common.colors.sign_color``), with
opacity and width by its strength: |value| over the largest |value| drawn in its layer, a
symmetric scale per layer. Edges weaker than 2 % of their layer's strongest are left out.

Speed: one item (``EdgesItem``) paints the edges of all layers as eight paths, one per sign and
strength bucket, weakest first; a new input draws the paths again (NumPy to ``QPainterPath``).
It was eight ``PlotCurveItem``: each repaint asked each of them for its bounds and pixel size in
Python, ~1.5 ms of a stroke's ~12. The drawn edges' ends are kept, so a click can tell which
weight it hit: of the edges near the pointer, the most visible one (the strongest bucket, then
the nearest).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPainterPath

from annviz.gui.common import zoom
from annviz.gui.common.colors import sign_color

ALPHAS = (45, 95, 160, 235)   # edge opacity per strength bucket
WIDTHS = (1, 1, 1, 2)         # width in pixels per bucket (anti-aliased wide lines paint slowly)
MIN_STRENGTH = 0.02           # weaker edges (relative to their layer's strongest) are not drawn


@dataclass
class LayerEdges:
    """Candidate edges of one weight layer: W[rows, cols] from neuron ``cols`` to neuron ``rows``."""

    rows: np.ndarray     # (m,) receiving neuron's index (row i of the weight matrix)
    cols: np.ndarray     # (m,) sending neuron's index (column j)
    x0: np.ndarray       # (m,) view coordinates of the sending end
    y0: np.ndarray
    x1: np.ndarray       # (m,) and of the receiving end
    y1: np.ndarray
    values: np.ndarray   # (m,) what the colour shows (sign) and the opacity (size)

    @classmethod
    def empty(cls) -> LayerEdges:
        return cls(np.zeros(0, int), np.zeros(0, int), *(np.zeros(0),) * 5)


class EdgesItem(pg.GraphicsObject):
    """The edges in ``box``; ``draw`` replaces them."""

    def __init__(self, box: pg.ViewBox):
        super().__init__()
        # Weakest first, so the strong edges lie on top; anti-aliased where they are 1 px wide
        # (wide anti-aliased lines paint slowly).
        self._styles = [(positive, bucket, zoom.pen(sign_color(1.0 if positive else -1.0, alpha), width=width),
                         width <= 1)
                        for bucket, (alpha, width) in enumerate(zip(ALPHAS, WIDTHS)) for positive in (True, False)]
        self._paths: list[tuple[object, bool, QPainterPath]] = []
        self._bounds = QRectF()
        self.setZValue(1)
        box.addItem(self)
        self._counts: list[int] = []
        self._drawn = LayerEdges.empty()
        self._layer = np.zeros(0, int)       # (n_drawn,) weight layer of each drawn edge
        self._bucket = np.zeros(0, int)      # (n_drawn,) and its strength bucket

    def boundingRect(self) -> QRectF:        # noqa: N802
        return self._bounds

    def paint(self, painter: QPainter, *args) -> None:
        for pen, smooth, path in self._paths:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
            painter.setPen(pen)
            painter.drawPath(path)

    def lines(self) -> list[tuple]:
        """The drawn edges by pen, weakest first: (QPen, ends), ends (m, 4) rows x0, y0, x1, y1."""
        d, lines = self._drawn, []
        for positive, b, pen, _smooth in self._styles:
            pick = self._picked(positive, b)
            if pick.any():
                lines.append((pen, np.column_stack([d.x0[pick], d.y0[pick], d.x1[pick], d.y1[pick]])))
        return lines

    def _picked(self, positive: bool, bucket: int) -> np.ndarray:
        """Which drawn edges one path holds: their sign and strength bucket."""
        return (self._bucket == bucket) & ((self._drawn.values > 0) == positive)

    def draw(self, layers: list[LayerEdges]) -> None:
        """Draw each weight layer's edges, scaled by that layer's strongest."""
        kept, buckets = [], []
        for edges in layers:
            top = float(np.abs(edges.values).max(initial=0.0))
            strength = np.abs(edges.values) / top if top > 0 else np.zeros_like(edges.values)
            visible = strength > MIN_STRENGTH
            kept.append(LayerEdges(*(getattr(edges, f)[visible] for f in LayerEdges.__dataclass_fields__)))
            buckets.append(np.minimum((strength[visible] * len(ALPHAS)).astype(int), len(ALPHAS) - 1))
        self._counts = [len(edges.values) for edges in kept]
        self._layer = np.repeat(np.arange(len(kept)), self._counts)
        self._drawn = LayerEdges(*(np.concatenate([getattr(e, f) for e in kept] or [np.zeros(0)])
                                   for f in LayerEdges.__dataclass_fields__))
        d = self._drawn
        self._bucket = np.concatenate(buckets or [np.zeros(0, int)])
        paths = []
        for positive, b, pen, smooth in self._styles:
            pick = self._picked(positive, b)
            m = int(pick.sum())
            if not m:
                continue
            x, y = np.empty(2 * m), np.empty(2 * m)
            x[0::2], x[1::2], y[0::2], y[1::2] = d.x0[pick], d.x1[pick], d.y0[pick], d.y1[pick]
            paths.append((pen, smooth, pg.arrayToQPath(x, y, connect="pairs")))
        bounds = QRectF()
        if len(d.values):
            xs, ys = np.concatenate([d.x0, d.x1]), np.concatenate([d.y0, d.y1])
            pad = 0.01 * max(xs.max() - xs.min(), ys.max() - ys.min())     # the pens' width
            bounds = QRectF(xs.min() - pad, ys.min() - pad, xs.max() - xs.min() + 2 * pad,
                            ys.max() - ys.min() + 2 * pad)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self._paths = paths
        self.update()

    def clear(self) -> None:
        self.draw([])

    def count(self, layer: int) -> int:
        """How many edges weight layer ``layer`` draws now."""
        return self._counts[layer]

    def edge_at(self, x: float, y: float, tolerance: float) -> tuple[int, int, int] | None:
        """The most visible drawn edge within ``tolerance`` of (x, y), as the weight (layer, i, j)."""
        d = self._drawn
        if not len(d.values):
            return None
        dx, dy = d.x1 - d.x0, d.y1 - d.y0                                   # (n,)
        t = np.clip(((x - d.x0) * dx + (y - d.y0) * dy) / np.maximum(dx * dx + dy * dy, 1e-12), 0, 1)
        distance = np.hypot(d.x0 + t * dx - x, d.y0 + t * dy - y)           # to the nearest point
        near = np.flatnonzero(distance <= tolerance)
        if not len(near):
            return None
        k = near[np.lexsort((distance[near], -self._bucket[near]))[0]]   # strongest, then nearest
        return int(self._layer[k]), int(d.rows[k]), int(d.cols[k])
