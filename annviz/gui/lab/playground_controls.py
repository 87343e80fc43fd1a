"""PlaygroundControls: the settings of the playground, as a ``PlaygroundConfig`` and a ``Hyper``.

Data (dataset, noise, test share, seed; or the perceptron's own points, once handed over with
``set_points``), features, network (hidden layers and their neurons,
activation) and training (learning rate, batch size, L2, speed). Changing anything in the first
three emits ``config_changed`` (the network starts again); the training settings emit
``hyper_changed`` and apply while training runs.
"""

from __future__ import annotations

import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annviz.data.planar import FEATURE_LABELS, FEATURES, PLAYGROUND_DATASETS, PlanarDataset
from annviz.gui.lab.playground_model import Hyper, PlaygroundConfig
from annviz.gui.lab.widgets import ValueSlider
from annviz.nn.activations import HIDDEN_ACTIVATIONS

MAX_LAYERS, MAX_NEURONS = 6, 8
LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
L2_RATES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1)
SPEEDS = (1, 4, 16)                                  # epochs per screen update
#: The dataset key of points handed over from the perceptron (``set_points``).
GIVEN_POINTS = "points"
#: Each feature's part of its check box's object name (a name cannot hold ^, * or brackets).
FEATURE_NAMES = {"x1": "x1", "x2": "x2", "x1^2": "x1-squared", "x2^2": "x2-squared",
                 "x1*x2": "x1-times-x2", "sin(x1)": "sin-x1", "sin(x2)": "sin-x2"}


class PlaygroundControls(QWidget):
    """The left column of the playground."""

    config_changed = Signal()
    hyper_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        defaults = PlaygroundConfig()
        self._points = None                               # the perceptron's points, once given
        self.dataset = QComboBox()
        for key in PLAYGROUND_DATASETS:
            self.dataset.addItem("", key)
        self.noise = ValueSlider(0, 50, 5, 0, decimals=0)
        self.test_share = ValueSlider(10, 90, 10, 50, decimals=0)
        self.seed = QSpinBox()
        self.seed.setRange(0, 99999)
        self.new_seed = QPushButton()
        self.feature_boxes = {key: QCheckBox(FEATURE_LABELS[key]) for key in FEATURES}
        for key in defaults.features:
            self.feature_boxes[key].setChecked(True)
        self.layers = QSpinBox()
        self.layers.setRange(0, MAX_LAYERS)
        self.layers.setValue(len(defaults.hidden))
        self.neurons = [QSpinBox() for _ in range(MAX_LAYERS)]
        for k, box in enumerate(self.neurons):
            box.setRange(1, MAX_NEURONS)
            box.setValue(defaults.hidden[k] if k < len(defaults.hidden) else 4)
        self.activation = QComboBox()
        for name in HIDDEN_ACTIVATIONS:
            self.activation.addItem("", name)
        self.activation.setCurrentIndex(HIDDEN_ACTIVATIONS.index(defaults.activation))
        self.learning_rate = QComboBox()
        for lr in LEARNING_RATES:
            self.learning_rate.addItem(f"{lr:g}", lr)
        self.learning_rate.setCurrentIndex(LEARNING_RATES.index(Hyper().learning_rate))
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, 64)
        self.batch_size.setValue(Hyper().batch_size)
        self.l2 = QComboBox()
        for rate in L2_RATES:
            self.l2.addItem(f"{rate:g}", rate)
        self.speed = QComboBox()
        for n in SPEEDS:
            self.speed.addItem("", n)
        self.speed.setCurrentIndex(1)

        self.data_box, self.features_box, self.network_box, self.training_box = (QGroupBox() for _ in range(4))
        self._name_widgets()
        self._labels = {key: QLabel() for key in ("dataset", "noise", "test", "seed", "layers",
                                                   "neurons", "activation", "lr", "batch", "l2", "speed")}
        form = QFormLayout(self.data_box)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.new_seed)
        for key, field in (("dataset", self.dataset), ("noise", self.noise), ("test", self.test_share),
                           ("seed", seed_row)):
            form.addRow(self._labels[key], field)
        features = QGridLayout(self.features_box)
        for k, box in enumerate(self.feature_boxes.values()):
            features.addWidget(box, k // 2, k % 2)
        form = QFormLayout(self.network_box)
        neurons_row = QGridLayout()                        # three layers to a row
        for k, box in enumerate(self.neurons):
            neurons_row.addWidget(box, k // 3, k % 3)
        for key, field in (("layers", self.layers), ("neurons", neurons_row), ("activation", self.activation)):
            form.addRow(self._labels[key], field)
        form = QFormLayout(self.training_box)
        for key, field in (("lr", self.learning_rate), ("batch", self.batch_size), ("l2", self.l2),
                           ("speed", self.speed)):
            form.addRow(self._labels[key], field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.data_box, self.features_box, self.network_box, self.training_box):
            layout.addWidget(box)
        layout.addStretch(1)

        for signal in (self.dataset.currentIndexChanged, self.seed.valueChanged, self.layers.valueChanged,
                       self.activation.currentIndexChanged, self.noise.value_changed,
                       self.test_share.value_changed):
            signal.connect(self._on_config_edited)
        for box in self.neurons:
            box.valueChanged.connect(self._on_config_edited)
        for box in self.feature_boxes.values():
            box.toggled.connect(self._on_feature_toggled)
        for signal in (self.learning_rate.currentIndexChanged, self.batch_size.valueChanged,
                       self.l2.currentIndexChanged, self.speed.currentIndexChanged):
            signal.connect(self.hyper_changed)
        self.new_seed.clicked.connect(self._on_new_seed_clicked)
        self.layers.valueChanged.connect(self._show_neuron_boxes)
        self._show_neuron_boxes(self.layers.value())
        self.retranslate()

    def _name_widgets(self) -> None:
        """Stable object names (lessons name widgets by them; see annviz.lessons.vocabulary)."""
        for widget, name in ((self.dataset, "dataset"), (self.noise, "noise"), (self.test_share, "test-share"),
                             (self.seed, "seed"), (self.features_box, "features"), (self.layers, "layers"),
                             (self.activation, "activation"), (self.learning_rate, "rate"),
                             (self.batch_size, "batch"), (self.speed, "speed")):
            widget.setObjectName(f"lab-playground-{name}")
        for k, box in enumerate(self.neurons, start=1):
            box.setObjectName(f"lab-playground-neurons-{k}")
        for key, box in self.feature_boxes.items():
            box.setObjectName(f"lab-playground-feature-{FEATURE_NAMES[key]}")

    def retranslate(self) -> None:
        names = {"circle": self.tr("circle"), "xor": self.tr("XOR"), "gaussian": self.tr("gaussian blobs"),
                 "spirals": self.tr("two spirals")}
        for i, key in enumerate(PLAYGROUND_DATASETS):
            self.dataset.setItemText(i, names[key])
        if self.dataset.findData(GIVEN_POINTS) >= 0:
            self.dataset.setItemText(self.dataset.findData(GIVEN_POINTS), self.tr("the perceptron's points"))
        activations = {"sigmoid": self.tr("sigmoid"), "tanh": self.tr("tanh"), "relu": self.tr("ReLU"),
                       "leaky_relu": self.tr("leaky ReLU")}
        for i, key in enumerate(HIDDEN_ACTIVATIONS):
            self.activation.setItemText(i, activations[key])
        speeds = (self.tr("slow"), self.tr("normal"), self.tr("fast"))
        for i, (text, n) in enumerate(zip(speeds, SPEEDS)):
            self.speed.setItemText(i, text)
            tip = (self.tr("one epoch per screen update") if n == 1 else
                   self.tr("up to {n} epochs per screen update").format(n=n))
            self.speed.setItemData(i, tip,
                                   Qt.ItemDataRole.ToolTipRole)
        self.l2.setItemText(0, self.tr("none"))
        self.data_box.setTitle(self.tr("Data"))
        self.features_box.setTitle(self.tr("Features (inputs)"))
        self.network_box.setTitle(self.tr("Network"))
        self.training_box.setTitle(self.tr("Training"))
        texts = {"dataset": self.tr("Dataset:"), "noise": self.tr("Noise %:"), "test": self.tr("Test data %:"),
                 "seed": self.tr("Seed:"), "layers": self.tr("Hidden layers:"), "neurons": self.tr("Neurons:"),
                 "activation": self.tr("Activation:"), "lr": self.tr("Learning rate:"),
                 "batch": self.tr("Batch size:"), "l2": self.tr("L2 regularisation:"), "speed": self.tr("Speed:")}
        for key, text in texts.items():
            self._labels[key].setText(text)
        self.new_seed.setText(self.tr("New seed"))
        for widget, tip in (
                (self.dataset, self.tr("The points to separate: a circle, XOR, gaussian blobs or two spirals")),
                (self.noise, self.tr("How much the points are scattered across the boundary")),
                (self.test_share, self.tr("Share of the points kept for testing, never trained on")),
                (self.seed, self.tr("The seed of the points, the split and the first weights: the same seed, "
                                    "the same run")),
                (self.new_seed, self.tr("A new random seed: other points, other first weights")),
                (self.layers, self.tr("Hidden layers between the features and the output neuron")),
                (self.activation, self.tr("Activation of the hidden neurons, a = f(z): sigmoid σ(z) = 1/(1 + e⁻ᶻ), "
                                          "tanh, ReLU max(0, z), leaky ReLU")),
                (self.learning_rate, self.tr("Learning rate η: each step is w ← w − η ∂L/∂w")),
                (self.batch_size, self.tr("Points per mini-batch: one step per batch")),
                (self.l2, self.tr("L2 regularisation λ: each step also pulls w toward 0, w ← w − η λ w")),
                (self.speed, self.tr("How many epochs run between two pictures"))):
            widget.setToolTip(tip)
        for k, box in enumerate(self.neurons, 1):
            box.setToolTip(self.tr("Neurons in hidden layer {k}").format(k=k))
        for key, box in self.feature_boxes.items():
            box.setToolTip(self.tr("Give the network {feature} as an input").format(feature=FEATURE_LABELS[key]))


    # --- values ------------------------------------------------------------------------------

    def config(self) -> PlaygroundConfig:
        features = tuple(key for key, box in self.feature_boxes.items() if box.isChecked())
        given = self.dataset.currentData() == GIVEN_POINTS
        return PlaygroundConfig(
            dataset=self.dataset.currentData(), noise=self.noise.value() / 100,
            test_fraction=0.0 if given else self.test_share.value() / 100, features=features,
            hidden=tuple(box.value() for box in self.neurons[:self.layers.value()]),
            activation=self.activation.currentData(), seed=self.seed.value(),
            points=self._points if given else None)

    def hyper(self) -> Hyper:
        return Hyper(learning_rate=self.learning_rate.currentData(), batch_size=self.batch_size.value(),
                     l2=self.l2.currentData())

    def epochs_per_update(self) -> int:
        return self.speed.currentData()

    def set_points(self, points: PlanarDataset) -> None:
        """Offer these points (the perceptron's) as a dataset; ``set_config(GIVEN_POINTS, …)`` picks them.

        With given points every point is for training: the noise and test share do not apply.
        """
        self._points = points
        if self.dataset.findData(GIVEN_POINTS) < 0:
            self.dataset.addItem("", GIVEN_POINTS)
            self.retranslate()

    def set_config(self, dataset: str, hidden: tuple[int, ...], features: tuple[str, ...] = ("x1", "x2"),
                   learning_rate: float | None = None) -> None:
        """Set the dataset, the hidden layers, the features and maybe the learning rate at once
        (one ``config_changed``)."""
        self.blockSignals(True)
        self.dataset.setCurrentIndex(self.dataset.findData(dataset))
        if learning_rate is not None:
            self.learning_rate.setCurrentIndex(LEARNING_RATES.index(learning_rate))
        self.layers.setValue(len(hidden))
        for box, n in zip(self.neurons, hidden):
            box.setValue(n)
        for key, box in self.feature_boxes.items():
            box.setChecked(key in features)
        self.blockSignals(False)
        self._enable_data_settings()
        self.hyper_changed.emit()
        self.config_changed.emit()

    def set_everything(self, config: PlaygroundConfig, hyper: Hyper, epochs_per_update: int) -> None:
        """Every setting at once (one ``config_changed``), e.g. from a setup file: values between the
        offered ones go to the nearest. Given points (``config.points``) are offered first."""
        if config.points is not None:
            self.set_points(config.points)
        self.blockSignals(True)
        for widget in (self.dataset, self.seed, self.layers, self.activation, self.noise, self.test_share,
                       *self.neurons, *self.feature_boxes.values(), self.learning_rate, self.batch_size,
                       self.l2, self.speed):
            widget.blockSignals(True)
        try:
            self.dataset.setCurrentIndex(max(self.dataset.findData(config.dataset), 0))
            self.noise.set_value(100 * config.noise)
            self.test_share.set_value(100 * config.test_fraction)
            self.seed.setValue(config.seed)
            self.layers.setValue(len(config.hidden))
            for box, n in zip(self.neurons, config.hidden):
                box.setValue(n)
            for key, box in self.feature_boxes.items():
                box.setChecked(key in config.features)
            if config.activation in HIDDEN_ACTIVATIONS:
                self.activation.setCurrentIndex(HIDDEN_ACTIVATIONS.index(config.activation))
            for combo, values, value in ((self.learning_rate, LEARNING_RATES, hyper.learning_rate),
                                         (self.l2, L2_RATES, hyper.l2), (self.speed, SPEEDS, epochs_per_update)):
                combo.setCurrentIndex(min(range(len(values)), key=lambda i: abs(values[i] - value)))
            self.batch_size.setValue(hyper.batch_size)
        finally:
            for widget in (self.dataset, self.seed, self.layers, self.activation, self.noise, self.test_share,
                           *self.neurons, *self.feature_boxes.values(), self.learning_rate, self.batch_size,
                           self.l2, self.speed):
                widget.blockSignals(False)
            self.blockSignals(False)
        self._show_neuron_boxes(self.layers.value())
        self._enable_data_settings()
        self.hyper_changed.emit()
        self.config_changed.emit()

    # --- handlers ----------------------------------------------------------------------------

    def _on_config_edited(self, *_args) -> None:
        self._enable_data_settings()
        self.config_changed.emit()

    def _enable_data_settings(self) -> None:
        made = self.dataset.currentData() != GIVEN_POINTS
        for key, widget in (("noise", self.noise), ("test", self.test_share)):
            widget.setEnabled(made)
            widget.setVisible(made)              # the perceptron's points: all for training
            self._labels[key].setVisible(made)

    def _on_feature_toggled(self, checked: bool) -> None:
        if not checked and not any(box.isChecked() for box in self.feature_boxes.values()):
            self.sender().setChecked(True)                 # keep at least one input
            return
        self.config_changed.emit()

    def _on_new_seed_clicked(self) -> None:
        self.seed.setValue(random.randrange(100000))

    def _show_neuron_boxes(self, layers: int) -> None:
        for k, box in enumerate(self.neurons):
            box.setVisible(k < layers)
