"""Small pyqtgraph pieces the insight views share: a clickable image panel and a bar chart.

Items are created once and updated with ``setImage`` / ``setOpts`` (STYLE.md). Images are
row-major (rows, cols): ``ImagePanel`` switches pyqtgraph to that order once.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal

from annviz.gui.common import zoom
from annviz.gui.common.colors import NEGATIVE, POSITIVE, activation_colormap, symmetric_level, weight_colormap

pg.setConfigOptions(imageAxisOrder="row-major")


def mosaic(tiles: np.ndarray, columns: int, gap: int = 1) -> np.ndarray:
    """(n, h, w) tiles → one (rows·(h+gap)−gap, columns·(w+gap)−gap) image, NaN (clear) between."""
    n, h, w = tiles.shape
    rows = -(-n // columns)
    out = np.full((rows * (h + gap) - gap, columns * (w + gap) - gap), np.nan, dtype=np.float32)
    for t in range(n):
        r, c = divmod(t, columns)
        out[r * (h + gap):r * (h + gap) + h, c * (w + gap):c * (w + gap) + w] = tiles[t]
    return out


class ClickableImage(pg.ImageItem):
    clicked = Signal(int, int)  # row, col
    hovered = Signal(int, int)  # row, col; (-1, -1) when the mouse leaves

    def __init__(self):
        super().__init__()
        self.setAcceptHoverEvents(True)

    def _cell(self, pos) -> tuple[int, int] | None:
        row, col = int(np.floor(pos.y())), int(np.floor(pos.x()))
        if self.image is None or not (0 <= row < self.image.shape[0] and 0 <= col < self.image.shape[1]):
            return None
        return row, col

    def mouseClickEvent(self, ev):  # noqa: N802 — pyqtgraph's hook
        cell = self._cell(ev.pos())
        if ev.button() == Qt.MouseButton.LeftButton and cell is not None:
            ev.accept()
            self.clicked.emit(*cell)

    def hoverEvent(self, ev):  # noqa: N802 — pyqtgraph's hook
        cell = None if ev.isExit() else self._cell(ev.pos())
        self.hovered.emit(*(cell or (-1, -1)))


class ImagePanel(pg.GraphicsLayoutWidget):
    """A titled image with square pixels, no panning; emits the pixel clicked or hovered."""

    pixel_clicked = Signal(int, int)
    pixel_hovered = Signal(int, int)

    def __init__(self, parent=None, size: int = 200):
        super().__init__(parent)
        self.setBackground(None)
        self.setMinimumSize(size, size)
        self.ci.layout.setContentsMargins(2, 2, 2, 2)
        self.view = self.addViewBox(row=1, col=0, lockAspect=True, invertY=True, enableMenu=False)
        self.view.setMouseEnabled(False, False)
        self.image = ClickableImage()
        self.view.addItem(self.image)
        self.image.clicked.connect(self.pixel_clicked)
        self.image.hovered.connect(self.pixel_hovered)
        self._title = self.addLabel("", row=0, col=0)
        self.marker = pg.ScatterPlotItem(size=zoom.px(10), symbol="s", pen=zoom.pen("k", width=2), brush=None)
        self.view.addItem(self.marker)

    def set_title(self, text: str) -> None:
        self._title.setText(text)

    def title(self) -> str:
        return self._title.text

    def show_signed(self, values: np.ndarray, level: float | None = None) -> float:
        """Signed values in the diverging weight colours, levels (−m, m); returns m."""
        m = level or symmetric_level(values[np.isfinite(values)])
        self.image.setImage(np.ascontiguousarray(values, dtype=np.float32), levels=(-m, m),
                            lut=weight_colormap().getLookupTable(nPts=256), autoLevels=False)
        self.view.autoRange(padding=0)
        return m

    def show_grey(self, values: np.ndarray) -> None:
        """Values in [0, 1] as MNIST ink (black → white)."""
        self.image.setImage(np.ascontiguousarray(values, dtype=np.float32), levels=(0, 1),
                            lut=activation_colormap().getLookupTable(nPts=256), autoLevels=False)
        self.view.autoRange(padding=0)

    def show_rgba(self, rgba: np.ndarray) -> None:
        self.image.setImage(rgba, levels=(0, 255), autoLevels=False)
        self.view.autoRange(padding=0)

    def mark(self, row: int | None, col: int | None) -> None:
        """A square around pixel (row, col), or none."""
        self.marker.setData([] if row is None else [col + 0.5], [] if row is None else [row + 0.5])


class BarsPanel(pg.PlotWidget):
    """A bar per value with its number written above; one bar may be highlighted."""

    def __init__(self, parent=None):
        super().__init__(parent, enableMenu=False)
        self.setBackground(None)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.showGrid(y=True, alpha=0.2)
        self._bars = pg.BarGraphItem(x=[], height=[], width=0.7)
        self.addItem(self._bars)
        self._texts: list[pg.TextItem] = []

    def show_values(self, values, labels: list[str] | None = None, highlight: int | None = None,
                    y_range: tuple[float, float] | None = None) -> None:
        values = np.asarray(values, dtype=np.float64)
        n = len(values)
        brushes = [pg.mkBrush(POSITIVE if v >= 0 else NEGATIVE) for v in values]
        if highlight is not None and 0 <= highlight < n:
            brushes[highlight] = pg.mkBrush((40, 160, 90))
        self._bars.setOpts(x=np.arange(n), height=values, brushes=brushes)
        while len(self._texts) < n:
            item = pg.TextItem(anchor=(0.5, 1.0), color=(60, 60, 60))
            self.addItem(item)
            self._texts.append(item)
        show_text = n <= 16
        small = 0 < np.abs(values).max(initial=0) < 0.1   # δ and gradients: keep 3 significant digits
        for i, item in enumerate(self._texts):
            item.setVisible(show_text and i < n)
            if show_text and i < n:
                v = values[i]
                item.setText("0" if v == 0 else f"{v:.2e}" if small else f"{v:.3f}")
                item.setAnchor((0.5, 1.0) if values[i] >= 0 else (0.5, 0.0))
                item.setPos(i, values[i])
        axis = self.getAxis("bottom")
        axis.setTicks([list(enumerate(labels or [str(i) for i in range(n)]))] if n <= 32 else None)
        low, high = y_range or (min(0.0, values.min(initial=0)), max(0.0, values.max(initial=0)))
        pad = 0.15 * (high - low or 1.0)
        self.setYRange(low - (pad if low < 0 else 0), high + pad, padding=0)
        self.setXRange(-0.6, n - 0.4, padding=0)
