"""NetworkDiagram: the playground's network, each neuron drawn as what it computes over the plane.

Columns from left to right: the input features, the hidden layers, the output. Every neuron is
a small square picture of its activation at each point of the plane (the same diverging colours
as the big heat map), and every edge is coloured by the sign of its weight and drawn thicker
the larger the weight. ``show_structure`` gives the features (once per reset); ``show_snapshot``
the new weights and pictures (up to ~30 times a second). Pictures are turned into QImages when
they arrive, so painting stays cheap.

The thumbnails are sized so that they never touch: at most 55 % of the space between two columns
(6 hidden layers still leave the edges visible), and each column's title and "n neurons" wrap
within that column rather than being cut.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from annviz.gui.common import zoom
from annviz.gui.common.colors import sign_color, symmetric_level
from annviz.gui.lab.playground_model import Snapshot
from annviz.gui.lab.widgets import lighter, map_image

INK = QColor(60, 60, 70)
TOP = 76.0          # room above the pictures for a column's title (2 lines) and "n neurons" (2)
BACKGROUND = QColor(252, 251, 248)


def activation_levels(activation: str, values: np.ndarray) -> tuple[float, float]:
    """Colour levels for a neuron's picture: (0, 1) for sigmoid, (−1, 1) for tanh, else ±max."""
    if activation == "sigmoid":
        return 0.0, 1.0
    if activation == "tanh":
        return -1.0, 1.0
    m = symmetric_level(values, floor=1e-3)
    return -m, m


class NetworkDiagram(QWidget):
    """Inputs → hidden layers → output, as thumbnails joined by weighted edges."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        zoom.pixels(self, min_width=300, min_height=280)   # a picture: it scales down before text is cut
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)   # repaint only this widget
        self._feature_names: list[str] = []
        self._activation = "tanh"
        self._inputs: list[QImage] = []
        self._columns: list[list[QImage]] = []       # pictures per column, inputs first
        self._weights: tuple[np.ndarray, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self._input_title = self.tr("Input")
        self._output_title = self.tr("Output")
        self._hidden_title = self.tr("Hidden layer {index}")
        self._neurons_text = (self.tr("1 neuron"), self.tr("{n} neurons"))
        self.update()


    # --- data --------------------------------------------------------------------------------

    def show_structure(self, feature_names: list[str], feature_images: np.ndarray, activation: str) -> None:
        """The input features (names and (k, res, res) pictures) and the hidden activation."""
        self._feature_names = list(feature_names)
        self._activation = activation
        self._inputs = [map_image(img, -symmetric_level(img), symmetric_level(img))
                        for img in feature_images]
        self._columns = [self._inputs]

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """New weights and neuron pictures."""
        columns = [self._inputs]
        for layer in snapshot.hidden:                                 # (n, res, res)
            lo, hi = activation_levels(self._activation, layer)
            columns.append([map_image(img, lo, hi) for img in layer])
        columns.append([map_image(snapshot.output, 0.0, 1.0)])
        self._columns = columns
        self._weights = snapshot.weights
        self.update()

    # --- painting ----------------------------------------------------------------------------

    def node_layout(self) -> tuple[float, list[list[QPointF]]]:
        """The thumbnail size and each node's centre, column by column."""
        n_cols = len(self._columns)
        tallest = max(len(c) for c in self._columns)
        top, bottom = TOP, 14.0
        usable = self.height() / zoom.factor() - top - bottom         # in 100 % units (painting_scale)
        left, right = 70.0, 30.0
        span = self.width() / zoom.factor() - left - right
        # size ≤ 0.55 · gap, where gap = (span − size) / (n_cols − 1): the pictures never touch.
        by_width = 0.55 * span / (n_cols - 1 + 0.55) if n_cols > 1 else 56.0
        size = max(10.0, min(56.0, usable / (tallest * 1.3), by_width))
        gap = (span - size) / max(n_cols - 1, 1)
        centres = []
        for c, column in enumerate(self._columns):
            x = left + size / 2 + c * gap
            pitch = min(size * 1.3, usable / max(len(column), 1))
            y0 = top + usable / 2 - pitch * (len(column) - 1) / 2
            centres.append([QPointF(x, y0 + k * pitch) for k in range(len(column))])
        return size, centres

    @staticmethod
    def column_width(gap: float) -> float:
        """The width a column's title and neuron count may take."""
        return min(130.0, gap - 4)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), BACKGROUND)
        if not self._columns:
            return
        zoom.painting_scale(p, self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        size, centres = self.node_layout()
        half = size / 2
        for strength, sign, a, b in self._edges(centres, half):
            # Opaque colours (mixed with the background) paint several times faster than alpha.
            p.setPen(QPen(lighter(sign_color(sign), 0.85 * (1 - strength)), 0.6 + 5.0 * strength))
            p.drawLine(a, b)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)   # images: a plain scaled copy
        p.setPen(QPen(QColor(90, 90, 90), 1))
        for column, points in zip(self._columns, centres):
            for image, c in zip(column, points):
                rect = QRectF(c.x() - half, c.y() - half, size, size)
                p.drawImage(rect, image)
                p.drawRect(rect)
        self._paint_titles(p, size, centres)
        p.end()

    def _edges(self, centres: list[list[QPointF]], half: float) -> list[tuple[float, float, QPointF, QPointF]]:
        """(strength in [0, 1], weight, start, end) of every edge, weakest first."""
        if not self._weights:
            return []
        m = max(symmetric_level(w) for w in self._weights)
        edges = []
        for layer, w in enumerate(self._weights[:len(centres) - 1]):      # (n_out, n_in)
            sources, targets = centres[layer], centres[layer + 1]
            if w.shape != (len(targets), len(sources)):
                continue
            for j, target in enumerate(targets):
                for i, source in enumerate(sources):
                    edges.append((abs(float(w[j, i])) / m, float(w[j, i]),
                                  QPointF(source.x() + half, source.y()), QPointF(target.x() - half, target.y())))
        edges.sort(key=lambda e: e[0])
        return edges

    def _paint_titles(self, p: QPainter, size: float, centres: list[list[QPointF]]) -> None:
        font = zoom.unzoomed(self.font())
        bold = QFont(font)
        bold.setBold(True)
        last = len(centres) - 1
        gap = centres[1][0].x() - centres[0][0].x() if len(centres) > 1 else 130.0
        for c, points in enumerate(centres):
            x = points[0].x()
            if c == 0:
                title, sub = self._input_title, ""
            elif c == last:
                title, sub = self._output_title, ""
            else:
                title = self._hidden_title.format(index=c)
                one, many = self._neurons_text
                sub = one if len(points) == 1 else many.format(n=len(points))
            width = self.column_width(gap)                  # titles wrap rather than overlap
            p.setPen(INK)
            p.setFont(bold)
            p.drawText(QRectF(x - width / 2, 2, width, 36),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap, title)
            p.setFont(font)
            p.drawText(QRectF(x - width / 2, 40, width, TOP - 42),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, sub)
        for name, c in zip(self._feature_names, centres[0]):
            p.drawText(QRectF(c.x() - size / 2 - 66, c.y() - 9, 60, 18),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
