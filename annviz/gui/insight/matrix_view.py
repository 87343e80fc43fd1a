"""The matrix form of one layer, cell by cell: a = f(W a_prev + b) with the real numbers.

Layout: the previous layer's activations a_prevᵀ run along the top, one above each column of W,
so that row i of W meets them column by column; to the right, fixed, stand W a_prev, b, z and a.
W scrolls in both directions (the first layer has 784 columns); the right-hand columns scroll
only vertically. Hovering a cell lights the cells it came from and emits ``explained(text)``
with the arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QAbstractScrollArea

from annviz.gui.common import zoom
from annviz.gui.common.colors import symmetric_level, weight_colormap

CELL_W, CELL_H = 62, 26     # pixels per number cell
LABEL_W = 44                # row labels (neuron i)
HEADER_H = 2 * CELL_H       # column index j, then a_prev
RIGHT_COLUMNS = 4           # W a_prev, b, z, a
RIGHT_W = 84


@dataclass
class LayerNumbers:
    """One layer's numbers for one input; ``columns`` are the a_prev indices shown."""

    a_prev: np.ndarray      # (n_in,)
    w: np.ndarray           # (n_out, n_in)
    b: np.ndarray           # (n_out,)
    z: np.ndarray           # (n_out,)
    a: np.ndarray           # (n_out,)
    columns: np.ndarray     # indices into n_in

    @property
    def wa(self) -> np.ndarray:
        return self.w @ self.a_prev   # (n_out,)


class MatrixFormView(QAbstractScrollArea):
    explained = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.numbers: LayerNumbers | None = None
        self.titles = ("a_prev", "W a_prev", "+ b", "= z", "a = f(z)")
        self._hover: tuple[str, int, int] | None = None
        self._lut = weight_colormap().getLookupTable(nPts=256)
        self.viewport().setMouseTracking(True)
        zoom.pixels(self, min_height=8 * CELL_H)

    def show_layer(self, numbers: LayerNumbers, titles: tuple[str, ...] | None = None) -> None:
        """Draw this layer; ``titles`` name (a_prev, W a_prev, + b, = z, a) in the current notation."""
        self.numbers = numbers
        if titles:
            self.titles = titles
        self._hover = None
        self._update_scrollbars()
        self.viewport().update()

    # --- geometry ----------------------------------------------------------------------------

    # Everything here is in 100 % units: the painter is scaled by the zoom, and the viewport's
    # size and the mouse's position are divided by it.

    def _viewport_size(self) -> tuple[int, int]:
        return int(self.viewport().width() / zoom.factor()), int(self.viewport().height() / zoom.factor())

    def _w_width(self) -> int:
        return self._viewport_size()[0] - LABEL_W - RIGHT_COLUMNS * RIGHT_W

    def rezoom(self) -> None:
        self._update_scrollbars()

    def _update_scrollbars(self) -> None:
        if self.numbers is None:
            return
        n_out, n_cols = len(self.numbers.z), len(self.numbers.columns)
        self.horizontalScrollBar().setRange(0, max(0, n_cols * CELL_W - self._w_width()))
        self.horizontalScrollBar().setPageStep(max(self._w_width(), 1))
        height = self._viewport_size()[1]
        self.verticalScrollBar().setRange(0, max(0, n_out * CELL_H - (height - HEADER_H)))
        self.verticalScrollBar().setPageStep(height)

    def _cell_at(self, x: int, y: int) -> tuple[str, int, int] | None:
        """("w", i, col), ("a_prev", -1, col) or (name, i, -1) for a right-hand column."""
        if self.numbers is None:
            return None
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        right_x = LABEL_W + self._w_width()
        row = (y - HEADER_H + dy) // CELL_H if y >= HEADER_H else None
        if row is not None and not 0 <= row < len(self.numbers.z):
            return None
        if x >= right_x:
            if row is None:
                return None
            name = ("wa", "b", "z", "a")[min((x - right_x) // RIGHT_W, RIGHT_COLUMNS - 1)]
            return name, row, -1
        col = (x - LABEL_W + dx) // CELL_W
        if x < LABEL_W or not 0 <= col < len(self.numbers.columns):
            return None
        if row is None:
            return ("a_prev", -1, col) if y >= CELL_H else None
        return "w", row, col

    # --- events ------------------------------------------------------------------------------

    def resizeEvent(self, event):  # noqa: N802 — Qt's hook
        self._update_scrollbars()
        super().resizeEvent(event)

    def scrollContentsBy(self, dx, dy):  # noqa: N802 — Qt's hook
        self.viewport().update()

    def mouseMoveEvent(self, event):  # noqa: N802 — Qt's hook
        self.hover(self._cell_at(int(event.position().x() / zoom.factor()), int(event.position().y() / zoom.factor())))

    def viewportEvent(self, event):  # noqa: N802 — Qt's hook
        if event.type() == QEvent.Type.Leave:
            self.hover(None)
        return super().viewportEvent(event)

    def hover(self, cell: tuple[str, int, int] | None) -> None:
        """Light up where ``cell`` came from (also used by tests)."""
        if cell != self._hover:
            self._hover = cell
            self.viewport().update()
            self.explained.emit(self.explain(cell) if cell else "")

    def lit(self) -> set[tuple[str, int, int]]:
        """The cells lit by the hovered one: what it came from."""
        if self._hover is None or self.numbers is None:
            return set()
        kind, i, col = self._hover
        n_cols = len(self.numbers.columns)
        if kind == "wa":
            return {("w", i, c) for c in range(n_cols)} | {("a_prev", -1, c) for c in range(n_cols)}
        if kind == "z":
            return {("wa", i, -1), ("b", i, -1)}
        if kind == "a":
            return {("z", i, -1)}
        if kind == "w":
            return {("a_prev", -1, col)}
        return {("w", r, col) for r in range(len(self.numbers.z))}   # a_prev: the column it feeds

    def explain(self, cell: tuple[str, int, int]) -> str:
        """What a cell is, as a formula; indices on screen count from 1 (row i is neuron i)."""
        n, (kind, i, col), p = self.numbers, cell, self.titles[0]
        r = i + 1
        if kind in ("w", "a_prev"):
            j = int(n.columns[col])
            if kind == "a_prev":
                return f"{p}[{j + 1}] = {n.a_prev[j]:.4f}"
            return (f"W[{r}, {j + 1}] · {p}[{j + 1}] = {n.w[i, j]:.4f} × {n.a_prev[j]:.4f} = "
                    f"{n.w[i, j] * n.a_prev[j]:.4f}")
        if kind == "wa":
            return f"(W {p})[{r}] = Σ_j W[{r}, j] · {p}[j] = {n.wa[i]:.4f}"
        if kind == "b":
            return f"b[{r}] = {n.b[i]:.4f}"
        if kind == "z":
            return f"z[{r}] = {n.wa[i]:.4f} + {n.b[i]:.4f} = {n.z[i]:.4f}"
        return f"a[{r}] = f(z[{r}]) = f({n.z[i]:.4f}) = {n.a[i]:.4f}"

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, event):  # noqa: N802 — Qt's hook
        if self.numbers is None:
            return
        n, lit = self.numbers, self.lit()
        painter = QPainter(self.viewport())
        zoom.painting_scale(painter, self.viewport())
        painter.setFont(zoom.unzoomed(zoom.font(1.0)))
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        width, height = self._w_width(), self._viewport_size()[1]
        m = symmetric_level(n.w)
        first_col, last_col = dx // CELL_W, min(len(n.columns), (dx + width) // CELL_W + 1)
        first_row, last_row = dy // CELL_H, min(len(n.z), (dy + height - HEADER_H) // CELL_H + 1)

        painter.setClipRect(QRect(LABEL_W, 0, width, height))
        for c in range(first_col, last_col):
            x, j = LABEL_W + c * CELL_W - dx, int(n.columns[c])
            self._cell(painter, QRect(x, 0, CELL_W, CELL_H), str(j + 1), None, False, grey=True)
            v = float(n.a_prev[j])
            self._cell(painter, QRect(x, CELL_H, CELL_W, CELL_H), f"{v:.2f}", _grey(v),
                       ("a_prev", -1, c) in lit or self._hover == ("a_prev", -1, c))
            for r in range(first_row, last_row):
                y = HEADER_H + r * CELL_H - dy
                w = float(n.w[r, j])
                self._cell(painter, QRect(x, y, CELL_W, CELL_H), f"{w:.2f}", self._weight_colour(w, m),
                           ("w", r, c) in lit or self._hover == ("w", r, c))
        painter.setClipRect(QRect(0, HEADER_H, self._viewport_size()[0], height))
        right_x = LABEL_W + width
        for r in range(first_row, last_row):
            y = HEADER_H + r * CELL_H - dy
            self._cell(painter, QRect(0, y, LABEL_W, CELL_H), str(r + 1), None, False, grey=True)
            for k, (name, values) in enumerate((("wa", n.wa), ("b", n.b), ("z", n.z), ("a", n.a))):
                cell = (name, r, -1)
                self._cell(painter, QRect(right_x + k * RIGHT_W, y, RIGHT_W, CELL_H), f"{values[r]:.4f}",
                           QColor(245, 245, 240), cell in lit or self._hover == cell)
        painter.setClipping(False)
        for k, title in enumerate(self.titles[1:]):
            self._cell(painter, QRect(right_x + k * RIGHT_W, CELL_H, RIGHT_W, CELL_H), title, None, False, grey=True)
        self._cell(painter, QRect(0, CELL_H, LABEL_W, CELL_H), self.titles[0], None, False, grey=True)
        painter.end()

    def _weight_colour(self, w: float, m: float) -> QColor:
        r, g, b = self._lut[int(np.clip((w / m + 1) / 2 * 255, 0, 255))][:3]
        return QColor(int(r), int(g), int(b))

    @staticmethod
    def _cell(painter: QPainter, rect: QRect, text: str, fill: QColor | None, lit: bool, grey: bool = False):
        if fill is not None:
            painter.fillRect(rect, fill)
        if lit:
            painter.fillRect(rect, QColor(255, 220, 0, 150))
            painter.setPen(QPen(QColor(20, 20, 20), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        elif fill is not None:
            painter.setPen(QPen(QColor(255, 255, 255), 1))
            painter.drawRect(rect)
        dark = fill is not None and fill.lightnessF() < 0.45 and not lit
        painter.setPen(QColor(130, 130, 130) if grey else QColor(255, 255, 255) if dark else QColor(20, 20, 20))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _grey(v: float) -> QColor:
    g = int(255 - 200 * min(max(v, 0.0), 1.0))
    return QColor(g, g, g)
