"""NeuronView: one neuron to touch — inputs, weights, bias, activation — and what it computes.

Left: the biological neuron above the unit (``NeuronPicture``) and the sliders: x and w for each
of the 2–6 inputs, the bias b, the activation, and the preset "Is it tasty?". Right: the
activation plotted against s = w·x, so that dragging b slides the curve (θ = −b marked for the
step), with a second axis on top reading z = w·x + b, the current point labelled with its z, and
the derivative f′ dashed; under it the weighted input written out with the live numbers, as a
sum and as the dot product (w₁, …, wₙ, b)·(x₁, …, xₙ, 1). With the step, the threshold θ has a
slider of its own, tied to the bias (θ = −b): moving either moves the other.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annviz.gui.common import room, zoom
from annviz.gui.common.activation_plot import ActivationPlot
from annviz.gui.common.colors import ANSWER, sign_legend_html
from annviz.gui.lab.biology import NeuronPicture
from annviz.gui.lab.neuron_model import NEURON_ACTIVATIONS, TASTY_BIAS, TASTY_SIGNALS, TASTY_WEIGHTS, Neuron, shifted
from annviz.gui.lab.widgets import ValueSlider, format_number

MAX_INPUTS = 6
SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"
#: How each activation is written in the formula a = f(z).
SYMBOLS = {"step": "u", "sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "leaky ReLU"}


def _sub(i: int) -> str:
    return "".join(SUBSCRIPTS[int(d)] for d in str(i))


class NeuronView(QWidget):
    """The "one neuron" part of the lab. ``neuron`` is what the sliders currently say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._tasty = False
        self.picture = NeuronPicture()
        self.plot = ActivationPlot(z_range=8.0)
        self.plot.setMinimumSize(320, 240)
        self.formula = QLabel()
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.formula.setWordWrap(True)
        self._formula_fit = room.WholeText(self.formula)       # as high as its lines need, never cut
        self.formula.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula.setFrameShape(QFrame.Shape.StyledPanel)
        self.formula.setMargin(10)
        zoom.relative_font(self.formula, 1.15)

        self.n_inputs = QSpinBox()
        self.n_inputs.setRange(2, MAX_INPUTS)
        self.n_inputs.setValue(3)
        self.activation = QComboBox()
        for name in NEURON_ACTIVATIONS:
            self.activation.addItem("", name)
        self.activation.setCurrentIndex(NEURON_ACTIVATIONS.index("sigmoid"))
        self.preset = QComboBox()
        self.preset.addItem("", "free")
        self.preset.addItem("", "tasty")
        self.x_sliders = [ValueSlider(-2.0, 2.0, 0.05, 1.0) for _ in range(MAX_INPUTS)]
        self.w_sliders = [ValueSlider(-3.0, 3.0, 0.1, w) for w in (0.8, -0.5, 0.4, 1.0, 0.6, -0.3)]
        self.bias_slider = ValueSlider(-8.0, 8.0, 0.1, -0.5)
        self.theta_slider = ValueSlider(-8.0, 8.0, 0.1, 0.5)          # θ = −b, for the step
        self._theta_label = QLabel()
        self._name_widgets()
        self._name_labels = [QLabel() for _ in range(MAX_INPUTS)]

        self.controls = QGroupBox()
        self.controls.setObjectName("lab-neuron-controls")
        grid = QGridLayout(self.controls)
        self._n_inputs_label, self._activation_label, self._preset_label = QLabel(), QLabel(), QLabel()
        top = QHBoxLayout()
        for label, widget in ((self._preset_label, self.preset), (self._n_inputs_label, self.n_inputs),
                              (self._activation_label, self.activation)):
            top.addWidget(label)
            top.addWidget(widget)
            top.addSpacing(12)
        top.addStretch(1)
        grid.addLayout(top, 0, 0, 1, 3)
        self._x_header, self._w_header, self._bias_label = QLabel(), QLabel(), QLabel()
        grid.addWidget(self._x_header, 1, 1)
        grid.addWidget(self._w_header, 1, 2)
        for i in range(MAX_INPUTS):
            grid.addWidget(self._name_labels[i], i + 2, 0)
            grid.addWidget(self.x_sliders[i], i + 2, 1)
            grid.addWidget(self.w_sliders[i], i + 2, 2)
        grid.addWidget(self._bias_label, MAX_INPUTS + 2, 0)
        grid.addWidget(self.bias_slider, MAX_INPUTS + 2, 2)
        grid.addWidget(self._theta_label, MAX_INPUTS + 3, 0)
        grid.addWidget(self.theta_slider, MAX_INPUTS + 3, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        self.legend = QLabel()                                  # what the picture's colours mean
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.picture, 3)
        left.addWidget(self.legend)
        left.addWidget(self.controls, 0)
        right = QVBoxLayout()
        right.addWidget(self.plot, 3)
        right.addWidget(self.formula, 2)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

        for slider in self.x_sliders + self.w_sliders + [self.bias_slider]:
            slider.value_changed.connect(self._on_value_changed)
        self.theta_slider.value_changed.connect(self._on_theta_changed)
        self.n_inputs.valueChanged.connect(self._on_n_inputs_changed)
        self.activation.currentIndexChanged.connect(self._on_value_changed)
        self.preset.activated.connect(self._on_preset_activated)
        self.retranslate()
        self._on_n_inputs_changed(self.n_inputs.value())

    def _name_widgets(self) -> None:
        """Stable object names (lessons name widgets by them; see annviz.lessons.vocabulary)."""
        for widget, name in ((self.picture, "picture"), (self.plot, "plot"), (self.formula, "formula"),
                             (self.preset, "preset"), (self.n_inputs, "inputs"),
                             (self.activation, "activation"), (self.bias_slider, "bias"),
                             (self.theta_slider, "threshold")):
            widget.setObjectName(f"lab-neuron-{name}")
        for i, (x, w) in enumerate(zip(self.x_sliders, self.w_sliders), start=1):
            x.setObjectName(f"lab-neuron-x{i}")
            w.setObjectName(f"lab-neuron-w{i}")

    # --- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        names = {"step": self.tr("unit step u"), "sigmoid": self.tr("sigmoid σ"), "tanh": self.tr("tanh"),
                 "relu": self.tr("ReLU"), "leaky_relu": self.tr("leaky ReLU")}
        for i, key in enumerate(NEURON_ACTIVATIONS):
            self.activation.setItemText(i, names[key])
        self.preset.setItemText(0, self.tr("Free: x₁ … xₙ"))
        self.preset.setItemText(1, self.tr("Is it tasty?"))
        self.controls.setTitle(self.tr("Inputs, weights and bias"))
        self.legend.setText(sign_legend_html(self.tr("blue: an inhibiting input (w < 0)"),
                                             self.tr("orange: an exciting input (w > 0)")) + "&nbsp;&nbsp;&nbsp;"
                            + f'<span style="color:{ANSWER.name()}">■</span>&nbsp;'
                            + self.tr("green: the neuron fires (the brighter, the stronger)"))
        self._preset_label.setText(self.tr("Example:"))
        self._n_inputs_label.setText(self.tr("Inputs:"))
        self._activation_label.setText(self.tr("Activation function:"))
        self._x_header.setText(self.tr("input (signal strength) x"))
        self._w_header.setText(self.tr("weight w"))
        self._bias_label.setText(self.tr("bias b"))
        self._theta_label.setText(self.tr("threshold θ = −b"))
        self.preset.setToolTip(self.tr("Free inputs, or the lecture notes' example: is it tasty? (four senses, b = −5)"))
        self.n_inputs.setToolTip(self.tr("How many inputs x₁ … xₙ the neuron has"))
        self.activation.setToolTip(self.tr("The activation function f in a = f(z): unit step u, sigmoid "
                                           "σ(z) = 1/(1 + e⁻ᶻ), tanh, ReLU max(0, z), leaky ReLU"))
        for i, (x, w) in enumerate(zip(self.x_sliders, self.w_sliders), 1):
            x.setToolTip(self.tr("Input x{i}: the strength of the signal this dendrite receives").format(i=_sub(i)))
            w.setToolTip(self.tr("Weight w{i}: how much input x{i} counts; z = Σ wᵢxᵢ + b").format(i=_sub(i)))
        self.bias_slider.setToolTip(self.tr("Bias b, added to the weighted sum: z = w·x + b; it slides the curve"))
        self.theta_slider.setToolTip(self.tr("Threshold θ = −b: the unit step fires (a = 1) when w·x ≥ θ"))
        self.plot.set_labels(self.tr("weighted sum w·x (without the bias)"), self.tr("output a"),
                             curve=self.tr("a = f(w·x + b)"), slope=self.tr("f′ (slope)"))
        self._refresh()


    def concepts_html(self) -> str:
        return self.tr(
            "<p><b>Neuron</b>: dendrites receive signals, the cell body sums them and the axon carries "
            "the result to the axon terminals, on to other neurons. In the unit, each input x is "
            "multiplied by its <b>weight</b> w — how much it counts — and the <b>bias</b> b is added: "
            "the <b>weighted input</b> z = w₁x₁ + … + wₙxₙ + b = (w₁, …, wₙ, b)·(x₁, …, xₙ, 1), as if "
            "b were the weight of an input that is always 1.</p>"
            "<p><b>Activation function</b> a = f(z). The <b>unit step</b> u fires (a = 1) when "
            "w·x ≥ θ, the <b>threshold</b> θ = −b; the <b>sigmoid</b> σ(z) = 1/(1 + e<sup>−z</sup>) is "
            "a smooth step with outputs between 0 and 1, which can learn because it has a slope; "
            "<b>ReLU</b> max(0, z) works better in deep networks.</p>"
            "<p>The curve is drawn against w·x, so changing b slides it sideways. “Is it tasty?”: "
            "sight 0.3, hearing 1.0, smell 1.3, taste 2.1, and b = −5 for someone who dislikes mint "
            "chocolate.</p>")

    def input_names(self) -> list[str]:
        n = self.n_inputs.value()
        if self._tasty and n == 4:
            return [self.tr("sight"), self.tr("hearing"), self.tr("smell"), self.tr("taste")]
        return [f"x{_sub(i + 1)}" for i in range(n)]

    # --- the neuron --------------------------------------------------------------------------

    @property
    def neuron(self) -> Neuron:
        n = self.n_inputs.value()
        return Neuron(xs=tuple(s.value() for s in self.x_sliders[:n]),
                      ws=tuple(s.value() for s in self.w_sliders[:n]),
                      b=self.bias_slider.value(),
                      activation=self.activation.currentData())

    @property
    def tasty(self) -> bool:
        """Whether the inputs are the preset's four senses."""
        return self._tasty

    def set_neuron(self, xs, ws, b: float, activation: str, tasty: bool = False) -> None:
        """Set the sliders (2 to ``MAX_INPUTS`` inputs) and the activation, e.g. from a setup file;
        ``tasty`` names the four inputs as the preset does."""
        n = min(max(len(xs), 2), MAX_INPUTS)
        if tasty and n == len(TASTY_WEIGHTS):
            self.load_tasty_preset()
        else:
            self._tasty = False
            self.preset.setCurrentIndex(0)
        self.n_inputs.setValue(n)
        for slider, value in zip(self.x_sliders, xs):
            slider.set_value(value)
        for slider, value in zip(self.w_sliders, ws):
            slider.set_value(value)
        self.bias_slider.set_value(b)
        if activation in NEURON_ACTIVATIONS:
            self.activation.setCurrentIndex(NEURON_ACTIVATIONS.index(activation))
        self._refresh()

    def load_tasty_preset(self) -> None:
        """Four senses with the weights of the notes and b = −5, on the unit step."""
        self._tasty = True
        self.preset.setCurrentIndex(1)
        self.n_inputs.blockSignals(True)
        self.n_inputs.setValue(len(TASTY_WEIGHTS))
        self.n_inputs.blockSignals(False)
        for slider, value in zip(self.x_sliders, TASTY_SIGNALS):
            slider.set_value(value)
        for slider, value in zip(self.w_sliders, TASTY_WEIGHTS):
            slider.set_value(value)
        self.bias_slider.set_value(TASTY_BIAS)
        self.activation.setCurrentIndex(NEURON_ACTIVATIONS.index("step"))
        self._on_n_inputs_changed(self.n_inputs.value())

    def _on_preset_activated(self, index: int) -> None:
        if index == 1:
            self.load_tasty_preset()
        else:
            self._tasty = False
            self._refresh()

    def _on_n_inputs_changed(self, n: int) -> None:
        if n != len(TASTY_WEIGHTS) and self._tasty:
            self._tasty = False
            self.preset.setCurrentIndex(0)
        for i in range(MAX_INPUTS):
            for widget in (self._name_labels[i], self.x_sliders[i], self.w_sliders[i]):
                widget.setVisible(i < n)
        self._refresh()

    def _on_value_changed(self, *_args) -> None:
        self._refresh()

    def _on_theta_changed(self, theta: float) -> None:
        self.bias_slider.set_value(-theta)                  # refreshes through the bias slider

    def _refresh(self) -> None:
        if not hasattr(self, "_name_labels") or not hasattr(self, "formula"):
            return
        nrn = self.neuron
        names = self.input_names()
        for label, name in zip(self._name_labels, names):
            label.setText(name)
        output_name = self.tr("tasty") if self._tasty and len(names) == 4 else "a"
        self.picture.show_neuron(nrn, names, output_name)
        step = nrn.activation == "step"
        self._theta_label.setVisible(step)
        self.theta_slider.setVisible(step)
        self.theta_slider.blockSignals(True)
        self.theta_slider.set_value(nrn.threshold)
        self.theta_slider.blockSignals(False)
        self.plot.show_function(shifted(nrn.activation, nrn.b))
        self.plot.show_z_axis(self.tr("z = w·x + b"), nrn.b)
        self.plot.show_point(nrn.weighted_sum, nrn.a, text=f"z = {format_number(nrn.z)}")
        self.formula.setText(self._formula_html(nrn))
        self._formula_fit.refit()

    def _formula_html(self, nrn: Neuron) -> str:
        n = len(nrn.ws)
        fmt = format_number
        symbols = " + ".join(f"w{_sub(i + 1)}x{_sub(i + 1)}" for i in range(n)) + " + b"
        def term(v: float) -> str:                   # + (−0.50)·1.00, never + −0.50·1.00
            text = fmt(v)
            return f"({text})" if text.startswith(("−", "-")) else text

        numbers = " + ".join(f"{term(w)}·{term(x)}" for w, x in zip(nrn.ws, nrn.xs)) + f" + {term(nrn.b)}"
        w_vec = ", ".join(fmt(w) for w in nrn.ws + (nrn.b,))
        x_vec = ", ".join(fmt(x) for x in nrn.xs) + ", 1"
        f = SYMBOLS[nrn.activation]
        weighted_input, output = self.tr("weighted input"), self.tr("output")
        lines = [
            f"<b>{weighted_input}</b>&nbsp; z = {symbols}",
            f"&nbsp;&nbsp;= {numbers}",
            f"&nbsp;&nbsp;= ({w_vec}) · ({x_vec})",
            f"&nbsp;&nbsp;= <b>{fmt(nrn.z)}</b>",
            f"<b>{output}</b>&nbsp; a = {f}(z) = <b>{fmt(nrn.a)}</b>",
        ]
        if nrn.activation == "step":
            fires = nrn.weighted_sum >= nrn.threshold
            compare = "≥" if fires else "&lt;"
            lines.append(self.tr("Threshold θ = −b = {theta}: w·x = {s} {cmp} θ, so the neuron {verdict}.").format(
                theta=fmt(nrn.threshold), s=fmt(nrn.weighted_sum), cmp=compare,
                verdict=self.tr("fires (a = 1)") if fires else self.tr("stays silent (a = 0)")))
        if self._tasty and n == 4:
            lines.append("<b>" + (self.tr("Tasty!") if nrn.a >= 0.5 else self.tr("Not tasty.")) + "</b>")
            lines.append(self.tr("The bias is the person: b = −5 is someone who dislikes mint chocolate, "
                                 "so the senses must add up to θ = 5 before it counts as tasty. Raise b "
                                 "for someone who loves it: the same senses then say “tasty” sooner."))
        return "<br>".join(lines)
