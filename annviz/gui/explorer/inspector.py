"""The neuron inspector: everything about the selected neuron for the current input.

It writes the layer's matrix form and the neuron's z = Σ wᵢaᵢ + b with the real numbers (the
largest terms, then "+ n more"), plots its activation function with the current (z, a), shows
its incoming weights (a 28×28 picture for the first hidden layer, bars for later layers) and
what share of the winning output's evidence flows through it (``nn.readout.evidence``). For a
softmax output neuron the curve is a_k against z_k with the other outputs held at their current
values (``ActivationPlot.show_softmax_unit`` of ``nn.attribution.softmax_rest``), so the point lies
on it. The numbers are ``annviz.nn``'s (readout, attribution): this view writes and draws them.
Under a hidden neuron, ``NeuronTouch`` (touch.py) lets the learner switch it off, shift its bias
or scale its weights.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsView, QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from annviz.gui.common import room, zoom
from annviz.gui.common.activation_plot import ActivationPlot
from annviz.gui.common.colors import NEGATIVE, POSITIVE, sign_legend_html, symmetric_level, weight_colormap
from annviz.gui.common.names import activation_symbol, layer_superscript, neuron_name, number
from annviz.gui.common.steady import Steady
from annviz.gui.explorer.layers import neuron_ticks
from annviz.gui.explorer.touch import NeuronTouch
from annviz.gui.state import AppState
from annviz.nn.attribution import softmax_rest
from annviz.nn.readout import evidence, evidence_rank, weighted_input_terms


def _colored(x: float) -> str:
    color = (POSITIVE if x >= 0 else NEGATIVE).name()
    return f'<span style="color:{color}">{number(x)}</span>'


class NeuronInspector(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self._dirty = True
        self.title = QLabel()
        zoom.relative_font(self.title, 1.25, bold=True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self._details_fit = room.WholeText(self.details, 7, fixed=True)   # new numbers move nothing
        self.plot = ActivationPlot()
        zoom.pixels(self.plot, min_width=160, min_height=120)      # pictures give way before text
        self._weights_caption = QLabel()
        self._image_view = pg.GraphicsLayoutWidget()
        self._image_view.setBackground(None)
        box = self._image_view.addViewBox(lockAspect=True, invertY=True, enableMouse=False, enableMenu=False)
        self._image = pg.ImageItem(np.zeros((28, 28), np.float32), axisOrder="row-major")
        self._image.setLookupTable(weight_colormap().getLookupTable(nPts=256))
        box.addItem(self._image)
        self._bars_view = pg.PlotWidget(enableMenu=False)
        self._bars_view.setBackground(None)
        self._bars_view.setMenuEnabled(False)
        self._bars_view.setMouseEnabled(x=False, y=False)
        self._bars_view.hideButtons()
        for side in ("left", "bottom"):
            self._bars_view.getAxis(side).enableAutoSIPrefix(False)
        self._bars = pg.BarGraphItem(x=[], height=[], width=0.8, pen=None)
        self._bars_view.addItem(self._bars)
        self._weights = QStackedWidget()
        self._weights.addWidget(self._image_view)
        self._weights.addWidget(self._bars_view)
        zoom.pixels(self._weights, min_width=130, min_height=120)
        self._signs = (pg.mkBrush(NEGATIVE), pg.mkBrush(POSITIVE))
        weights_column = QVBoxLayout()
        weights_column.addWidget(self._weights_caption)
        weights_column.addWidget(self._weights, 1)
        self.legend = QLabel()                                   # the colour legend strip
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._legend_fit = room.WholeText(self.legend)      # wraps onto more lines, never cut
        weights_column.addWidget(self.legend)
        pictures = QHBoxLayout()
        pictures.addWidget(self.plot, 1)
        pictures.addLayout(weights_column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(Steady(self.details))   # new numbers every stroke: no re-layout for them
        layout.addLayout(pictures, 1)
        self.touch = NeuronTouch(state)
        self.touch.hide()
        layout.addWidget(self.touch)
        self._pictured: tuple | None = None   # (layer, index, activation) the pictures show
        self._weights_stale = True            # the weights picture: drawn again at the next refresh
        # A stroke moves the point, its guides and text: only around them (0.9 → 0.6 ms a stroke)
        self.plot.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        for signal in (state.model_changed, state.neuron_selected):
            signal.connect(self._on_parameters_changed)
        state.weights_changed.connect(self._on_weights_changed)
        state.forward_changed.connect(self._on_state_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.plot.set_labels(self.tr("weighted input z"), self.tr("activation a"))
        self.legend.setText(sign_legend_html(self.tr("blue: −"), self.tr("orange: +")))
        self._legend_fit.refit()
        self._bars_view.setLabel("left", self.tr("weight w"))
        self._bars_view.setLabel("bottom", self.tr("from neuron"))
        self._pictured = None
        self._dirty = True
        self.refresh()


    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def least_height(self) -> int:
        """The height that shows the title, the numbers and the pictures whole: the touch controls
        below them may be scrolled to, the pictures never are."""
        height = self.minimumSizeHint().height()
        if self.touch.isVisibleTo(self):
            height -= self.touch.minimumSizeHint().height() + self.layout().spacing()
        return height

    def _on_parameters_changed(self, *args) -> None:
        self._pictured = None       # the weights picture and the curve must be redrawn too
        self._on_state_changed()

    def _on_weights_changed(self) -> None:
        # Only the weights picture: forward_changed follows (see AppState.set_weights) and
        # refreshes. The curve is the activation function's, the same for new weights (drawn
        # again, it cost ~4 ms of each of training's weight frames, its axes included).
        self._weights_stale = True

    def _on_state_changed(self, *args) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    # --- content -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._dirty = False
        net, selected = self._state.network, self._state.selected
        if net is None or selected is None:
            self.title.setText(self.tr("Neuron inspector"))
            self.details.setText(self.tr("Click a neuron in the diagram or a tile among the weights "
                                         "to see how it computes its activation."))
            self._details_fit.refit()
            self._show_pictures(False)
            self.touch.hide()
            return
        layer, index = selected
        self.title.setText(neuron_name(layer, index, len(net.sizes), self._state.class_names))
        hidden = 0 < layer < len(net.sizes) - 1
        if hidden and (layer, index) != self.touch.neuron:
            self.touch.show_neuron(layer, index)
        self.touch.setVisible(hidden)
        fwd = self._state.forward
        if layer == 0:
            value = "–" if fwd is None else number(float(fwd.activations[0][0, index]))
            self.details.setText(self.tr("An input neuron holds the brightness of one pixel: "
                                         "a = {a} (0 = black, 1 = white).").format(a=value))
            self._details_fit.refit()
            self._show_pictures(False)
            return
        self._show_pictures(True)
        w, b = net.weights[layer - 1][index], float(net.biases[layer - 1][index])
        pictured = (layer, index, net.activation_names[layer - 1])
        if pictured != self._pictured:          # not on every new input: only the numbers change
            self._pictured = pictured
            self._set_details_lines(8 if net.activation_names[layer - 1] == "softmax" else 7)
            self.plot.show_function(net.activation_names[layer - 1])
            self._weights_stale = True
        if self._weights_stale:
            self._weights_stale = False
            self._show_weights(layer, w)
        symbol = activation_symbol(net.activation_names[layer - 1])
        if layer == len(net.sizes) - 1:
            row = self.tr("This layer computes a{l} = {f}(W{l} a{p} + b{l}); this neuron is its row for “{name}”.")
        else:
            row = self.tr("This layer computes a{l} = {f}(W{l} a{p} + b{l}); this neuron is row {i} of it.")
        lines = [row.format(l=layer_superscript(layer), p=layer_superscript(layer - 1), f=symbol, i=index + 1,
                            name=self._state.class_names[index] if index < len(self._state.class_names) else index),
                 self.tr("bias b = {b}").format(b=_colored(b))]
        if fwd is None:
            lines.append(self.tr("Draw a digit to see its weighted input z and activation a."))
        else:
            z, a = float(fwd.zs[layer - 1][0, index]), float(fwd.activations[layer][0, index])
            lines.append(self._equation(w, fwd.activations[layer - 1][0], b))
            if net.activation_names[layer - 1] == "softmax":
                others = softmax_rest(fwd.zs[layer - 1][0], index)                 # log Σ_{j≠k} e^z_j
                lines.append(self.tr("a = e<sup>z</sup> / Σ e<sup>z</sup> over the layer = <b>{a}</b>")
                             .format(a=number(a, 3)))
                lines.append(self.tr("Curve: a as z alone changes, the other outputs held: σ(z − {c}), "
                                     "{c} = log Σ<sub>j≠k</sub> e<sup>z<sub>j</sub></sup>.").format(
                    c=number(others, 3)))
                self.plot.show_softmax_unit(others)
            else:
                lines.append(self.tr("a = {f}(z) = <b>{a}</b>").format(f=symbol, a=number(a, 3)))
            lines.append(self._share(layer, index))
            self.plot.show_point(z, a)
        self.details.setText("<br>".join(lines))
        self._details_fit.refit()

    def _set_details_lines(self, n: int) -> None:
        """Room for n lines at least, so new numbers seldom re-layout (and repaint) the dock; more
        when a narrow dock wraps the text onto more lines (text is never cut)."""
        self._details_fit.set_lines(n)

    def _equation(self, w: np.ndarray, a_prev: np.ndarray, b: float) -> str:
        terms = weighted_input_terms(w, a_prev, b, k=4)
        parts = [f"({_colored(wi)}·{number(ai)})" for wi, ai in zip(terms.weights, terms.inputs)]
        if terms.n_rest:
            more = (self.tr("1 more term ({sum})") if terms.n_rest == 1 else self.tr("{n} more terms ({sum})"))
            parts.append(more.format(n=terms.n_rest, sum=number(terms.rest)))
        parts.append(_colored(terms.bias))
        return self.tr("z = Σ w<sub>i</sub>a<sub>i</sub> + b = {terms} = <b>{z}</b>").format(
            terms=" + ".join(parts), z=number(terms.z, 3))

    def _share(self, layer: int, index: int) -> str:
        net, fwd = self._state.network, self._state.forward
        k = self._state.prediction
        name = self._state.class_names[k]
        if layer == len(net.sizes) - 1:
            p = float(fwd.output[0, index])
            return self.tr("Output neuron for “{name}”: probability {p:.1%}.").format(
                name=self._state.class_names[index], p=p)
        shares = evidence(self._state.contributions(k), layer)
        rank = evidence_rank(shares, index)
        return self.tr("Share of the evidence for the answer “{name}” flowing through this neuron: "
                       "<b>{share}</b> (rank {rank} of {n} in its layer).").format(
            name=name, share=f"{shares[index]:+.0%}".replace("-", "−"), rank=rank, n=len(shares))

    def _show_pictures(self, on: bool) -> None:
        self.plot.setVisible(on)
        self.legend.setVisible(on)
        self._weights.setVisible(on)
        self._weights_caption.setVisible(on)

    def _show_weights(self, layer: int, w: np.ndarray) -> None:
        w = w.copy()        # what it shows, not a view of the network training changes in place
        m = symmetric_level(w)
        if layer == 1 and w.size == 784:
            self._weights_caption.setText(self.tr("Its 784 incoming weights as a 28×28 picture"))
            self._image.setImage(w.reshape(28, 28), levels=(-m, m))
            self._weights.setCurrentWidget(self._image_view)
        else:
            self._weights_caption.setText(self.tr("Its one incoming weight") if w.size == 1 else
                                          self.tr("Its {n} incoming weights").format(n=w.size))
            brushes = [self._signs[int(v >= 0)] for v in w]
            self._bars.setOpts(x=np.arange(w.size), height=w, width=0.8, brushes=brushes)
            self._bars_view.getAxis("bottom").setTicks(neuron_ticks(w.size))   # neuron 1 at x = 0
            self._bars_view.setYRange(-m, m)
            self._weights.setCurrentWidget(self._bars_view)

    def weights_picture(self) -> tuple[str, np.ndarray] | None:
        """The selected neuron's incoming weights as shown: ("image", the 28×28 picture) or
        ("bars", one bar height per weight); None while no weights are shown."""
        if not self._weights.isVisibleTo(self):
            return None
        if self._weights.currentWidget() is self._image_view:
            return "image", self._image.image.copy()
        return "bars", np.asarray(self._bars.opts["height"]).copy()
