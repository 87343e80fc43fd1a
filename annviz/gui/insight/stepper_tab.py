"""One step of learning, slowed down: forward, loss, δ and ∂L/∂W backwards, the update, the result.

The numbers come from ``annviz.nn.attribution.learning_step`` — the core's forward pass,
backpropagation and SGD optimizer — for the current input and its true label. Forward ▶ and
◀ Back walk the stages; each stage shows its real numbers, and what the step did is told from
them (how far the loss and the probability of the true class moved, whether the answer changed),
never assumed. The default η = 0.001 is small enough that one step on one example nudges the
answer without flipping it, which is the point of the page: learning takes many small steps.
One example's gradient is large (|x|² ≈ 100 for a digit): on mnist-classic's first 150 test
mistakes a single step flips the answer in 100 % of cases at η = 0.05, 85 % at 0.01, 27 % at
0.002 and 12 % at 0.001 (the loss then falls by a median 13 %).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annviz.gui.common import zoom
from annviz.gui.common.colors import sign_legend_html, symmetric_level
from annviz.gui.insight.notation import sup, weight_picture
from annviz.gui.insight.plots import BarsPanel, ImagePanel
from annviz.nn.attribution import LearningStep, learning_step
from annviz.nn.losses import get_loss
from annviz.nn.network import Network

#: The learning rate the tab starts with (see the module docstring).
DEFAULT_LR = 0.001


def stages(n_layers: int) -> list[tuple[str, int]]:
    """(kind, weight layer) of every stage: input, forward per layer, loss, back per layer
    (output to input), update, after."""
    return ([("input", -1)] + [("forward", l) for l in range(n_layers)] + [("loss", -1)]
            + [("back", l) for l in reversed(range(n_layers))] + [("update", -1), ("after", -1)])


class StepperTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.step: LearningStep | None = None
        self._network: Network | None = None
        self._class_names: list[str] = []
        self._stage = 0
        self._stages = stages(1)

        self.lr_caption = QLabel()
        self.lr = QDoubleSpinBox(decimals=4, minimum=0.0001, maximum=10.0, value=DEFAULT_LR)
        self.lr.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.lr.valueChanged.connect(self._on_lr_changed)
        self.back_button = QPushButton()
        self.forward_button = QPushButton()
        self.back_button.clicked.connect(self._on_back_clicked)
        self.forward_button.clicked.connect(self._on_forward_clicked)
        self.counter = QLabel()
        self.layer_caption = QLabel()
        self.layer_chooser = QComboBox()
        self.layer_chooser.currentIndexChanged.connect(self._on_layer_chosen)
        self.title = QLabel()
        zoom.relative_font(self.title, 1.65, bold=True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        zoom.relative_font(self.explanation, 1.35)
        for widget, name in ((self.back_button, "back"), (self.forward_button, "forward"),
                             (self.lr, "rate"), (self.explanation, "explanation")):
            widget.setObjectName(f"insight-step-{name}")   # lessons name widgets by these
        self.bars = BarsPanel()
        self.panels = [ImagePanel(size=220) for _ in range(3)]

        controls = QHBoxLayout()
        for w in (self.back_button, self.forward_button, self.counter):
            controls.addWidget(w)
        controls.addStretch(1)
        for w in (self.layer_caption, self.layer_chooser, self.lr_caption, self.lr):
            controls.addWidget(w)
        content = QHBoxLayout()
        content.addWidget(self.bars, 2)
        for panel in self.panels:
            content.addWidget(panel, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addLayout(content, 1)
        self.legend = QLabel()                                  # the colour legend strip
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.retranslate()

    # --- public ------------------------------------------------------------------------------

    def show_case(self, network: Network | None, x: np.ndarray | None, label: int, loss_name: str,
                  class_names: list[str]) -> None:
        """Prepare one SGD step of ``network`` on (x, label); the stage shown is kept."""
        self._network, self._class_names = network, list(class_names)
        if network is None or x is None:
            self.step = None
        else:
            self._loss_name = loss_name
            self.step = learning_step(network, x, label, get_loss(loss_name), self.lr.value())
            self._stages = stages(network.n_layers)
            self._fill_layers(network.n_layers)
        self._stage = min(self._stage, len(self._stages) - 1)
        self._show_stage()

    def go_to(self, stage: int) -> None:
        self._stage = int(np.clip(stage, 0, len(self._stages) - 1))
        self._show_stage()

    @property
    def stage_kind(self) -> tuple[str, int]:
        return self._stages[self._stage]

    @property
    def stage(self) -> int:
        """The stage on screen, counted from 0 (the screen says "stage {stage + 1} of {stage_count}")."""
        return self._stage

    @property
    def stage_count(self) -> int:
        return len(self._stages)

    # --- handlers ----------------------------------------------------------------------------

    def _on_back_clicked(self) -> None:
        self.go_to(self._stage - 1)

    def _on_forward_clicked(self) -> None:
        self.go_to(self._stage + 1)

    def _on_layer_chosen(self, _index: int) -> None:
        self._show_stage()

    def _on_lr_changed(self, _value: float) -> None:
        if self.step is not None:
            s = self.step
            self.show_case(self._network, s.x, s.label, self._loss_name, self._class_names)

    # --- drawing -----------------------------------------------------------------------------

    def _fill_layers(self, n_layers: int) -> None:
        if self.layer_chooser.count() != n_layers:
            self.layer_chooser.blockSignals(True)
            self.layer_chooser.clear()
            self.layer_chooser.addItems([f"W{sup(l + 1)}" for l in range(n_layers)])
            self.layer_chooser.blockSignals(False)

    def _show_only(self, bars: bool, panels: int, layer_chooser: bool = False) -> None:
        self.bars.setVisible(bars)
        for i, panel in enumerate(self.panels):
            panel.setVisible(i < panels)
        self.layer_caption.setVisible(layer_chooser)
        self.layer_chooser.setVisible(layer_chooser)

    def _show_stage(self) -> None:
        self.back_button.setEnabled(self._stage > 0)
        self.forward_button.setEnabled(self._stage < len(self._stages) - 1)
        self.counter.setText(self.tr("stage {i} of {n}").format(i=self._stage + 1, n=len(self._stages)))
        s = self.step
        if s is None:
            self._show_only(False, 0)
            self.title.setText(self.tr("No input yet: draw in the explorer or pick a test image."))
            self.explanation.setText("")
            return
        kind, l = self.stage_kind
        getattr(self, f"_stage_{kind}")(s, l)

    def _label_bars(self, quantity: str, output_layer: bool) -> None:
        self.bars.setLabel("left", quantity)
        self.bars.setLabel("bottom", self.tr("class (green: the true class)") if output_layer
                           else self.tr("neuron"))

    def _stage_input(self, s: LearningStep, _l: int) -> None:
        self._show_only(False, 1)
        self.panels[0].show_grey(s.x.reshape(28, 28))
        self.panels[0].set_title(f"a{sup(0)} = x")
        self.title.setText(self.tr("1. The input a⁽⁰⁾ and its true label"))
        self.explanation.setText(self.tr(
            "The network learns from one example: this image, whose true label is {label}. "
            "Learning rate η = {lr:g}.").format(label=self._class_names[s.label], lr=s.lr))

    def _stage_forward(self, s: LearningStep, l: int) -> None:
        self._show_only(True, 0)
        a, z = s.before.activations[l + 1][0], s.before.zs[l][0]
        last = l == len(s.weights) - 1
        self.bars.show_values(a, self._labels(len(a), last), highlight=s.label if last else None)
        self._label_bars(self.tr("activation a"), last)
        n = l + 1
        self.title.setText(self.tr("Forward: layer {n}, a{s} = f(W{s} a{p} + b{s})").format(
            n=n, s=sup(n), p=sup(n - 1)))
        self.explanation.setText(self.tr(
            "Each of the {count} neurons adds up its weighted inputs, z = W a + b, and applies its "
            "activation. Largest z = {zmax:.3f}, smallest z = {zmin:.3f}. The bars are the activations a.").format(
            count=len(a), zmax=z.max(), zmin=z.min()))

    def _stage_loss(self, s: LearningStep, _l: int) -> None:
        self._show_only(True, 0)
        p = s.probabilities
        self.bars.show_values(p, self._labels(len(p), True), highlight=s.label, y_range=(0, 1))
        self._label_bars(self.tr("output a (probability)"), True)
        self.title.setText(self.tr("The loss L: how wrong the output is"))
        if self._loss_name == "cross-entropy":
            formula = f"L = −log a_y = −log({p[s.label]:.4f}) = {s.loss:.4f}"
        else:
            formula = f"L = ½ Σ (a − y)² = {s.loss:.4f}"
        self.explanation.setText(self.tr(
            "{formula}. The true class {label} (green) should have output 1; the network gives it "
            "{p:.4f}.").format(formula=formula, label=self._class_names[s.label], p=p[s.label]))

    def _stage_back(self, s: LearningStep, l: int) -> None:
        self._show_only(True, 1)
        n, delta = l + 1, s.deltas[l]
        last = l == len(s.weights) - 1
        self.bars.show_values(delta, self._labels(len(delta), last))
        self._label_bars(self.tr("error signal δ = ∂L/∂z"), last)
        image, _ = weight_picture(s.grad_w[l], first_layer=l == 0)
        self.panels[0].show_signed(image)
        self.panels[0].set_title(f"∂L/∂W{sup(n)}")
        self.title.setText(self.tr("Back: the error signal δ{s} and the gradient ∂L/∂W{s}").format(s=sup(n)))
        if not last:
            rule = self.tr("δ{s} = (W{t}ᵀ δ{t}) ⊙ f′(z{s}): the error flows back through the weights.").format(
                s=sup(n), t=sup(n + 1))
        elif self._loss_name == "cross-entropy":
            rule = self.tr("At the output, δ = ∂L/∂z = a − y.")
        else:
            rule = self.tr("At the output, δ = ∂L/∂z = (a − y) ⊙ f′(z).")
        self.explanation.setText(self.tr(
            "{rule} Then ∂L/∂W{s} = δ{s} a{p}ᵀ: row i is δ_i times the previous layer's activations "
            "(left: δ, right: ∂L/∂W, orange positive, blue negative; largest |∂L/∂W| = {gmax:.2e}).").format(
            rule=rule, s=sup(n), p=sup(n - 1), gmax=np.abs(s.grad_w[l]).max()))

    def _stage_update(self, s: LearningStep, _l: int) -> None:
        self._show_only(False, 3, layer_chooser=True)
        l = max(self.layer_chooser.currentIndex(), 0)
        first = l == 0
        before, _ = weight_picture(s.weights[l], first)
        change, _ = weight_picture(s.weight_changes[l], first)
        after, _ = weight_picture(s.new_weights[l], first)
        m = symmetric_level(s.weights[l])
        self.panels[0].show_signed(before, m)
        self.panels[1].show_signed(change)
        self.panels[2].show_signed(after, m)
        n = l + 1
        self.panels[0].set_title(self.tr("before: W{s}").format(s=sup(n)))
        self.panels[1].set_title(self.tr("change: −η ∂L/∂W{s}").format(s=sup(n)))
        self.panels[2].set_title(self.tr("after: W{s} − η ∂L/∂W{s}").format(s=sup(n)))
        self.title.setText(self.tr("The update: W ← W − η ∂L/∂W"))
        self.explanation.setText(self.tr(
            "Every weight moves against its gradient (η = {lr:g}). The largest change in W{s} is "
            "{dmax:.2e}, while its weights reach ±{m:.2f}.").format(
            lr=s.lr, s=sup(n), dmax=np.abs(s.weight_changes[l]).max(), m=m) + " " + self.effect(s))

    def _stage_after(self, s: LearningStep, _l: int) -> None:
        self._show_only(True, 0)
        p = s.new_probabilities
        self.bars.show_values(p, self._labels(len(p), True), highlight=s.label, y_range=(0, 1))
        self._label_bars(self.tr("output a (probability)"), True)
        names = self._class_names
        self.title.setText(self.tr("After one step: the new prediction"))
        self.explanation.setText(self.tr(
            "Output for the true class {label}: {p0:.4f} → {p1:.4f}. Loss: {l0:.4f} → {l1:.4f}. "
            "Prediction: {k0} → {k1}.").format(
            label=names[s.label], p0=s.probabilities[s.label], p1=p[s.label], l0=s.loss, l1=s.new_loss,
            k0=names[int(np.argmax(s.probabilities))], k1=names[int(np.argmax(p))]) + " " + self.effect(s))

    def effect(self, s: LearningStep) -> str:
        """What this step did, in one sentence built from its numbers."""
        names = self._class_names
        k0, k1 = int(np.argmax(s.probabilities)), int(np.argmax(s.new_probabilities))
        numbers = dict(label=names[s.label], p0=100 * s.probabilities[s.label],
                       p1=100 * s.new_probabilities[s.label], l0=s.loss, l1=s.new_loss,
                       k0=names[k0], k1=names[k1])
        if s.new_loss > s.loss:
            return self.tr("This step made the loss worse ({l0:.4f} → {l1:.4f}): η is so large that "
                           "the step overshoots.").format(**numbers)
        if k0 != k1:
            return self.tr("This one step changes the answer from {k0} to {k1}: the probability of "
                           "the true class {label} goes from {p0:.2f} % to {p1:.2f} %, the loss from "
                           "{l0:.4f} to {l1:.4f}. That is a big step; with a smaller η it would only "
                           "nudge the answer.").format(**numbers)
        return self.tr("The answer stays {k0}; the probability of the true class {label} goes from "
                       "{p0:.2f} % to {p1:.2f} % and the loss from {l0:.4f} to {l1:.4f}: a nudge in the "
                       "right direction. Learning is many such steps.").format(**numbers)

    def _labels(self, n: int, output: bool) -> list[str]:
        return list(self._class_names) if output and len(self._class_names) == n else [str(i) for i in range(n)]

    # --- texts -------------------------------------------------------------------------------

    def concepts_html(self) -> str:
        """Help → Concepts on this screen, for this tab."""
        return self.tr(
            "<p><b>One step of learning</b>, slowed down: the forward pass computes every layer's z "
            "and a; the <b>loss</b> compares the output with the true label; <b>backpropagation</b> "
            "sends δ = ∂L/∂z back from the output, layer by layer (the chain rule); each weight's "
            "<b>gradient</b> is ∂L/∂W = δ a<sup>T</sup>; and the update W ← W − η ∂L/∂W takes a "
            "step of size η (the <b>learning rate</b>) downhill.</p>")

    def retranslate(self) -> None:
        self.legend.setText(sign_legend_html(self.tr("blue: negative"), self.tr("orange: positive"),
                                             self.tr("0")) + "&nbsp;&nbsp;&nbsp;" + self.tr(
            "green bar: the true class"))
        self.lr_caption.setText(self.tr("learning rate η"))
        self.layer_caption.setText(self.tr("layer"))
        self._label_bars(self.tr("activation a"), False)     # the stage shown sets its own
        self.back_button.setText(self.tr("◀ Previous stage"))
        self.forward_button.setText(self.tr("Next stage ▶"))
        self.back_button.setToolTip(self.tr("The stage before: forward pass, loss, backpropagation, update"))
        self.forward_button.setToolTip(self.tr("The next stage of the learning step"))
        self.layer_chooser.setToolTip(self.tr("The layer whose numbers are shown"))
        self.lr.setToolTip(self.tr("Learning rate η of the update W ← W − η ∂L/∂W"))
        self._show_stage()
