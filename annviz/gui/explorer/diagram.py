"""The network diagram, 3Blue1Brown style: layers as columns of circles lit by their activation.

The input layer is the 28×28 grid the network receives; every other layer is a column of circles
whose brightness is the neuron's activation for the current input. Edges are coloured by sign
(the diverging pair of ``common.colors``) with opacity and width by size. With an input they show
weight × incoming activation, the part each connection adds to z; without one, the weights
(and nothing from the blank input layer). Small layers show every edge, big ones the strongest
``EDGE_BUDGET``. Columns with more than ``MAX_SHOWN`` neurons show the first and last ones around
an honest "⋮ n more". Where each neuron sits is ``diagram_layout.ColumnLayout``; its words:
``diagram_texts`` says them (titles, caption, tooltips), ``diagram_labels`` keeps them legible.

"Colour by contribution" shows instead how much each pixel, neuron and edge added to the score
z_k of the explained class (``state.explained_class``: the prediction, or the class chosen under
Insight → Why this answer), the core's ``attribution.contributions``: orange pushed z_k up, blue
down, each layer on its own symmetric scale. Clicking an edge picks its weight
(``state.select_weight``), e.g. for the numeric slope on the insight page.

Speed: the items are created when the architecture changes; a new input or new weights only
update them in place. Edges are one item of eight paths (``edges.EdgesItem``).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsRectItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annviz.gui.common import room, zoom
from annviz.gui.common.colors import (
    POSITIVE,
    activation_colormap,
    contribution_colormap,
    symmetric_level,
)
from annviz.gui.explorer.diagram_labels import DiagramLabels, fit_button
from annviz.gui.explorer.diagram_layout import INPUT_SIDE, INPUT_TOP, ColumnLayout, shown_neurons  # noqa: F401 (tests import it here)
from annviz.gui.explorer.diagram_texts import DiagramTexts
from annviz.gui.explorer.edges import EdgesItem, LayerEdges
from annviz.gui.state import AppState
from annviz.nn.attribution import Contributions
from annviz.nn.readout import strongest_edges

EDGE_BUDGET = 320               # edges per weight layer when not all of them fit
GREYS = 33                      # quantised fill levels of the circles (odd: zero has its own)
EDGE_TOLERANCE = 4              # pixels: how near an edge a click must be to pick it
SELECTED = (255, 190, 0)
X_FROM, Y_RANGE = -0.05, (-0.17, 1.02)   # the view's range (its right edge: the layout's width)
WHOLE_COLUMNS = 5               # the panel is as wide as a drawing of 5 columns asks; a deeper one scrolls
BOUNDED = {"sigmoid", "softmax", "step"}


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
        # The drawing fills the dark view: its least size (``_legible_size``) is the view's.
        self._view.ci.setContentsMargins(0, 0, 0, 0)
        self.contribution_action = QAction(self, checkable=True)
        self.contribution_action.toggled.connect(self._on_contribution_toggled)
        button = QToolButton()
        button.setDefaultAction(self.contribution_action)
        # On, the button is filled with the sign orange: the learner sees at once which mode is on.
        button.setStyleSheet(f"QToolButton:checked {{ background: {POSITIVE.name()}; color: white; "
                             "font-weight: bold; border: 1px solid #8a3a10; border-radius: 3px; }")
        self.contribution_button = button
        button.setObjectName("explorer-contribution")
        self._caption = QLabel()
        self._caption.setWordWrap(True)       # a narrow diagram (the training page, a big zoom): two lines
        self._caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 0)
        bar.addWidget(button)
        bar.addWidget(self._caption, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        # A deep network's drawing may be wider than its panel: it scrolls sideways there, rather
        # than making the whole page scroll (``_legible_size``).
        self._scroll = QScrollArea()
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidget(self._view)
        self._scroll.setWidgetResizable(True)
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self._scroll, 1)
        self.legend = QLabel()                 # the colour legend strip under the diagram
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setContentsMargins(4, 0, 4, 2)
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._legend_fit = room.WholeText(self.legend)      # wraps onto more lines, never cut
        layout.addWidget(self.legend)
        self._input = pg.ImageItem(np.zeros((28, 28), np.float32), levels=(0.0, 1.0), axisOrder="row-major")
        self._luts = {False: activation_colormap().getLookupTable(nPts=256),   # by activation
                      True: contribution_colormap().getLookupTable(nPts=256)}  # by contribution
        self._input.setLookupTable(self._luts[False])
        self._signed_input = False
        self._input.setRect(QRectF(0, INPUT_TOP, INPUT_SIDE, INPUT_SIDE))
        self._input.setZValue(2)
        self._frame = QGraphicsRectItem(QRectF(0, INPUT_TOP, INPUT_SIDE, INPUT_SIDE))
        self._frame.setPen(zoom.pen((120, 120, 120), width=1))
        # pxMode: circles come from a cached pixmap (fast); sizes follow the zoom in _on_resized.
        self._neurons = pg.ScatterPlotItem(pxMode=True, pen=zoom.pen((150, 150, 150), width=1))
        self._neurons.setZValue(3)
        self._ring = pg.ScatterPlotItem(pxMode=True, brush=None, pen=zoom.pen(SELECTED, width=3))
        self._diameters = np.zeros(0)      # of the circles, in view units
        self._ring_diameter = 0.0
        self._ring.setZValue(4)
        self._picked = pg.PlotCurveItem(pen=zoom.pen(SELECTED, width=3))   # the picked weight's edge
        self._picked.setZValue(2.5)
        for item in (self._input, self._frame, self._neurons, self._ring, self._picked):
            self._box.addItem(item)
        self._brushes = {signed: np.array([pg.mkBrush(*rgb) for rgb in cmap.getLookupTable(nPts=GREYS)],
                                          dtype=object)
                         for signed, cmap in ((False, activation_colormap()),
                                              (True, contribution_colormap()))}
        self._edges = EdgesItem(self._box)
        self.contributions: Contributions | None = None   # what the colours show, when by contribution
        self._labels = DiagramLabels(self._box)            # column titles, class names, "⋮"
        self._words = DiagramTexts(state, self)            # caption, legend, tooltips
        self._box.sigResized.connect(self._on_resized)
        self._view.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._view.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        state.model_changed.connect(self._on_model_changed)
        state.forward_changed.connect(self._on_forward_changed)
        state.neuron_selected.connect(self._on_neuron_selected)
        state.weight_selected.connect(self._on_weight_selected)
        state.explained_class_changed.connect(self._on_forward_changed)
        self._on_model_changed()

    # --- layout, once per architecture -------------------------------------------------------

    def _on_model_changed(self) -> None:
        net = self._state.network
        self._sizes = [] if net is None else list(net.sizes)
        self._layout = ColumnLayout(self._sizes)
        if self._sizes:
            self._diameters = np.concatenate([np.full(len(s), 2 * r) for s, r in
                                              zip(self._layout.shown[1:], self._layout.radius[1:])])
            self._neurons.setData(x=np.concatenate(self._layout.x[1:]), y=np.concatenate(self._layout.y[1:]))
        else:
            self._neurons.setData([], [])
        self._labels.build(self._layout, self._state.class_names)   # titles: ``retranslate``
        self._box.setRange(xRange=(X_FROM, self._layout.width), yRange=Y_RANGE, padding=0)
        self.retranslate()
        self._on_forward_changed()
        self._on_neuron_selected(*(self._state.selected or (-1, -1)))
        self._on_weight_selected(*(self._state.selected_weight or (-1, -1, -1)))
        self._on_resized()

    def column_titles(self) -> list[str]:
        """The title over each column, input layer first."""
        return self._labels.titles()

    def _on_resized(self, *args) -> None:
        """Circle sizes in pixels for the current zoom (the aspect is locked: one scale), and the
        labels' fonts (``DiagramLabels.fit``: fitting, never below legible)."""
        pixel = self._box.viewPixelSize()[0]
        if not pixel > 0:
            return
        if len(self._diameters):
            self._neurons.setSize(self._diameters / pixel)
        if self._ring_diameter:
            self._ring.setSize(self._ring_diameter / pixel)
        self._labels.fit(pixel)

    def _legible_size(self) -> None:
        """The least size of the drawing at which its titles and class names are legible
        (``DiagramLabels.least_scale``): the picture scales down only that far."""
        scale = self._labels.least_scale()                # pixels per unit
        if scale is None:
            return
        width = int(scale * (self._layout.width - X_FROM)) + 2
        height = int(scale * (Y_RANGE[1] - Y_RANGE[0])) + 2
        self._view.setMinimumSize(width, height)
        # The panel asks for the width of up to WHOLE_COLUMNS columns; a deeper network's drawing
        # scrolls sideways in it (below its scroll bar, never less high than its drawing).
        whole = int(scale * (ColumnLayout([1] * WHOLE_COLUMNS).width - X_FROM)) + 2
        bar = self._scroll.horizontalScrollBar().sizeHint().height() if width > whole else 0
        self._scroll.setMinimumSize(min(width, whole), height + bar)

    def rezoom(self) -> None:
        fit_button(self.contribution_button, self.contribution_action.text())
        self._legible_size()
        self._on_resized()

    def retranslate(self) -> None:
        self._labels.set_titles(self._words.column_titles(self._sizes))
        self.contribution_action.setText(self.tr("Colour by contribution"))
        fit_button(self.contribution_button, self.contribution_action.text())
        self.contribution_action.setToolTip(self.tr(
            "Colour pixels, neurons and edges by how much they added to the score of the explained "
            "class (orange: up, blue: down) instead of by activation"))
        self._show_caption()
        self._legible_size()
        self._on_resized()                                # the titles' new words must fit too

    def _show_caption(self) -> None:
        text, legend = self._words.caption(self.contribution_action.isChecked(), self.contributions)
        self._caption.setText(text)
        self.legend.setText(legend)
        self._legend_fit.refit()
        self._caption.setToolTip(text)

    # --- values, on every forward pass -------------------------------------------------------

    def _on_contribution_toggled(self, _on: bool) -> None:
        self._on_forward_changed()

    def _on_forward_changed(self) -> None:
        net, fwd = self._state.network, self._state.forward
        by_contribution = self.contribution_action.isChecked() and net is not None and fwd is not None
        self.contributions = self._state.contributions() if by_contribution else None
        self._show_caption()
        if net is None:
            self._edges.clear()
            return
        self._show_input()
        self._show_neurons()
        self._edges.draw([self._layer_edges(layer) for layer in range(len(self._sizes) - 1)])

    def _show_input(self) -> None:
        c, image = self.contributions, self._state.input_image
        signed = c is not None
        if signed != self._signed_input:
            self._input.setLookupTable(self._luts[signed])
            self._signed_input = signed
        if signed:                          # x ⊙ ∂z_k/∂x: each pixel's push
            m = symmetric_level(c.neurons[0])
            self._input.setImage(c.neurons[0].reshape(28, 28), levels=(-m, m))
        else:
            self._input.setImage(np.zeros((28, 28), np.float32) if image is None else image,
                                 levels=(0.0, 1.0))

    def _show_neurons(self) -> None:
        """Circle fills: activation (black … white) or contribution (blue … dark … orange)."""
        net, fwd, c = self._state.network, self._state.forward, self.contributions
        levels = []                         # in [0, 1] for the brushes' colour map
        for layer in range(1, len(self._sizes)):
            shown = self._layout.shown[layer]
            if c is not None:               # symmetric per layer: zero is the dark middle
                v = c.neurons[layer]
                levels.append(0.5 + 0.5 * v[shown] / symmetric_level(v))
            elif fwd is None:
                levels.append(np.zeros(len(shown)))
            else:
                a = fwd.activations[layer][0, shown]
                if net.activation_names[layer - 1] not in BOUNDED:
                    a = a / max(1.0, float(a.max(initial=0.0)))
                levels.append(a)
        q = np.clip(np.rint(np.concatenate(levels) * (GREYS - 1)), 0, GREYS - 1).astype(int)
        self._neurons.setBrush(list(self._brushes[c is not None][q]))

    def _layer_edges(self, layer: int) -> LayerEdges:
        """The strongest edges of weight layer ``layer`` between shown neurons, with their ends."""
        net, fwd, c = self._state.network, self._state.forward, self.contributions
        if fwd is None and layer == 0:   # no input: no pixel sends anything
            return LayerEdges.empty()
        src, dst = self._layout.shown[layer], self._layout.shown[layer + 1]
        if fwd is not None:                  # silent neurons (a = 0, e.g. blank pixels) send nothing
            src = src[fwd.activations[layer][0, src] != 0]
        if c is not None:                    # δ_i · W_ij · a_j: the part of z_k through the edge
            part = c.edges[layer][np.ix_(dst, src)]
        else:
            w = net.weights[layer][np.ix_(dst, src)]              # (n_dst, n_src)
            part = w if fwd is None else w * fwd.activations[layer][0, src]
        rows, cols = strongest_edges(part, EDGE_BUDGET)
        at = np.searchsorted(self._layout.shown[layer], src[cols])   # positions in the column
        return LayerEdges(dst[rows], src[cols], self._layout.x[layer][at], self._layout.y[layer][at],
                          self._layout.x[layer + 1][rows], self._layout.y[layer + 1][rows], part[rows, cols])

    def edge_count(self, layer: int) -> int:
        """How many edges weight layer ``layer`` draws now."""
        return self._edges.count(layer)

    def _on_neuron_selected(self, layer: int, index: int) -> None:
        spot = self._layout.position(layer, index)
        if spot is None:
            self._ring.setData([], [])
            return
        x, y, r = spot
        self._ring_diameter = 2.9 * r
        self._ring.setData([x], [y], symbol="s" if layer == 0 else "o")
        self._on_resized()

    def _on_weight_selected(self, layer: int, i: int, j: int) -> None:
        ends = self._layout.position(layer, j), self._layout.position(layer + 1, i)
        if None in ends:
            self._picked.setData([], [])
        else:
            self._picked.setData([ends[0][0], ends[1][0]], [ends[0][1], ends[1][1]])

    # --- pointing ----------------------------------------------------------------------------

    def neuron_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The neuron (layer, index) drawn at view coordinates (x, y), if any."""
        return self._layout.neuron_at(x, y)

    def edge_at(self, x: float, y: float) -> tuple[int, int, int] | None:
        """The drawn edge at view coordinates (x, y), as the weight (layer, i, j) it shows."""
        return self._edges.edge_at(x, y, EDGE_TOLERANCE * self._box.viewPixelSize()[0])

    def view_position(self, layer: int, index: int):
        """Scene coordinates of a neuron's centre (for tests and tools), or None if not drawn."""
        spot = self._layout.position(layer, index)
        return None if spot is None else self._box.mapViewToScene(pg.Point(spot[0], spot[1]))

    def _on_mouse_moved(self, scene_pos) -> None:
        p = self._box.mapSceneToView(scene_pos)
        hit = self.neuron_at(p.x(), p.y())
        edge = None if hit is not None else self.edge_at(p.x(), p.y())
        self._view.setToolTip(self.tooltip(*hit) if hit else self.edge_tooltip(*edge) if edge else "")

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        p = self._box.mapSceneToView(event.scenePos())
        hit = self.neuron_at(p.x(), p.y())
        if hit is not None:
            self._state.select_neuron(*hit)
        elif (edge := self.edge_at(p.x(), p.y())) is not None:
            self._state.select_weight(*edge)

    def tooltip(self, layer: int, index: int) -> str:
        return self._words.neuron(layer, index, len(self._sizes), self.contributions)

    def edge_tooltip(self, layer: int, i: int, j: int) -> str:
        return self._words.edge(layer, i, j, len(self._sizes), self.contributions)

    # --- what is drawn (read-only; for tests and tools) -----------------------------------------

    def neurons_shown(self, layer: int) -> np.ndarray:
        """The neurons of ``layer`` that have a circle (every pixel for the input layer), in
        column order; a big layer leaves the middle out (``shown_neurons``)."""
        return self._layout.shown[layer].copy()

    def neuron_position(self, layer: int, index: int) -> tuple[float, float] | None:
        """View coordinates of neuron (layer, index)'s centre, or None if it is not drawn."""
        spot = self._layout.position(layer, index)
        return None if spot is None else spot[:2]

    def circle_colour(self, layer: int, index: int):
        """The fill colour (QColor) of hidden or output neuron (layer, index)'s circle, or None
        if it has no circle."""
        if not 0 < layer < len(self._layout.shown):
            return None
        where = np.flatnonzero(self._layout.shown[layer] == index)
        if where.size == 0:
            return None
        first = sum(len(s) for s in self._layout.shown[1:layer])
        return self._neurons.data["brush"][first + int(where[0])].color()

    def input_picture(self) -> tuple[np.ndarray, tuple[float, float]]:
        """The 28×28 values the input grid shows, and the (low, high) its colours span."""
        return self._input.image.copy(), tuple(float(v) for v in self._input.getLevels())

    def edge_lines(self) -> list[tuple]:
        """Every edge as drawn, grouped by pen: (QPen, ends) with ends (m, 4) rows x0, y0, x1, y1
        in view coordinates."""
        return self._edges.lines()

    def selection_ring(self) -> tuple[float, float] | None:
        """View coordinates of the ring that marks the selected neuron, or None if none is drawn."""
        x, y = self._ring.getData()
        return None if x is None or not len(x) else (float(x[0]), float(y[0]))

    def picked_edge(self) -> tuple[float, float, float, float] | None:
        """The highlighted edge of the picked weight, (x0, y0, x1, y1) in view coordinates, or None."""
        x, y = self._picked.getData()
        return None if x is None or not len(x) else (float(x[0]), float(y[0]), float(x[1]), float(y[1]))
