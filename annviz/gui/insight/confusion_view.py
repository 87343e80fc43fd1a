"""The confusion matrix: counts[true, predicted] as a 10×10 grid of numbers, and per-class accuracy.

Correct answers (the diagonal) are green, mistakes grey; the shade grows with log(1 + count),
each group scaled to its own largest cell, so that a handful of mistakes still shows beside a
thousand correct answers. Rows are the true class, columns the prediction. Clicking a cell
emits ``cell_clicked(true, predicted)``; beside each row a bar shows that class's accuracy.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QFontMetrics

from annviz.gui.common import zoom
from annviz.gui.common.colors import RIGHT, WRONG
from annviz.gui.insight.plots import ClickableImage

CORRECT = np.array(RIGHT.getRgb()[:3], dtype=np.float64)   # dark green (blue and orange mean a sign)
MISTAKE = np.array(WRONG.getRgb()[:3], dtype=np.float64)   # dark grey
BLANK = np.array([250, 250, 250], dtype=np.float64)


def confusion_colours(confusion: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """RGB (n, n, 3) uint8 cell colours and the shade t in [0, 1] of each cell."""
    n = len(confusion)
    diagonal = np.eye(n, dtype=bool)
    shade = np.log1p(confusion.astype(np.float64))
    for group in (diagonal, ~diagonal):
        top = shade[group].max(initial=0.0)
        if top > 0:
            shade[group] /= top
    hue = np.where(diagonal[..., None], CORRECT, MISTAKE)
    rgb = BLANK + shade[..., None] * (hue - BLANK)
    return rgb.round().astype(np.uint8), shade


class ConfusionView(pg.GraphicsLayoutWidget):
    """Counts in cells, colour by count; a per-class accuracy bar beside each row."""

    cell_clicked = Signal(int, int)  # true, predicted

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setBackground(None)
        self.setMinimumSize(480, 400)
        self._matrix = self.addPlot(row=0, col=0, enableMenu=False)
        self._accuracy = self.addPlot(row=0, col=1, enableMenu=False)
        self.ci.layout.setColumnStretchFactor(0, 5)
        self.ci.layout.setColumnStretchFactor(1, 1)
        for plot in (self._matrix, self._accuracy):
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.invertY(True)
        self._matrix.getViewBox().setAspectLocked(True)
        self._accuracy.setYLink(self._matrix)
        self._accuracy.getAxis("left").setStyle(showValues=False)
        self._accuracy.getAxis("top").setStyle(showValues=False)
        self._image = ClickableImage()
        self._image.clicked.connect(self.cell_clicked)
        self._matrix.addItem(self._image)
        self._bars = pg.BarGraphItem(x0=[], y=[], height=0.6, width=[], brush=pg.mkBrush(CORRECT))
        self._accuracy.addItem(self._bars)
        self._cells: list[pg.TextItem] = []
        self._bar_texts: list[pg.TextItem] = []
        self._confusion = np.zeros((0, 0), dtype=np.int64)
        self._accuracy_title = ""
        self._selection = pg.PlotCurveItem(pen=zoom.pen((20, 20, 20), width=3))
        self._matrix.addItem(self._selection)

    def set_axis_titles(self, true_title: str, predicted_title: str, accuracy_title: str) -> None:
        self._matrix.setLabel("left", true_title)
        self._matrix.setLabel("top", predicted_title)
        self._matrix.showAxis("top")
        self._matrix.hideAxis("bottom")
        self._accuracy.setLabel("top", accuracy_title)
        self._accuracy.showAxis("top")
        self._accuracy.hideAxis("bottom")
        self._accuracy_title = accuracy_title
        self.rezoom()

    def rezoom(self) -> None:
        """The accuracy column at least as wide as its title, at the zoom now."""
        width = QFontMetrics(zoom.font()).horizontalAdvance(self._accuracy_title) + zoom.px(16)
        self.ci.layout.setColumnMinimumWidth(1, width)

    def show_confusion(self, confusion: np.ndarray, class_names: list[str], per_class: np.ndarray) -> None:
        """The matrix of counts[true, predicted] and each true class's accuracy."""
        self._confusion = confusion
        n = len(confusion)
        rgb, shade = confusion_colours(confusion)
        self._image.setImage(rgb, levels=(0, 255), autoLevels=False)
        font = zoom.font(1.2 if n <= 10 else 0.9)
        self._ensure_texts(n * n, self._cells, self._matrix, font)
        for t, item in enumerate(self._cells):
            row, col = divmod(t, n)
            item.setVisible(t < n * n)
            if t < n * n:
                item.setText(f"{confusion[row, col]:,}")
                item.setColor((255, 255, 255) if shade[row, col] > 0.55 else (40, 40, 40))
                item.setPos(col + 0.5, row + 0.5)
        ticks = [list(enumerate(f"{i} {name}" if name != str(i) else name for i, name in enumerate(class_names)))]
        self._matrix.getAxis("left").setTicks([[(i + 0.5, s) for i, s in ticks[0]]])
        self._matrix.getAxis("top").setTicks([[(i + 0.5, str(i)) for i in range(n)]])
        accuracy = np.nan_to_num(per_class)
        self._bars.setOpts(x0=np.zeros(n), y=np.arange(n) + 0.5, width=accuracy)
        self._ensure_texts(n, self._bar_texts, self._accuracy, font, anchor=(1.0, 0.5))
        for i, item in enumerate(self._bar_texts):
            item.setVisible(i < n)
            if i < n:
                item.setText("–" if np.isnan(per_class[i]) else f"{100 * per_class[i]:.1f}%")
                inside = accuracy[i] >= 0.35
                item.setAnchor((1.0, 0.5) if inside else (0.0, 0.5))
                item.setColor((255, 255, 255) if inside else (40, 40, 40))
                item.setPos(accuracy[i] + (-0.02 if inside else 0.02), i + 0.5)
        self._matrix.setRange(xRange=(0, n), yRange=(0, n), padding=0.02)
        self._accuracy.setXRange(0, 1, padding=0.02)
        self.mark_cell(None, None)

    def mark_cell(self, true: int | None, predicted: int | None) -> None:
        """Outline the selected cell (or none)."""
        if true is None:
            self._selection.setData([], [])
            return
        x, y = predicted, true
        self._selection.setData([x, x + 1, x + 1, x, x], [y, y, y + 1, y + 1, y])

    @staticmethod
    def _ensure_texts(count, items, plot, font, anchor=(0.5, 0.5)) -> None:
        while len(items) < count:
            item = pg.TextItem(anchor=anchor)
            item.setFont(font)
            plot.addItem(item)
            items.append(item)

    def cell_center(self, true: int, predicted: int):
        """Scene coordinates of the centre of cell (true, predicted)."""
        return self._matrix.getViewBox().mapViewToScene(pg.Point(predicted + 0.5, true + 0.5))
