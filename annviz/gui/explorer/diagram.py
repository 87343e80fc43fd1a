"""The network diagram, 3Blue1Brown style: layers as columns of circles lit by their activation.

The input layer is the 28×28 grid the network receives; every other layer is a column of circles
whose brightness is the neuron's activation for the current input. Edges are coloured by sign
(the diverging pair of ``common.colors``) with opacity and width by size. With an input they show
weight × incoming activation, the part each connection adds to z; without one, the weights
(and nothing from the blank input layer). Small
layers show every edge, big ones the strongest ``EDGE_BUDGET``. Columns with more than
``MAX_SHOWN`` neurons show the first and last ones around an honest "⋮ n more".

Speed: the items are created when the architecture changes; a new input or new weights only
update them in place. Edges are batched: eight ``PlotCurveItem`` (``connect="pairs"``), one per sign
and strength bucket, shared by all layers, never one item per edge.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsView, QVBoxLayout, QWidget

from annviz.gui.common.colors import activation_colormap, sign_color
from annviz.gui.i18n import is_language_change
from annviz.gui.state import AppState
from annviz.gui.explorer.names import layer_name, neuron_name, number
from annviz.gui.explorer.readout import strongest_edges

MAX_SHOWN = 32                  # circles per column at most
EDGE_BUDGET = 320               # edges per weight layer when not all of them fit
INPUT_SIDE, INPUT_TOP = 0.62, 0.19
FIRST_COLUMN, COLUMN_GAP = 1.05, 0.62
ALPHAS = (45, 95, 160, 235)     # edge opacity per strength bucket
WIDTHS = (1, 1, 1, 2)   # edge width in pixels per strength bucket (anti-aliased wide lines paint slowly)
GREYS = 33                      # quantised fill levels of the circles
SELECTED = (255, 190, 0)
BOUNDED = {"sigmoid", "softmax", "step"}


def shown_neurons(n: int) -> tuple[np.ndarray, int]:
    """Which neurons of an n-neuron layer get a circle, and how many are left out."""
    if n <= MAX_SHOWN:
        return np.arange(n), 0
    half = (MAX_SHOWN - 2) // 2
    return np.concatenate([np.arange(half), np.arange(n - half, n)]), n - 2 * half


class NetworkDiagram(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self._view = pg.GraphicsLayoutWidget()
        self._view.setBackground((24, 24, 28))
        # Nearly everything changes with each input; one simple clip paints far faster than the
        # union of many dirty rectangles.
        self._view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self._box = self._view.addViewBox(lockAspect=True, invertY=True, enableMouse=False,
                                          enableMenu=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self._input = pg.ImageItem(np.zeros((28, 28), np.float32), levels=(0.0, 1.0), axisOrder="row-major")
        self._input.setLookupTable(activation_colormap().getLookupTable(nPts=256))
        self._input.setRect(QRectF(0, INPUT_TOP, INPUT_SIDE, INPUT_SIDE))
        self._input.setZValue(2)
        self._frame = QGraphicsRectItem(QRectF(0, INPUT_TOP, INPUT_SIDE, INPUT_SIDE))
        self._frame.setPen(pg.mkPen((120, 120, 120), width=1))
        # pxMode: circles come from a cached pixmap (fast); sizes follow the zoom in _on_resized.
        self._neurons = pg.ScatterPlotItem(pxMode=True, pen=pg.mkPen((150, 150, 150), width=1))
        self._neurons.setZValue(3)
        self._ring = pg.ScatterPlotItem(pxMode=True, brush=None, pen=pg.mkPen(SELECTED, width=3))
        self._diameters = np.zeros(0)      # of the circles, in view units
        self._ring_diameter = 0.0
        self._ring.setZValue(4)
        for item in (self._input, self._frame, self._neurons, self._ring):
            self._box.addItem(item)
        grey = activation_colormap().getLookupTable(nPts=GREYS)
        self._brushes = np.array([pg.mkBrush(*rgb) for rgb in grey], dtype=object)
        # All layers' edges share 8 curves, one per sign and strength bucket: few items paint fast.
        self._edges: dict[tuple[bool, int], pg.PlotCurveItem] = {}
        for positive in (True, False):
            for bucket, (alpha, width) in enumerate(zip(ALPHAS, WIDTHS)):
                color = sign_color(1.0 if positive else -1.0, alpha)
                curve = pg.PlotCurveItem(pen=pg.mkPen(color, width=width), antialias=width <= 1)
                curve.setZValue(1 + bucket / 10)
                self._box.addItem(curve)
                self._edges[positive, bucket] = curve
        self._edge_counts: list[int] = []
        self._texts: list[pg.TextItem] = []
        self._column_labels: list[pg.TextItem] = []
        self._box.sigResized.connect(self._on_resized)
        self._view.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._view.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        state.model_changed.connect(self._on_model_changed)
        state.forward_changed.connect(self._on_forward_changed)
        state.neuron_selected.connect(self._on_neuron_selected)
        self._on_model_changed()

    # --- layout, once per architecture -------------------------------------------------------

    def _on_model_changed(self) -> None:
        for item in self._texts + self._column_labels:
            self._box.removeItem(item)
        self._texts, self._column_labels = [], []
        net = self._state.network
        self._sizes = [] if net is None else list(net.sizes)
        self._shown, self._x, self._y, self._radius = [], [], [], []
        # The input layer: pixel centres of the 28×28 grid.
        pixel = INPUT_SIDE / 28
        rows, cols = np.divmod(np.arange(784), 28)
        self._shown.append(np.arange(784))
        self._x.append((cols + 0.5) * pixel)
        self._y.append(INPUT_TOP + (rows + 0.5) * pixel)
        self._radius.append(pixel / 2)
        for layer, n in enumerate(self._sizes[1:], start=1):
            self._layout_column(layer, n)
        if self._sizes:
            self._diameters = np.concatenate([np.full(len(s), 2 * r) for s, r in
                                              zip(self._shown[1:], self._radius[1:])])
            self._neurons.setData(x=np.concatenate(self._x[1:]), y=np.concatenate(self._y[1:]))
            self._label_output()
        else:
            self._neurons.setData([], [])
        for layer in range(len(self._sizes)):
            label = pg.TextItem(anchor=(0.5, 1.0), color=(200, 200, 200))
            label.setPos(INPUT_SIDE / 2 if layer == 0 else self._x[layer][0], 0.02)
            self._box.addItem(label)
            self._column_labels.append(label)
        width = FIRST_COLUMN + COLUMN_GAP * max(len(self._sizes) - 2, 0) + 0.25
        self._box.setRange(xRange=(-0.05, width), yRange=(-0.1, 1.02), padding=0)
        self.retranslate()
        self._on_forward_changed()
        self._on_neuron_selected(*(self._state.selected or (-1, -1)))
        self._on_resized()

    def _on_resized(self, *args) -> None:
        """Circle sizes in pixels for the current zoom (the aspect is locked: one scale)."""
        pixel = self._box.viewPixelSize()[0]
        if not pixel > 0:
            return
        if len(self._diameters):
            self._neurons.setSize(self._diameters / pixel)
        if self._ring_diameter:
            self._ring.setSize(self._ring_diameter / pixel)

    def _layout_column(self, layer: int, n: int) -> None:
        shown, left_out = shown_neurons(n)
        slots = len(shown) + (1 if left_out else 0)
        spacing = min(0.06, 0.9 / max(slots - 1, 1))
        top = 0.55 - spacing * (slots - 1) / 2
        slot = np.arange(len(shown), dtype=float)
        if left_out:
            slot[len(shown) // 2:] += 1
            more = pg.TextItem(self.tr("⋮ {n} more").format(n=left_out), anchor=(0, 0.5),
                               color=(170, 170, 170))
            more.setPos(FIRST_COLUMN + COLUMN_GAP * (layer - 1) - 0.012, top + spacing * (len(shown) // 2))
            self._box.addItem(more)
            self._texts.append(more)
        self._shown.append(shown)
        self._x.append(np.full(len(shown), FIRST_COLUMN + COLUMN_GAP * (layer - 1)))
        self._y.append(top + slot * spacing)
        self._radius.append(0.4 * spacing)

    def _label_output(self) -> None:
        last = len(self._sizes) - 1
        for i, name in zip(self._shown[last], self._state.class_names):
            text = pg.TextItem(name, anchor=(0, 0.5), color=(230, 230, 230))
            text.setPos(self._x[last][0] + 1.6 * self._radius[last], self._y[last][i])
            self._box.addItem(text)
            self._texts.append(text)

    def retranslate(self) -> None:
        n_layers = len(self._sizes)
        for layer, label in enumerate(self._column_labels):
            label.setText(f"{layer_name(layer, n_layers)}\n{self._sizes[layer]}")

    def changeEvent(self, event) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # --- values, on every forward pass -------------------------------------------------------

    def _on_forward_changed(self) -> None:
        net, fwd = self._state.network, self._state.forward
        if net is None:
            for curve in self._edges.values():
                curve.setData([], [])
            return
        image = self._state.input_image
        self._input.setImage(np.zeros((28, 28), np.float32) if image is None else image,
                             levels=(0.0, 1.0))
        levels = []
        for layer in range(1, len(self._sizes)):
            if fwd is None:
                levels.append(np.zeros(len(self._shown[layer])))
                continue
            a = fwd.activations[layer][0, self._shown[layer]]
            if net.activation_names[layer - 1] not in BOUNDED:
                a = a / max(1.0, float(a.max(initial=0.0)))
            levels.append(a)
        grey = np.clip(np.rint(np.concatenate(levels) * (GREYS - 1)), 0, GREYS - 1).astype(int)
        self._neurons.setBrush(list(self._brushes[grey]))
        self._show_edges([self._layer_edges(layer) for layer in range(len(self._sizes) - 1)])

    def _show_edges(self, layers: list[tuple[np.ndarray, ...]]) -> None:
        """Each layer's (x0, y0, x1, y1, values, bucket) into the 8 shared curves."""
        self._edge_counts = [len(edges[0]) for edges in layers]
        x0, y0, x1, y1, values, bucket = (np.concatenate(parts) for parts in zip(*layers))
        for (positive, b), curve in self._edges.items():
            pick = (bucket == b) & ((values > 0) == positive)
            m = int(pick.sum())
            x, y = np.empty(2 * m), np.empty(2 * m)
            x[0::2], x[1::2], y[0::2], y[1::2] = x0[pick], x1[pick], y0[pick], y1[pick]
            curve.setData(x, y, connect="pairs")

    def _layer_edges(self, layer: int) -> tuple[np.ndarray, ...]:
        """The edges of weight layer ``layer`` worth drawing: ends, values, strength buckets."""
        net, fwd = self._state.network, self._state.forward
        if fwd is None and layer == 0:   # no input: no pixel sends anything
            return (np.zeros(0),) * 5 + (np.zeros(0, int),)
        src, dst = self._shown[layer], self._shown[layer + 1]
        if fwd is not None:                  # silent neurons (a = 0, e.g. blank pixels) send nothing
            a = fwd.activations[layer][0, src]
            src = src[a != 0]
        w = net.weights[layer][np.ix_(dst, src)]              # (n_dst, n_src)
        part = w if fwd is None else w * fwd.activations[layer][0, src]
        rows, cols = strongest_edges(part, EDGE_BUDGET)
        values = part[rows, cols]
        cols = np.searchsorted(self._shown[layer], src[cols])  # back to positions in the column
        top = float(np.abs(values).max(initial=0.0))
        strength = np.abs(values) / top if top > 0 else np.zeros_like(values)
        visible = strength > 0.02
        rows, cols, values, strength = rows[visible], cols[visible], values[visible], strength[visible]
        bucket = np.minimum((strength * len(ALPHAS)).astype(int), len(ALPHAS) - 1)
        return (self._x[layer][cols], self._y[layer][cols], self._x[layer + 1][rows],
                self._y[layer + 1][rows], values, bucket)

    def edge_count(self, layer: int) -> int:
        """How many edges weight layer ``layer`` draws now."""
        return self._edge_counts[layer]

    def _on_neuron_selected(self, layer: int, index: int) -> None:
        spot = self._position(layer, index)
        if spot is None:
            self._ring.setData([], [])
            return
        x, y, r = spot
        self._ring_diameter = 2.9 * r
        self._ring.setData([x], [y], symbol="s" if layer == 0 else "o")
        self._on_resized()

    # --- pointing ----------------------------------------------------------------------------

    def _position(self, layer: int, index: int) -> tuple[float, float, float] | None:
        if not 0 <= layer < len(self._shown):
            return None
        where = np.flatnonzero(self._shown[layer] == index)
        if where.size == 0:
            return None
        i = int(where[0])
        return float(self._x[layer][i]), float(self._y[layer][i]), self._radius[layer]

    def neuron_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The neuron (layer, index) drawn at view coordinates (x, y), if any."""
        if not self._sizes:
            return None
        pixel = INPUT_SIDE / 28
        col, row = int(np.floor(x / pixel)), int(np.floor((y - INPUT_TOP) / pixel))
        if 0 <= row < 28 and 0 <= col < 28:
            return 0, row * 28 + col
        for layer in range(1, len(self._sizes)):
            d2 = (self._x[layer] - x) ** 2 + (self._y[layer] - y) ** 2
            i = int(np.argmin(d2))
            if d2[i] <= (1.25 * self._radius[layer]) ** 2:
                return layer, int(self._shown[layer][i])
        return None

    def view_position(self, layer: int, index: int):
        """Scene coordinates of a neuron's centre (for tests and tools), or None if not drawn."""
        spot = self._position(layer, index)
        return None if spot is None else self._box.mapViewToScene(pg.Point(spot[0], spot[1]))

    def _on_mouse_moved(self, scene_pos) -> None:
        p = self._box.mapSceneToView(scene_pos)
        hit = self.neuron_at(p.x(), p.y())
        self._view.setToolTip("" if hit is None else self.tooltip(*hit))

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        p = self._box.mapSceneToView(event.scenePos())
        hit = self.neuron_at(p.x(), p.y())
        if hit is not None:
            self._state.select_neuron(*hit)

    def tooltip(self, layer: int, index: int) -> str:
        net, fwd = self._state.network, self._state.forward
        lines = [neuron_name(layer, index, len(self._sizes))]
        a = None if fwd is None else float(fwd.activations[layer][0, index])
        if layer == 0:
            lines.append(self.tr("brightness a = {a}").format(a="–" if a is None else number(a)))
            return "\n".join(lines)
        z = None if fwd is None else float(fwd.zs[layer - 1][0, index])
        lines.append(self.tr("activation a = {a}").format(a="–" if a is None else number(a, 3)))
        lines.append(self.tr("weighted input z = {z}").format(z="–" if z is None else number(z, 3)))
        lines.append(self.tr("bias b = {b}").format(b=number(float(net.biases[layer - 1][index]), 3)))
        return "\n".join(lines)
