"""The network diagram's words: the column titles, the class names and the "⋮" of long columns.

``DiagramLabels`` owns these text items of the diagram's view box and keeps them legible: a column
title no wider than the gap to the next column (and its two lines in ``TITLE_ROOM`` above the
columns), the class names no taller than their spacing — and never written smaller than
``LEGIBLE`` of the text size. For that the drawing must not scale below ``least_scale()``;
``NetworkDiagram`` composes it, says what the titles read and keeps its view that large.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import QToolButton

from annviz.gui.common import zoom
from annviz.gui.explorer.diagram_layout import COLUMN_GAP, INPUT_SIDE, ColumnLayout

LEGIBLE = 0.8                   # the smallest share of the text size the diagram writes in
TITLE_ROOM = 0.18               # the column titles (their two lines) above y = 0.02


class DiagramLabels:
    """The text items of one diagram's view box, made again for each architecture (``build``)."""

    def __init__(self, box: pg.ViewBox):
        self._box = box
        self._layout = ColumnLayout([])
        self._texts: list[pg.TextItem] = []
        self._column_labels: list[pg.TextItem] = []
        self._output_labels: list[pg.TextItem] = []        # the class names beside the last column

    def build(self, layout: ColumnLayout, class_names) -> None:
        """The "⋮" of each gap, the class names beside the last column and an empty title over
        each column of ``layout`` (in place of the previous architecture's)."""
        for item in self._texts + self._column_labels:
            self._box.removeItem(item)
        self._texts, self._column_labels, self._output_labels = [], [], []
        self._layout = layout
        for x, y in layout.gaps:
            # Only "⋮" in the column, on the background's colour above the edges; how many are left
            # out is written in the column's title, where no edge passes.
            more = pg.TextItem("⋮", anchor=(0.5, 0.5), color=(200, 200, 200), fill=pg.mkBrush(24, 24, 28))
            more.setZValue(5)
            more.setPos(x, y)
            self._add(more)
        if layout.sizes:
            last = len(layout.sizes) - 1
            for i, name in zip(layout.shown[last], class_names):
                text = pg.TextItem(name, anchor=(0, 0.5), color=(230, 230, 230))
                text.setPos(layout.x[last][0] + 1.6 * layout.radius[last], layout.y[last][i])
                self._add(text)
                self._output_labels.append(text)
        for layer in range(len(layout.sizes)):
            label = pg.TextItem(anchor=(0.5, 1.0), color=(200, 200, 200))
            label.textItem.document().setDocumentMargin(0)     # its lines end at y = 0.02, not 4 px above
            label.setPos(INPUT_SIDE / 2 if layer == 0 else layout.x[layer][0], 0.02)
            self._box.addItem(label)
            self._column_labels.append(label)

    def _add(self, item: pg.TextItem) -> None:
        self._box.addItem(item)
        self._texts.append(item)

    def titles(self) -> list[str]:
        """The title over each column, input layer first."""
        return [label.toPlainText() for label in self._column_labels]

    def set_titles(self, titles: list[str]) -> None:
        for label, text in zip(self._column_labels, titles):
            label.setText(text)

    def fit(self, pixel: float) -> None:
        """Fonts for ``pixel`` view units a pixel: column titles no wider than the gap between
        columns, class names no taller than their spacing — never smaller than ``LEGIBLE`` of the
        text size (``least_scale`` says how large the drawing must be for that)."""
        for layer, label in enumerate(self._column_labels):
            base = zoom.font()
            font = QFont(base)
            room = (self._title_room(layer) / pixel, TITLE_ROOM / pixel)
            while True:                                  # a narrow diagram, a big zoom: smaller
                width, height = self._title_extent(label, font)
                least = LEGIBLE * base.pointSizeF()
                if (width <= room[0] and height <= room[1]) or font.pointSizeF() <= least:
                    break
                shrink = min(room[0] / max(width, 1), room[1] / max(height, 1), 0.98)
                font.setPointSizeF(max(least, shrink * font.pointSizeF()))
            label.setFont(font)
        if self._output_labels:                          # class names no taller than their spacing
            spacing = self._output_spacing() / pixel
            font = zoom.font()
            height = QFontMetrics(font).height()
            if height > spacing:
                font.setPointSizeF(max(LEGIBLE * zoom.font().pointSizeF(), font.pointSizeF() * spacing / height))
            for text in self._output_labels:
                text.setFont(font)

    def least_scale(self) -> float | None:
        """The least scale (pixels per view unit) at which the titles and class names are written
        at ``LEGIBLE`` of the text size or more; None with no network."""
        if not self._layout.sizes:
            return None
        font = zoom.font()
        scale = LEGIBLE * QFontMetrics(font).height() / self._output_spacing()
        legible = QFont(font)
        legible.setPointSizeF(LEGIBLE * font.pointSizeF())
        for layer, label in enumerate(self._column_labels):
            width, height = self._title_extent(label, legible)
            scale = max(scale, width / self._title_room(layer), height / TITLE_ROOM)
        return scale

    def _title_room(self, layer: int) -> float:
        """The width (view units) a column's title may take: the gap to the next column, and the
        last one no further than the right edge."""
        room = 0.95 * COLUMN_GAP
        if layer == len(self._column_labels) - 1 and layer > 0:
            room = min(room, 2 * 0.95 * (self._layout.width - self._layout.x[layer][0]))
        return room

    @staticmethod
    def _title_extent(label, font) -> tuple[float, float]:
        """The width and height (pixels) a column title takes written in ``font``."""
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        doc.setPlainText(label.toPlainText())
        return doc.idealWidth(), doc.size().height()

    def _output_spacing(self) -> float:
        ys = self._layout.y[len(self._layout.sizes) - 1] if self._layout.sizes else []
        return float(ys[1] - ys[0]) if len(ys) > 1 else 1.0


def fit_button(button: QToolButton, text: str) -> None:
    """Wide enough for ``text`` in bold (as a checked button draws it), so that turning it on
    never cuts the words."""
    bold = QFont(zoom.font())
    bold.setBold(True)
    button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(text.replace("&", "")) + zoom.px(14))
