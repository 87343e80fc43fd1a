"""The deeper layers' weight matrices as heatmaps, and every layer's biases as bars.

Row i of the matrix W⁽ˡ⁾ holds neuron i's incoming weights; each matrix has its own symmetric
scale (zero is the neutral colour) and square cells; the first layer's biases span the top row.
Each row of plots has at least ``ROW_HEIGHT`` pixels at 100 % (titles on two lines keep the
columns narrow) and the view is as high as its plots ask — it scrolls when the dock is smaller —
so 16×16 matrices stay readable at 1280×800, and every bias bar is in view. Each matrix's biases
stand beside it where the panel is wide enough, else under it (``columns``); only a panel
narrower than one plot scrolls sideways. The plots are created
when the architecture changes and updated in place when the weights change — while the view is
on screen: a hidden one (a tab behind, as at the app's start) catches up when shown, or when a
public method reads what it shows. Clicking a matrix
row or a bias selects that neuron. A colour legend strip sits underneath.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from annviz.gui.common import zoom
from annviz.gui.common.colors import NEGATIVE, POSITIVE, sign_legend_html, symmetric_level, weight_colormap
from annviz.gui.common.names import layer_name, layer_superscript, neuron_name, number
from annviz.gui.state import AppState

#: The least height of a row of plots, in pixels: the first biases alone, then a matrix and its biases.
BIAS_ROW_HEIGHT, ROW_HEIGHT = 130, 180
SPACING = 6                       # between two plots side by side, in pixels


def _quiet(plot: pg.PlotItem) -> pg.PlotItem:
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    for side in ("left", "bottom"):
        plot.getAxis(side).enableAutoSIPrefix(False)   # a bias of 0.5 reads 0.5, not "500 (×0.001)"
    return plot


def neuron_ticks(n: int, names=None, offset: float = 0.0, most: int = 10) -> list[list[tuple[float, str]]]:
    """Axis ticks naming neurons as the screen does: from 1, or by class (``names``); at most
    ``most`` of them, evenly spaced. Neuron i sits at ``i + offset`` on the axis."""
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if n / s <= most)
    label = (lambda i: str(names[i])) if names is not None and len(names) == n else (lambda i: str(i + 1))
    shown = range(0, n, step) if step == 1 else range(step - 1, n, step)   # 1, 2, … or 5, 10, …
    return [[(i + offset, label(i)) for i in shown]]


class LayerMatrices(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self._view = pg.GraphicsLayoutWidget()
        self._view.setBackground(None)
        self._view.ci.layout.setHorizontalSpacing(SPACING)
        self._scroll = QScrollArea()
        self._scroll.setWidget(self._view)
        self._scroll.setWidgetResizable(True)
        # Sideways only when even one column is wider than the panel (a narrow panel at 150 %)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self.legend)
        self._matrices: dict[int, tuple[pg.PlotItem, pg.ImageItem]] = {}   # by weight layer ≥ 1
        self._biases: list[tuple[pg.PlotItem, pg.BarGraphItem]] = []       # by weight layer
        self._columns, self._row_heights = 0, []        # how the plots are arranged (``_arrange``)
        self._signs = (pg.mkBrush(NEGATIVE), pg.mkBrush(POSITIVE))
        self._lut = weight_colormap().getLookupTable(nPts=256)
        self._view.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self._view.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._stale_model = self._stale_weights = False   # changed while hidden: drawn when shown
        state.model_changed.connect(self._on_model_changed)
        state.weights_changed.connect(self._on_weights_changed)
        self._on_model_changed()

    def showEvent(self, event) -> None:  # noqa: N802 — Qt's hook: catch up with what changed while hidden
        self._catch_up()
        super().showEvent(event)

    def _catch_up(self) -> None:
        if self._stale_model:
            self._build()
        elif self._stale_weights:
            self._draw_weights()

    def retranslate(self) -> None:
        net = self._state.network
        if net is None:
            return
        n = len(net.sizes)
        for l, (plot, _) in self._matrices.items():
            plot.setTitle(self.tr("weights W{l} ({rows}×{cols})<br>{src} → {dst}").format(
                l=layer_superscript(l + 1), src=layer_name(l, n), dst=layer_name(l + 1, n),
                rows=net.sizes[l + 1], cols=net.sizes[l]), size="9pt")
            plot.setLabel("left", self.tr("neuron"))
            plot.setLabel("bottom", self.tr("input from neuron"))
        for l, (plot, _) in enumerate(self._biases):
            plot.setTitle(self.tr("biases b{l}<br>{layer}").format(l=layer_superscript(l + 1),
                                                                   layer=layer_name(l + 1, n)), size="9pt")
            plot.setLabel("bottom", self.tr("neuron"))
            plot.setLabel("left", self.tr("bias b"))
        self.legend.setText(sign_legend_html(self.tr("blue: negative"), self.tr("orange: positive"),
                                             self.tr("0")))
        self._fit_height()                            # the titles' new words may take another line
        self._arrange()                               # ... or not fit beside each other


    def _on_model_changed(self) -> None:
        """A new model: its plots now if shown, else when first shown (a tab behind at start)."""
        self._stale_model = True
        if self.isVisible():
            self._build()

    def _build(self) -> None:
        self._stale_model = self._stale_weights = False
        self._view.clear()
        self._matrices, self._biases = {}, []
        net = self._state.network
        if net is None:
            return
        for l in range(net.n_layers):
            if l >= 1:
                plot = _quiet(pg.PlotItem(enableMenu=False))
                plot.invertY(True)
                plot.setAspectLocked(True)                 # square cells
                image = pg.ImageItem(np.zeros(net.weights[l].shape, np.float32), axisOrder="row-major")
                image.setLookupTable(self._lut)
                plot.addItem(image)
                rows, cols = net.weights[l].shape
                plot.setRange(xRange=(0, cols), yRange=(0, rows), padding=0.02)
                names = self._state.class_names if l == net.n_layers - 1 else None
                plot.getAxis("left").setTicks(neuron_ticks(rows, names, offset=0.5))   # cell i: [i, i + 1)
                plot.getAxis("bottom").setTicks(neuron_ticks(cols, offset=0.5))
                self._matrices[l] = (plot, image)
            bias_plot = _quiet(pg.PlotItem(enableMenu=False))
            n = net.sizes[l + 1]
            bars = pg.BarGraphItem(x=np.arange(n), height=np.zeros(n), width=0.8, pen=None)
            bias_plot.addItem(bars)
            bias_plot.setXRange(-0.6, n - 0.4, padding=0)   # every bar in view
            names = self._state.class_names if l == net.n_layers - 1 else None
            bias_plot.getAxis("bottom").setTicks(neuron_ticks(n, names))
            self._biases.append((bias_plot, bars))
        self._columns = 0
        self.retranslate()
        self._arrange()
        self._draw_weights()

    def columns(self) -> int:
        """2: each matrix with its biases beside it; 1: the biases under it (a narrow panel)."""
        self._catch_up()
        return self._columns

    def _two_columns_width(self) -> float:
        """The least width of the plots with each matrix's biases beside it."""
        spacing = SPACING         # set, not asked of the style (which crashed with the view not shown)
        margins = self._view.ci.layout.getContentsMargins()         # left, top, right, bottom
        widest = max([bias.minimumWidth() for bias, _ in self._biases[:1]]
                     + [matrix.minimumWidth() + self._biases[l][0].minimumWidth() + spacing
                        for l, (matrix, _) in self._matrices.items()])
        return widest + margins[0] + margins[2] + 2

    def _one_column_width(self) -> float:
        """The least width of the plots one under the other."""
        margins = self._view.ci.layout.getContentsMargins()
        plots = [bias for bias, _ in self._biases] + [matrix for matrix, _ in self._matrices.values()]
        return max(plot.minimumWidth() for plot in plots) + margins[0] + margins[2] + 2

    def _arrange(self) -> None:
        """The plots in two columns if they fit the width the view has, else in one (each
        matrix, then its biases, under it): never wider than the view, whose right part would be
        cut (it scrolls only up and down)."""
        if not self._biases:
            return
        two = self._two_columns_width()
        columns = 2 if two <= self._scroll.viewport().width() else 1
        # no narrower than the plots: a view narrower than its plots shows their left part only
        self._view.setMinimumWidth(int(two if columns == 2 else self._one_column_width()))
        if columns == self._columns:
            return
        self._columns = columns
        layout = self._view.ci
        for plot in [p for p, _ in self._biases] + [p for p, _ in self._matrices.values()]:
            if plot in layout.items:
                layout.removeItem(plot)
        heights, row = [], 0
        for l, (bias, _) in enumerate(self._biases):
            if l >= 1:
                layout.addItem(self._matrices[l][0], row=row, col=0)
                if columns == 1:
                    heights.append(ROW_HEIGHT)
                    row += 1
            # The first layer's biases have no matrix beside them: they take the whole top row.
            layout.addItem(bias, row=row, col=0 if l == 0 or columns == 1 else 1,
                           colspan=2 if l == 0 and columns == 2 else 1)
            heights.append(BIAS_ROW_HEIGHT if l == 0 or columns == 1 else ROW_HEIGHT)
            row += 1
        self._row_heights = heights
        self._size_rows()

    def _size_rows(self) -> None:
        for row, height in enumerate(self._row_heights):
            self._view.ci.layout.setRowMinimumHeight(row, zoom.px(height))
        self._fit_height()

    def resizeEvent(self, event) -> None:  # noqa: N802 — Qt's hook: one column or two for the new width
        super().resizeEvent(event)
        if not self._stale_model:
            self._arrange()

    def _fit_height(self) -> None:
        """The view as high as its plots ask — their titles, axes and rows at the zoom — so that
        scrolled to its end it shows the last plot whole."""
        net = self._state.network
        if net is None or self._stale_model:
            return
        plots = self._view.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).height()
        frame = self._view.height() - self._view.viewport().height()
        self._view.setMinimumHeight(int(plots + 0.999) + max(frame, 0))

    def rezoom(self) -> None:
        """Rows of the zoom's height, and columns for the plots' new widths (a model shown later
        is built at the zoom of then)."""
        if self._stale_model or not self._biases:
            return
        self._size_rows()
        self._arrange()

    def _on_weights_changed(self) -> None:
        if self.isVisible():
            self._draw_weights()
        else:
            self._stale_weights = True

    def _draw_weights(self) -> None:
        net = self._state.network
        if net is None or self._stale_model:
            return
        self._stale_weights = False
        for l, (_plot, image) in self._matrices.items():
            m = symmetric_level(net.weights[l])
            image.setImage(net.weights[l], levels=(-m, m))
        for b, (plot, bars) in zip(net.biases, self._biases):
            bars.setOpts(height=b, brushes=[self._signs[int(v >= 0)] for v in b])
            m = symmetric_level(b)
            plot.setYRange(-m, m, padding=0.05)

    def neuron_at(self, scene_pos) -> tuple[int, int, int | None] | None:
        """(layer of ``sizes``, neuron, input neuron or None) under a scene position, if any."""
        net = self._state.network
        for l, (plot, _image) in self._matrices.items():
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                p = plot.vb.mapSceneToView(scene_pos)
                row, col = int(np.floor(p.y())), int(np.floor(p.x()))
                if 0 <= row < net.sizes[l + 1] and 0 <= col < net.sizes[l]:
                    return l + 1, row, col
        for l, (plot, _) in enumerate(self._biases):
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                i = int(np.rint(plot.vb.mapSceneToView(scene_pos).x()))
                if 0 <= i < net.sizes[l + 1]:
                    return l + 1, i, None
        return None

    def _on_mouse_clicked(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.neuron_at(event.scenePos())
            if hit is not None:
                self._state.select_neuron(hit[0], hit[1])

    def _on_mouse_moved(self, scene_pos) -> None:
        hit = self.neuron_at(scene_pos)
        net = self._state.network
        if hit is None:
            self._view.setToolTip("")
        elif hit[2] is None:
            b = float(net.biases[hit[0] - 1][hit[1]])
            name = neuron_name(hit[0], hit[1], len(net.sizes), self._state.class_names)
            self._view.setToolTip(self.tr("{neuron}: bias b = {b}").format(neuron=name, b=number(b, 3)))
        else:
            layer, i, j = hit
            w = float(net.weights[layer - 1][i, j])
            n, names = len(net.sizes), self._state.class_names
            self._view.setToolTip(self.tr("weight from {source} to {target}: {w}").format(
                source=neuron_name(layer - 1, j, n, names), target=neuron_name(layer, i, n, names),
                w=number(w, 3)))

    def bias_axis(self, l: int) -> pg.AxisItem:
        """The value axis of weight layer ``l``'s bias bars (its ticks are what the screen reads)."""
        self._catch_up()
        return self._biases[l][0].getAxis("left")

    def matrix_shown(self, l: int) -> np.ndarray:
        """The values the heatmap of weight layer ``l`` (≥ 1: W⁽ˡ⁺¹⁾, rows = neurons) shows."""
        self._catch_up()
        return self._matrices[l][1].image.copy()

    def cell_center(self, l: int, row: int, col: int):
        """Scene coordinates of the centre of cell (row, col) of weight layer ``l``'s heatmap."""
        self._catch_up()
        plot, _ = self._matrices[l]
        return plot.vb.mapViewToScene(pg.Point(col + 0.5, row + 0.5))
