"""The network diagram, 3Blue1Brown style: layers as columns of circles lit by their activation.

The input layer is the 28×28 grid the network receives; every other layer is a column of circles
whose brightness is the neuron's activation for the current input. Edges are coloured by sign
(the diverging pair of ``common.colors``) with opacity and width by size. With an input they show
weight × incoming activation, the part each connection adds to z; without one, the weights
(and nothing from the blank input layer). Small layers show every edge, big ones the strongest
``EDGE_BUDGET``. Columns with more than ``MAX_SHOWN`` neurons show the first and last ones around
an honest "⋮ n more". Where each neuron sits is ``diagram_layout.ColumnLayout``.

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
from PySide6.QtGui import QAction, QFont, QFontMetrics, QTextDocument
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
    sign_legend_html,
    symmetric_level,
)
from annviz.gui.common.names import layer_name, layer_superscript, neuron_name, number
from annviz.gui.explorer.diagram_layout import COLUMN_GAP, INPUT_SIDE, INPUT_TOP, ColumnLayout, shown_neurons
from annviz.gui.explorer.edges import EdgesItem, LayerEdges
from annviz.gui.state import AppState
from annviz.nn.attribution import Contributions
from annviz.nn.readout import strongest_edges

EDGE_BUDGET = 320               # edges per weight layer when not all of them fit
GREYS = 33                      # quantised fill levels of the circles (odd: zero has its own)
EDGE_TOLERANCE = 4              # pixels: how near an edge a click must be to pick it
SELECTED = (255, 190, 0)
LEGIBLE = 0.8                   # the smallest share of the text size the diagram writes in
X_FROM, Y_RANGE = -0.05, (-0.17, 1.02)   # the view's range (its right edge: the layout's width)
TITLE_ROOM = 0.18                # the column titles (their two lines) above y = 0.02
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
        self._texts: list[pg.TextItem] = []
        self._column_labels: list[pg.TextItem] = []
        self._output_labels: list[pg.TextItem] = []        # the class names beside the last column
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
        for item in self._texts + self._column_labels:
            self._box.removeItem(item)
        self._texts, self._column_labels, self._output_labels = [], [], []
        net = self._state.network
        self._sizes = [] if net is None else list(net.sizes)
        self._layout = ColumnLayout(self._sizes)
        for x, y in self._layout.gaps:
            # Only "⋮" in the column, on the background's colour above the edges; how many are left
            # out is written in the column's title (``retranslate``), where no edge passes.
            more = pg.TextItem("⋮", anchor=(0.5, 0.5), color=(200, 200, 200), fill=pg.mkBrush(24, 24, 28))
            more.setZValue(5)
            more.setPos(x, y)
            self._box.addItem(more)
            self._texts.append(more)
        if self._sizes:
            self._diameters = np.concatenate([np.full(len(s), 2 * r) for s, r in
                                              zip(self._layout.shown[1:], self._layout.radius[1:])])
            self._neurons.setData(x=np.concatenate(self._layout.x[1:]), y=np.concatenate(self._layout.y[1:]))
            self._label_output()
        else:
            self._neurons.setData([], [])
        for layer in range(len(self._sizes)):
            label = pg.TextItem(anchor=(0.5, 1.0), color=(200, 200, 200))
            label.textItem.document().setDocumentMargin(0)     # its lines end at y = 0.02, not 4 px above
            label.setPos(INPUT_SIDE / 2 if layer == 0 else self._layout.x[layer][0], 0.02)
            self._box.addItem(label)
            self._column_labels.append(label)
        self._box.setRange(xRange=(X_FROM, self._layout.width), yRange=Y_RANGE, padding=0)
        self.retranslate()
        self._on_forward_changed()
        self._on_neuron_selected(*(self._state.selected or (-1, -1)))
        self._on_weight_selected(*(self._state.selected_weight or (-1, -1, -1)))
        self._on_resized()

    def column_titles(self) -> list[str]:
        """The title over each column, input layer first."""
        return [label.toPlainText() for label in self._column_labels]

    def _on_resized(self, *args) -> None:
        """Circle sizes in pixels for the current zoom (the aspect is locked: one scale), and
        column titles no wider than the gap between columns, class names no taller than their
        spacing — never smaller than ``LEGIBLE`` of the text size (``_legible_size`` keeps the
        diagram large enough for that)."""
        pixel = self._box.viewPixelSize()[0]
        if not pixel > 0:
            return
        if len(self._diameters):
            self._neurons.setSize(self._diameters / pixel)
        if self._ring_diameter:
            self._ring.setSize(self._ring_diameter / pixel)
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
        ys = self._layout.y[len(self._sizes) - 1] if self._sizes else []
        return float(ys[1] - ys[0]) if len(ys) > 1 else 1.0

    def _legible_size(self) -> None:
        """The least size of the drawing at which its titles and class names are written at
        ``LEGIBLE`` of the text size or more: the picture scales down only that far."""
        if not self._sizes:
            return
        font = zoom.font()
        scale = LEGIBLE * QFontMetrics(font).height() / self._output_spacing()      # pixels per unit
        legible = QFont(font)
        legible.setPointSizeF(LEGIBLE * font.pointSizeF())
        for layer, label in enumerate(self._column_labels):
            width, height = self._title_extent(label, legible)
            scale = max(scale, width / self._title_room(layer), height / TITLE_ROOM)
        width = int(scale * (self._layout.width - X_FROM)) + 2
        height = int(scale * (Y_RANGE[1] - Y_RANGE[0])) + 2
        self._view.setMinimumSize(width, height)
        # The panel asks for the width of up to WHOLE_COLUMNS columns; a deeper network's drawing
        # scrolls sideways in it (below its scroll bar, never less high than its drawing).
        whole = int(scale * (ColumnLayout([1] * WHOLE_COLUMNS).width - X_FROM)) + 2
        bar = self._scroll.horizontalScrollBar().sizeHint().height() if width > whole else 0
        self._scroll.setMinimumSize(min(width, whole), height + bar)

    def _fit_button(self) -> None:
        """Wide enough for its text in bold (as it is drawn when on), so that turning it on never
        cuts the words."""
        bold = QFont(zoom.font())
        bold.setBold(True)
        text = self.contribution_action.text().replace("&", "")
        self.contribution_button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(text) + zoom.px(14))

    def rezoom(self) -> None:
        self._fit_button()
        self._legible_size()
        self._on_resized()

    def _label_output(self) -> None:
        last = len(self._sizes) - 1
        for i, name in zip(self._layout.shown[last], self._state.class_names):
            text = pg.TextItem(name, anchor=(0, 0.5), color=(230, 230, 230))
            text.setPos(self._layout.x[last][0] + 1.6 * self._layout.radius[last], self._layout.y[last][i])
            self._box.addItem(text)
            self._texts.append(text)
            self._output_labels.append(text)

    def retranslate(self) -> None:
        n_layers = len(self._sizes)
        for layer, label in enumerate(self._column_labels):
            text = f"{layer_name(layer, n_layers)}\n{self._sizes[layer]}"
            left_out = shown_neurons(self._sizes[layer])[1] if layer > 0 else 0
            if left_out:
                text += " " + self.tr("(⋮ {n} more)").format(n=left_out)
            label.setText(text)
        self.contribution_action.setText(self.tr("Colour by contribution"))
        self._fit_button()
        self.contribution_action.setToolTip(self.tr(
            "Colour pixels, neurons and edges by how much they added to the score of the explained "
            "class (orange: up, blue: down) instead of by activation"))
        self._show_caption()
        self._legible_size()
        self._on_resized()                                # the titles' new words must fit too

    def _show_caption(self) -> None:
        k, names = self._state.explained_class, self._state.class_names
        if not self.contribution_action.isChecked():
            text = self.tr("circles: activation · edges: weight × input")
        elif self.contributions is None or k is None or k >= len(names):
            text = self.tr("draw a digit to see what each part contributes")
        elif self._state.chosen_class is None:
            text = self.tr("contribution to the score of “{name}”, the prediction").format(name=names[k])
        else:
            text = self.tr("contribution to the score of “{name}”, chosen under Insight").format(
                name=names[k])
        if self.contribution_action.isChecked():
            legend = sign_legend_html(self.tr("blue: pushed the score down"), self.tr("orange: pushed the score up"))
        else:
            legend = self.tr("circles: black = 0 … white = 1") + "&nbsp;&nbsp;&nbsp;" + sign_legend_html(
                self.tr("blue edge: negative w·a"), self.tr("orange edge: positive w·a"))
        if (text, legend) == (self._caption.text(), self.legend.text()):
            return                                        # every stroke: measuring it again costs
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
        net, fwd = self._state.network, self._state.forward
        lines = [neuron_name(layer, index, len(self._sizes), self._state.class_names)]
        if self.contributions is not None:
            lines.append(self._contribution_line(self.contributions.neurons[layer][index]))
        a = None if fwd is None else float(fwd.activations[layer][0, index])
        if layer == 0:
            lines.append(self.tr("brightness a = {a}").format(a="–" if a is None else number(a)))
            return "\n".join(lines)
        z = None if fwd is None else float(fwd.zs[layer - 1][0, index])
        lines.append(self.tr("activation a = {a}").format(a="–" if a is None else number(a, 3)))
        lines.append(self.tr("weighted input z = {z}").format(z="–" if z is None else number(z, 3)))
        lines.append(self.tr("bias b = {b}").format(b=number(float(net.biases[layer - 1][index]), 3)))
        return "\n".join(lines)

    def edge_tooltip(self, layer: int, i: int, j: int) -> str:
        n = len(self._sizes)
        w = float(self._state.network.weights[layer][i, j])
        lines = [self.tr("weight W{l}[{i}, {j}] = {w}").format(l=layer_superscript(layer + 1), i=i + 1, j=j + 1,
                                                              w=number(w, 3)),
                 self.tr("from {source} to {target}").format(
                     source=neuron_name(layer, j, n, self._state.class_names),
                     target=neuron_name(layer + 1, i, n, self._state.class_names))]
        if self.contributions is not None:
            lines.append(self._contribution_line(self.contributions.edges[layer][i, j]))
        lines.append(self.tr("Click to nudge it under Insight → Numeric slope vs backprop"))
        return "\n".join(lines)

    def _contribution_line(self, value: float) -> str:
        name = self._state.class_names[self.contributions.k]
        return self.tr("contribution to the score of “{name}”: {c}").format(name=name,
                                                                           c=number(float(value), 3))

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
