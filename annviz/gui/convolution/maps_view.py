"""Every layer of a convolutional network for one drawing, painted as bands of small maps.

A band per layer output: each convolution after its ReLU (one map per filter), then the same maps
after the 2×2 pooling; optionally first the first layer's kernels themselves. Each band has its
own grey scale (white = the band's largest value) so that its maps compare with one another. The
view paints by hand (one widget, hundreds of little pictures) and says where the mouse is:
``hovered(band, channel, y, x)`` over a map's pixel, ``left()`` when it is over none, and
``filter_clicked(conv, filter)`` on a click (on a kernel, or on a convolution's or pool's map).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from annviz.gui.common import zoom
from annviz.gui.convolution.map_pictures import HIGHLIGHT, draw_pixels, grey_image, signed_image

COLUMN_CHOICES = (32, 16, 8)     # most maps in a row: a band of 16 may take two rows of 8
MAX_CELL = 110
GAP = 3


@dataclass
class Band:
    """One row of pictures: ``title``; ``maps`` (channels, h, w); ``kind`` "kernel", "conv",
    "pool" or "dense" (the dense layer's inputs: one strip, (1, maps, pixels of each), a row per
    map); ``conv``: which convolution (0, 1 …); ``layer``: its index in the network's layers."""

    title: str
    maps: np.ndarray
    kind: str
    conv: int
    layer: int


class MapsView(QWidget):
    hovered = Signal(int, int, int, int)      # band, channel, y, x
    left = Signal()
    filter_clicked = Signal(int, int)         # convolution, filter

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        zoom.pixels(self, min_width=300, min_height=220)
        self._bands: list[Band] = []
        self._mark: tuple[int, int, int, int] | None = None     # band, channel, y, x
        self._cells: list[tuple[QRectF, int, int]] = []           # (rect, band, channel) painted
        self._titles: list[tuple[QRectF, str]] = []

    # --- public ------------------------------------------------------------------------------

    def set_bands(self, bands: list[Band]) -> None:
        self._bands = list(bands)
        self.update()

    def bands(self) -> list[Band]:
        return list(self._bands)

    def set_mark(self, mark: tuple[int, int, int, int] | None) -> None:
        """Outline one pixel of one map (band, channel, y, x), or none."""
        self._mark = mark
        self.update()

    def map_rect(self, band: int, channel: int) -> QRectF | None:
        """Where map ``channel`` of ``band`` is painted (widget coordinates), as last painted."""
        self._layout()
        return next((rect for rect, b, c in self._cells if (b, c) == (band, channel)), None)

    # --- layout ------------------------------------------------------------------------------

    def _layout(self) -> None:
        """Cells for every map: each band a title line and rows of squares, all scaled together
        to fit the widget; the widest arrangement (most columns) that gives the largest squares."""
        self._cells, self._titles = [], []
        if not self._bands:
            return
        title = self.fontMetrics().lineSpacing() + 2
        width, height = self.width() - 2, self.height() - 2
        strips = {b: self._strip_height(band, width) for b, band in enumerate(self._bands) if band.kind == "dense"}
        squares = [band for band in self._bands if band.kind != "dense"]
        best = None
        for most in COLUMN_CHOICES:
            shapes = [(min(len(b.maps), most), math.ceil(len(b.maps) / min(len(b.maps), most)))
                      for b in squares]
            cells = [min(width / cols - GAP, MAX_CELL) for cols, _ in shapes]
            need = sum(rows * (c + GAP) for (_, rows), c in zip(shapes, cells))
            room = height - len(self._bands) * title - sum(h + GAP for h in strips.values())
            if need > room:
                cells = [c * max(room, 10) / need for c in cells]
            if best is None or min(cells) > min(best[1]) + 0.5:
                best = (shapes, cells)
        shapes, cells = iter(best[0]), iter(best[1])
        y = 1.0
        for b, band in enumerate(self._bands):
            self._titles.append((QRectF(1, y, width, title), band.title))
            y += title
            if band.kind == "dense":
                self._cells.append((QRectF(1, y, width, strips[b]), b, 0))
                y += strips[b] + GAP
                continue
            (cols, rows), cell = next(shapes), next(cells)
            for k in range(len(band.maps)):
                r, c = divmod(k, cols)
                self._cells.append((QRectF(1 + c * (cell + GAP), y + r * (cell + GAP), cell, cell), b, k))
            y += rows * (cell + GAP)

    @staticmethod
    def _strip_height(band: Band, width: float) -> float:
        """The dense inputs' strip: its pixels square if that is not too high, else flattened."""
        rows, cols = band.maps.shape[1:]
        return float(min(max(width * rows / max(cols, 1), 2.0 * rows), 4.0 * rows, 80.0))

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        self._layout()
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        for rect, text in self._titles:
            painter.setPen(self.palette().windowText().color())
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        tops = {b: float(np.max(band.maps)) if band.maps.size else 1.0 for b, band in enumerate(self._bands)}
        for rect, b, k in self._cells:
            band = self._bands[b]
            if band.kind == "kernel":
                image = signed_image(band.maps[k])
            else:
                image = grey_image(band.maps[k], tops[b])
            draw_pixels(painter, rect, image)
        if self._mark is not None:
            b, k, y, x = self._mark
            rect = next((r for r, bb, kk in self._cells if (bb, kk) == (b, k)), None)
            if rect is not None and b < len(self._bands):
                h, w = self._bands[b].maps.shape[1:]
                painter.setPen(QPen(HIGHLIGHT, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(rect.x() + x * rect.width() / w, rect.y() + y * rect.height() / h,
                                        rect.width() / w, rect.height() / h))
                painter.setPen(QPen(QColor(HIGHLIGHT), 1))
                painter.drawRect(rect.adjusted(-1, -1, 1, 1))
        painter.end()

    # --- the mouse ---------------------------------------------------------------------------

    def pixel_at(self, x: float, y: float) -> tuple[int, int, int, int] | None:
        """(band, channel, row, column) of the map pixel at widget point (x, y), or None."""
        self._layout()
        for rect, b, k in self._cells:
            if rect.contains(x, y):
                h, w = self._bands[b].maps.shape[1:]
                row = min(int((y - rect.y()) / rect.height() * h), h - 1)
                col = min(int((x - rect.x()) / rect.width() * w), w - 1)
                return b, k, row, col
        return None

    def mouseMoveEvent(self, event) -> None:
        hit = self.pixel_at(event.position().x(), event.position().y())
        if hit is None:
            self.left.emit()
        else:
            self.hovered.emit(*hit)

    def leaveEvent(self, event) -> None:
        self.left.emit()

    def mousePressEvent(self, event) -> None:
        hit = self.pixel_at(event.position().x(), event.position().y())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            band = self._bands[hit[0]]
            if band.kind != "dense":                       # the strip is no filter's
                self.filter_clicked.emit(band.conv, hit[1])
