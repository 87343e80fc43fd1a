"""Small painted pictures of the Convolution page: maps as grey images, signed numbers in colour,
a grid of numbers, and the input with a rectangle on it.

Maps after a ReLU are ≥ 0: grey, black at 0 and white at the largest value shown beside them (one
scale for a whole layer, so that its maps can be compared). Kernels and sums are signed: the sign
colours of ``gui/common/colors`` (orange positive, blue negative), fading to dark at 0.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from annviz.gui.common import zoom
from annviz.gui.common.colors import NEGATIVE, POSITIVE, symmetric_level
from annviz.gui.common.names import number

DARK = np.array([24, 24, 24], dtype=float)
HIGHLIGHT = QColor(255, 220, 0)


def grey_image(values: np.ndarray, top: float) -> QImage:
    """A 2-D array in [0, top] as a grey QImage (white = top); NaN shows dark blue-grey."""
    v = np.asarray(values, dtype=float)
    scaled = np.clip(np.nan_to_num(v, nan=0.0) / max(top, 1e-9), 0, 1) * 255
    rgb = np.repeat(scaled[..., None], 3, axis=2)
    rgb[np.isnan(v)] = (40, 44, 56)
    return _rgb_image(rgb)


def signed_image(values: np.ndarray, level: float | None = None) -> QImage:
    """A signed 2-D array: orange for positive, blue for negative, dark at 0 (levels ±level)."""
    v = np.asarray(values, dtype=float)
    m = symmetric_level(v[~np.isnan(v)]) if level is None else max(level, 1e-9)
    t = np.clip(np.nan_to_num(v, nan=0.0) / m, -1, 1)[..., None]
    pos, neg = np.array(POSITIVE.getRgb()[:3], float), np.array(NEGATIVE.getRgb()[:3], float)
    rgb = DARK + np.where(t >= 0, t * (pos - DARK), -t * (neg - DARK))
    rgb[np.isnan(v)] = (40, 44, 56)
    return _rgb_image(rgb)


def _rgb_image(rgb: np.ndarray) -> QImage:
    data = np.ascontiguousarray(np.clip(rgb, 0, 255).astype(np.uint8))
    h, w = data.shape[:2]
    return QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def draw_pixels(painter: QPainter, target: QRectF, image: QImage) -> None:
    """``image`` stretched over ``target`` as sharp squares (no smoothing), with a thin frame."""
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.drawImage(target, image)
    painter.setPen(QPen(QColor(90, 90, 90), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(target)


class FieldPicture(QWidget):
    """A 28×28 image drawn large, with a rectangle (a receptive field, the hand kernel's window)."""

    def __init__(self, parent: QWidget | None = None, minimum: int = 120):
        super().__init__(parent)
        self._image = np.zeros((28, 28))
        self._box: tuple[int, int, int, int] | None = None   # top, left, bottom, right (excluded)
        self._signed = False
        zoom.pixels(self, min_width=minimum, min_height=minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, values: np.ndarray, signed: bool = False) -> None:
        self._image, self._signed = np.array(values, dtype=float), signed
        self.update()

    def set_box(self, box: tuple[int, int, int, int] | None) -> None:
        self._box = box
        self.update()

    def box(self) -> tuple[int, int, int, int] | None:
        return self._box

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height()) - 2
        h, w = self._image.shape
        target = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        image = signed_image(self._image) if self._signed else grey_image(self._image, 1.0)
        draw_pixels(painter, target, image)
        if self._box is not None:
            top, left, bottom, right = self._box
            top, left, bottom, right = max(top, 0), max(left, 0), min(bottom, h), min(right, w)
            cell = side / w
            painter.setPen(QPen(HIGHLIGHT, 2))
            painter.drawRect(QRectF(target.x() + left * cell, target.y() + top * cell,
                                    (right - left) * cell, (bottom - top) * cell))
        painter.end()


class NumberGrid(QWidget):
    """A small matrix of numbers, each on its colour (signed) or grey (≥ 0); hovering is not
    needed: every number is written. ``clicked(row, column)`` for an editor that wants it."""

    clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None, cell: int = 26, digits: int = 2):
        super().__init__(parent)
        self._values = np.zeros((5, 5))
        self._signed = True
        self._digits = digits
        self._cell = cell
        self._mark: tuple[int, int] | None = None
        self._resize()

    def set_values(self, values: np.ndarray, signed: bool = True, level: float | None = None) -> None:
        self._values, self._signed, self._level = np.array(values, dtype=float), signed, level
        self._resize()
        self.update()

    def values(self) -> np.ndarray:
        return self._values.copy()

    def _resize(self) -> None:
        rows, cols = self._values.shape
        zoom.pixels(self, min_width=cols * self._cell + 2, min_height=rows * self._cell + 2)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        rows, cols = self._values.shape
        cell = min((self.width() - 2) / cols, (self.height() - 2) / rows)
        x0 = (self.width() - cell * cols) / 2
        y0 = (self.height() - cell * rows) / 2
        v = self._values
        level = getattr(self, "_level", None)
        image = signed_image(v, level) if self._signed else grey_image(v, max(float(np.nanmax(v)), 1e-9))
        draw_pixels(painter, QRectF(x0, y0, cell * cols, cell * rows), image)
        font = painter.font()
        font.setPixelSize(max(7, int(cell * (0.34 if self._digits > 1 else 0.42))))
        painter.setFont(font)
        for r in range(rows):
            for c in range(cols):
                value = v[r, c]
                if np.isnan(value):
                    continue
                box = QRectF(x0 + c * cell, y0 + r * cell, cell, cell)
                bright = not self._signed and value > 0.55 * max(float(np.nanmax(v)), 1e-9)
                painter.setPen(QColor(0, 0, 0) if bright else QColor(235, 235, 235))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, number(value, self._digits))
        painter.end()

    def mousePressEvent(self, event) -> None:
        rows, cols = self._values.shape
        cell = min((self.width() - 2) / cols, (self.height() - 2) / rows)
        x0, y0 = (self.width() - cell * cols) / 2, (self.height() - cell * rows) / 2
        c, r = int((event.position().x() - x0) // cell), int((event.position().y() - y0) // cell)
        if 0 <= r < rows and 0 <= c < cols:
            self.clicked.emit(r, c)
