"""What the network diagram says in words: its column titles, caption and legend, and the
tooltips of a neuron and of an edge — made from the app state and the contributions shown, in
the UI language (``diagram_labels`` sizes the titles).

``NetworkDiagram`` composes a ``DiagramTexts`` and puts its sentences where they belong.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from annviz.gui.common.colors import sign_legend_html
from annviz.gui.common.names import layer_name, layer_superscript, neuron_name, number
from annviz.gui.explorer.diagram_layout import shown_neurons
from annviz.gui.state import AppState
from annviz.nn.attribution import Contributions


class DiagramTexts(QObject):
    def __init__(self, state: AppState, parent: QObject | None = None):
        super().__init__(parent)
        self._state = state

    def column_titles(self, sizes: list[int]) -> list[str]:
        """The title over each column of a network of layer ``sizes``: its name and size, and how
        many neurons a long column leaves out."""
        titles = []
        for layer, size in enumerate(sizes):
            text = f"{layer_name(layer, len(sizes))}\n{size}"
            left_out = shown_neurons(size)[1] if layer > 0 else 0
            if left_out:
                text += " " + self.tr("(⋮ {n} more)").format(n=left_out)
            titles.append(text)
        return titles

    def caption(self, by_contribution: bool, contributions: Contributions | None) -> tuple[str, str]:
        """The caption over the diagram and its colour legend (rich text), by activation or by
        contribution (``by_contribution``: the mode is on, ``contributions`` None before an input)."""
        k, names = self._state.explained_class, self._state.class_names
        if not by_contribution:
            text = self.tr("circles: activation · edges: weight × input")
        elif contributions is None or k is None or k >= len(names):
            text = self.tr("draw a digit to see what each part contributes")
        elif self._state.chosen_class is None:
            text = self.tr("contribution to the score of “{name}”, the prediction").format(name=names[k])
        else:
            text = self.tr("contribution to the score of “{name}”, chosen under Insight").format(
                name=names[k])
        if by_contribution:
            legend = sign_legend_html(self.tr("blue: pushed the score down"), self.tr("orange: pushed the score up"))
        else:
            legend = self.tr("circles: black = 0 … white = 1") + "&nbsp;&nbsp;&nbsp;" + sign_legend_html(
                self.tr("blue edge: negative w·a"), self.tr("orange edge: positive w·a"))
        return text, legend

    def neuron(self, layer: int, index: int, n_layers: int, contributions: Contributions | None) -> str:
        """The tooltip of neuron (layer, index) of a network of ``n_layers`` layers."""
        net, fwd = self._state.network, self._state.forward
        lines = [neuron_name(layer, index, n_layers, self._state.class_names)]
        if contributions is not None:
            lines.append(self._contribution_line(contributions, contributions.neurons[layer][index]))
        a = None if fwd is None else float(fwd.activations[layer][0, index])
        if layer == 0:
            lines.append(self.tr("brightness a = {a}").format(a="–" if a is None else number(a)))
            return "\n".join(lines)
        z = None if fwd is None else float(fwd.zs[layer - 1][0, index])
        lines.append(self.tr("activation a = {a}").format(a="–" if a is None else number(a, 3)))
        lines.append(self.tr("weighted input z = {z}").format(z="–" if z is None else number(z, 3)))
        lines.append(self.tr("bias b = {b}").format(b=number(float(net.biases[layer - 1][index]), 3)))
        return "\n".join(lines)

    def edge(self, layer: int, i: int, j: int, n_layers: int, contributions: Contributions | None) -> str:
        """The tooltip of the edge of weight (layer, i, j)."""
        w = float(self._state.network.weights[layer][i, j])
        lines = [self.tr("weight W{l}[{i}, {j}] = {w}").format(l=layer_superscript(layer + 1), i=i + 1, j=j + 1,
                                                              w=number(w, 3)),
                 self.tr("from {source} to {target}").format(
                     source=neuron_name(layer, j, n_layers, self._state.class_names),
                     target=neuron_name(layer + 1, i, n_layers, self._state.class_names))]
        if contributions is not None:
            lines.append(self._contribution_line(contributions, contributions.edges[layer][i, j]))
        lines.append(self.tr("Click to nudge it under Insight → Numeric slope vs backprop"))
        return "\n".join(lines)

    def _contribution_line(self, contributions: Contributions, value: float) -> str:
        name = self._state.class_names[contributions.k]
        return self.tr("contribution to the score of “{name}”: {c}").format(name=name,
                                                                           c=number(float(value), 3))
