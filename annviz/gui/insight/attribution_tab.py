"""Why this answer: which pixels of the input pushed the network towards a class, and which against.

For class k the attribution is x ⊙ ∂z_k/∂x (input × gradient of k's score, by the core's own
backpropagation): orange pixels pushed z_k up, blue pushed it down, drawn over the faint input.
Beside it, the gradient ∂z_k/∂x alone: where more ink would push towards k. The text says how
the pixels' pushes relate to z_k: with no hidden layer they plus the bias give z_k exactly; with
hidden layers the rest is the biases and the bends of the non-linear layers. Choosing a class
emits ``class_chosen(k)`` (−1: the predicted class), so other views can explain the same one.

The numbers are ``annviz.nn.attribution.explain_class``'s, computed once for each input, network and
class shown (not on every redraw: a new language or zoom only draws them again).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from annviz.gui.common import zoom
from annviz.gui.common.colors import NEGATIVE, POSITIVE, sign_legend_html, symmetric_level
from annviz.gui.common.names import number, signed
from annviz.gui.insight.plots import ImagePanel
from annviz.nn.attribution import ClassExplanation, explain_class
from annviz.nn.network import Network

PAPER, INK = 255.0, 110.0   # the input is drawn as light grey ink (255 − 110·x) on white paper


def attribution_rgba(x: np.ndarray, attribution: np.ndarray) -> np.ndarray:
    """(28, 28, 4) uint8: the input in light grey, attribution in the sign colours over it."""
    base = (PAPER - INK * x)[..., None] * np.ones(3)                     # (28, 28, 3)
    m = symmetric_level(attribution)
    alpha = np.sqrt(np.clip(np.abs(attribution) / m, 0, 1))[..., None]    # (28, 28, 1), √ lifts faint pixels
    positive = np.array(POSITIVE.getRgb()[:3], dtype=np.float64)
    negative = np.array(NEGATIVE.getRgb()[:3], dtype=np.float64)
    colour = np.where((attribution >= 0)[..., None], positive, negative)  # (28, 28, 3)
    rgb = base * (1 - alpha) + colour * alpha
    return np.dstack([rgb, np.full(x.shape, 255.0)]).round().astype(np.uint8)


class AttributionTab(QWidget):
    class_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._case: tuple[Network, np.ndarray, list[str], int] | None = None   # … and the predicted class
        self._explanation: ClassExplanation | None = None    # of the case, for the class shown
        self.class_caption = QLabel()
        self.chooser = QComboBox()
        self.chooser.setObjectName("insight-why-class")       # lessons name it
        self.chooser.currentIndexChanged.connect(self._on_class_chosen)
        self.seen = ImagePanel(size=260)
        self.attribution = ImagePanel(size=260)
        self.gradient = ImagePanel(size=260)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        zoom.relative_font(self.explanation, 1.35)

        top = QHBoxLayout()
        top.addWidget(self.class_caption)
        top.addWidget(self.chooser)
        top.addStretch(1)
        grid = QGridLayout()
        for col, panel in enumerate((self.seen, self.attribution, self.gradient)):
            grid.addWidget(panel, 0, col)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.legend = QLabel()                                  # the colour legend strip
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        layout.addWidget(self.explanation)
        self.retranslate()

    def show_input(self, network: Network | None, x: np.ndarray | None, class_names: list[str]) -> None:
        """Explain the network's answer for the input x (784,), or show nothing."""
        self._explanation = None
        if network is None or x is None:
            self._case = None
        else:
            x = np.asarray(x)
            self._case = (network, x, list(class_names), int(network.predict(x[None, :])[0]))
        self._fill_chooser(class_names)
        self._redraw()

    @property
    def chosen_class(self) -> int | None:
        """The class explained: the predicted one unless the learner picked another."""
        if self._case is None:
            return None
        choice = self.chooser.currentIndex()
        return self._case[3] if choice <= 0 else choice - 1

    def explained(self) -> tuple[np.ndarray, int, bool] | None:
        """What the tab explains now: the input (784,), the class, and whether the learner asked
        for that class (False: the predicted one, by default); None with no input."""
        if self._case is None:
            return None
        return self._case[1], self.chosen_class, self.chooser.currentIndex() > 0

    def choose_class(self, k: int | None) -> None:
        """Explain class k (None: the predicted class), as if the learner had picked it."""
        index = 0 if k is None else k + 1
        if index != self.chooser.currentIndex() and index < self.chooser.count():
            with QSignalBlocker(self.chooser):
                self.chooser.setCurrentIndex(index)
            self._redraw()

    def _on_class_chosen(self, index: int) -> None:
        self._redraw()
        self.class_chosen.emit(index - 1)

    def set_class_names(self, class_names: list[str]) -> None:
        """The classes the chooser offers (a new model's), also while the tab is not shown."""
        self._fill_chooser(class_names)

    def _fill_chooser(self, class_names: list[str]) -> None:
        if self.chooser.count() == len(class_names) + 1:
            return
        keep = self.chooser.currentIndex()
        self.chooser.blockSignals(True)
        self.chooser.clear()
        self.chooser.addItem("", "")                 # the predicted class (a lesson's value "")
        for name in class_names:
            self.chooser.addItem(name, name)
        self.chooser.setCurrentIndex(keep if 0 <= keep < self.chooser.count() else 0)
        self.chooser.blockSignals(False)
        self.retranslate()

    def _redraw(self) -> None:
        if self._case is None:
            self.explanation.setText(self.tr("No input yet: draw in the explorer or pick a test image."))
            return
        network, x, names, _ = self._case
        k = self.chosen_class
        if self._explanation is None or self._explanation.k != k:
            self._explanation = explain_class(network, x, k)
        shown = self._explanation
        z, total, bias = shown.z, shown.total, shown.bias
        image = x.reshape(28, 28)
        self.seen.show_grey(image)
        self.attribution.show_rgba(attribution_rgba(image, shown.attribution.reshape(28, 28)))
        self.gradient.show_signed(shown.gradient.reshape(28, 28))
        self.attribution.set_title(self.tr("input × gradient for {name}").format(name=names[k]))
        self.gradient.set_title(self.tr("gradient ∂z/∂x for {name}").format(name=names[k]))
        text = self.tr(
            "Score of {name}: z = {z}. Orange pixels pushed it up (towards {name}), blue pixels pushed "
            "it down. Pushes up: {up}, pushes down: {down}, in all {total}.").format(
            name=names[k], z=number(z, 3), up=signed(shown.pushes_up), down=signed(shown.pushes_down),
            total=signed(total))
        if shown.exact:
            text += " " + self.tr("With no hidden layer this is exact: the pixels' {total} plus the "
                                  "bias b = {b} is z = {z}.").format(total=signed(total), b=signed(bias),
                                                                    z=number(z, 3))
        else:
            text += " " + self.tr("The pixels do not add up to z: the other {rest} comes from the "
                                  "biases (this output's own b = {b}) and from the bends of the "
                                  "non-linear hidden layers on the way.").format(rest=signed(shown.rest),
                                                                                 b=signed(bias))
        self.explanation.setText(text + " " + self.tr(
            "The right picture shows where more ink would raise the score (orange) or lower it (blue)."))

    def concepts_html(self) -> str:
        """Help → Concepts on this screen, for this tab."""
        return self.tr(
            "<p><b>Why this answer</b>: how much each pixel, hidden neuron and edge added to the score "
            "z<sub>k</sub> of the chosen class — for an edge, its <b>weight</b> × the activation it "
            "carries. Orange pushed the score up, blue down. Choose another class to see why the "
            "network did not answer that.</p>")

    def retranslate(self) -> None:
        self.legend.setText(sign_legend_html(self.tr("blue: pushed the score down"),
                                             self.tr("orange: pushed the score up"), self.tr("0")))
        self.class_caption.setText(self.tr("Explain the class:"))
        self.chooser.setToolTip(self.tr("The output class whose score z_k is explained (the predicted one by default)"))
        if self.chooser.count():
            self.chooser.setItemText(0, self.tr("the predicted class"))
        self.seen.set_title(self.tr("what the network sees"))
        self._redraw()
