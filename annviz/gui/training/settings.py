"""Every training setting in one form: the data, the network, and how it learns.

``config()`` reads the form into a ``TrainConfig``; ``set_config`` fills it from one (presets do
this). Learning rate, momentum and L2 stay editable while a run goes on and announce themselves
with ``live_changed(dict)`` (keys ``lr``, ``momentum``, ``weight_decay``); everything else is
locked by ``set_running(True)`` because it only means something for a fresh network. Label
smoothing is offered with cross-entropy only (squared error has no targets to soften).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annviz.data.datasets import available_datasets
from annviz.gui.common import room
from annviz.gui.training import choices
from annviz.gui.training.architecture import ArchitectureEditor
from annviz.gui.training.log_slider import LogSlider, round_values
from annviz.nn.config import TrainConfig

BATCH_SIZES = (1, 8, 10, 16, 32, 64, 128, 256, 512, 1024)  # 10: Nielsen's book, behind the notes
FOLDER_ITEM = "<folder>"


def dataset_choices() -> list[tuple[str, str]]:
    """The named datasets this machine has, with their translated names."""
    names = {"mnist": QCoreApplication.translate("TrainingSettings", "MNIST (handwritten digits)"),
             "fashion-mnist": QCoreApplication.translate("TrainingSettings", "Fashion-MNIST (clothing)")}
    return [(name, names[name]) for name in available_datasets() if name in names]


class TrainingSettings(QWidget):
    changed = Signal()
    live_changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._folders: list[str] = []
        self._running = self._continuing = False
        # data
        self.dataset = choices.combo()
        self.n_train = QSpinBox()
        self.n_train.setRange(100, 60_000)          # a few hundred: a network that overfits
        self.n_train.setStepType(QSpinBox.StepType.AdaptiveDecimalStepType)   # 10s, 100s, 1000s
        self.n_train.setGroupSeparatorShown(True)
        self.validation = QSpinBox()
        self.validation.setRange(0, 50)
        self.validation.setSuffix(" %")
        # network
        self.architecture = ArchitectureEditor()
        self.loss = choices.combo()
        self.init = choices.combo()
        self.seed = QSpinBox()
        self.seed.setRange(0, 999_999)
        # learning
        self.optimizer = choices.combo()
        self.lr = LogSlider(round_values(-5, 3), 0.001)
        self.momentum = QDoubleSpinBox()
        self.momentum.setRange(0.0, 0.99)
        self.momentum.setSingleStep(0.05)
        self.batch_size = choices.combo()
        for size in BATCH_SIZES:
            self.batch_size.addItem(str(size), size)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 500)
        self.weight_decay = LogSlider([0.0, *round_values(-6, -1)], 0.0)
        self.schedule = choices.combo()
        self.label_smoothing = QDoubleSpinBox()
        self.label_smoothing.setRange(0.0, 0.5)
        self.label_smoothing.setSingleStep(0.05)
        self.augment = QCheckBox()

        self.data_box, data_form = self._group()
        self.network_box, network_form = self._group()
        self.learning_box, learning_form = self._group()
        self._labels: dict[QWidget, QLabel] = {}
        for form, widgets in ((data_form, (self.dataset, self.n_train, self.validation)),
                              (network_form, (self.loss, self.init, self.seed)),
                              (learning_form, (self.optimizer, self.lr, self.schedule, self.momentum,
                                               self.batch_size, self.epochs, self.weight_decay,
                                               self.label_smoothing))):
            for widget in widgets:
                self._labels[widget] = QLabel()
                form.addRow(self._labels[widget], widget)
        network_form.insertRow(0, self.architecture)
        learning_form.addRow(self.augment)
        # Three tabs, each short enough for a laptop screen: the common settings are never
        # scrolled out of sight, and each group is one click away.
        self.tabs = room.whole_tabs(QTabWidget())
        self.tabs.setObjectName("training-settings-tabs")
        for widget, name in ((self.network_box, "settings-network"), (self.learning_box, "settings-learning"),
                             (self.data_box, "settings-data"), (self.architecture, "architecture"),
                             (self.loss, "loss"), (self.optimizer, "optimizer"), (self.lr, "lr"),
                             (self.batch_size, "batch"), (self.epochs, "epochs"), (self.n_train, "examples"),
                             (self.validation, "validation"),
                             (self.dataset, "dataset"), (self.seed, "seed"), (self.schedule, "schedule"),
                             (self.label_smoothing, "label-smoothing")):
            widget.setObjectName(f"training-{name}")   # lessons name widgets by these
        for box in (self.network_box, self.learning_box, self.data_box):
            self.tabs.addTab(box, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate()
        self.set_config(TrainConfig())
        self._connect()

    def _group(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(4, 4, 4, 4)        # the left column is narrow (common.room)
        return page, form

    def _connect(self) -> None:
        self.dataset.activated.connect(self._on_dataset_activated)
        for spin in (self.n_train, self.validation, self.seed, self.epochs):
            spin.valueChanged.connect(self.changed)
        for combo in (self.loss, self.init, self.batch_size, self.schedule):
            combo.currentIndexChanged.connect(self.changed)
        self.loss.currentIndexChanged.connect(self._on_loss_changed)
        self.label_smoothing.valueChanged.connect(self.changed)
        self.optimizer.currentIndexChanged.connect(self._on_optimizer_changed)
        self.architecture.changed.connect(self.changed)
        self.augment.toggled.connect(self.changed)
        self.lr.value_changed.connect(lambda v: self._on_live_value_changed("lr", v))
        self.momentum.valueChanged.connect(lambda v: self._on_live_value_changed("momentum", v))
        self.weight_decay.value_changed.connect(lambda v: self._on_live_value_changed("weight_decay", v))

    # --- the configuration ---------------------------------------------------------------------

    def config(self) -> TrainConfig:
        hidden, activations = self.architecture.hidden(), self.architecture.activations()
        same = len(set(activations)) <= 1
        return TrainConfig(
            hidden=hidden,
            activation=activations[0] if activations else "sigmoid",
            hidden_activations=() if same else activations,
            loss=self.loss.currentData(),
            optimizer=self.optimizer.currentData(),
            lr=self.lr.value(),
            momentum=self.momentum.value(),
            weight_decay=self.weight_decay.value(),
            schedule=self.schedule.currentData(),
            label_smoothing=self.label_smoothing.value() if self.loss.currentData() == "cross-entropy" else 0.0,
            batch_size=self.batch_size.currentData(),
            epochs=self.epochs.value(),
            augment=self.augment.isChecked(),
            init=self.init.currentData(),
            seed=self.seed.value(),
            dataset=self.dataset.currentData(),
            n_train=None if self.n_train.value() >= self.n_train.maximum() else self.n_train.value(),
            validation_share=self.validation.value() / 100,
        )

    def set_config(self, config: TrainConfig) -> None:
        """Show ``config`` (its dataset only if this machine has it)."""
        choices.select(self.dataset, config.dataset)
        self.n_train.setValue(config.n_train or self.n_train.maximum())
        self.validation.setValue(round(config.validation_share * 100))
        acts = config.layer_activations()[:-1]
        self.architecture.set_layers(config.hidden, tuple(acts))
        choices.select(self.loss, config.loss)
        choices.select(self.init, config.init)
        self.seed.setValue(config.seed)
        choices.select(self.optimizer, config.optimizer)
        self.lr.set_value(config.lr)
        self.momentum.setValue(config.momentum)
        self.weight_decay.set_value(config.weight_decay)
        choices.select(self.schedule, config.schedule)
        self.label_smoothing.setValue(config.label_smoothing)
        if self.batch_size.findData(config.batch_size) < 0:
            self.batch_size.addItem(str(config.batch_size), config.batch_size)
        self.batch_size.setCurrentIndex(self.batch_size.findData(config.batch_size))
        self.epochs.setValue(config.epochs)
        self.augment.setChecked(config.augment)
        self._on_optimizer_changed()
        self._on_loss_changed()

    def add_folder(self, folder: str) -> None:
        """Offer a folder of IDX files the user picked as a dataset, and choose it."""
        if folder not in self._folders:
            self._folders.append(folder)
            self._fill_datasets()
        choices.select(self.dataset, folder)
        self.changed.emit()

    def set_running(self, running: bool) -> None:
        """Lock what cannot change during a run; η, μ and λ stay live."""
        self._running = running
        self._lock()

    def set_continuing(self, on: bool) -> None:
        """Lock what a run continued from a recorded moment takes from its own run: only η, μ, λ,
        the batch size and the epochs stay editable (controller.CONTINUE_MAY_CHANGE)."""
        self._continuing = on
        self._lock()

    def _lock(self) -> None:
        running, continuing = self._running, self._continuing
        self.data_box.setEnabled(not (running or continuing))
        self.network_box.setEnabled(not (running or continuing))
        for widget in (self.optimizer, self.augment, self.schedule):
            widget.setEnabled(not (running or continuing))
        for widget in (self.batch_size, self.epochs):
            widget.setEnabled(not running)
        self._on_loss_changed()

    # --- handlers ------------------------------------------------------------------------------

    def _on_dataset_activated(self) -> None:
        if self.dataset.currentData() == FOLDER_ITEM:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of IDX files"))
            if folder:
                self.add_folder(folder)
                return
            choices.select(self.dataset, "mnist")
        self.changed.emit()

    def _on_optimizer_changed(self) -> None:
        self.momentum.setEnabled(self.optimizer.currentData() == "momentum")
        self.changed.emit()

    def _on_loss_changed(self) -> None:
        """Label smoothing softens cross-entropy's targets; squared error has none to soften."""
        self.label_smoothing.setEnabled(self.loss.currentData() == "cross-entropy"
                                        and not (self._running or self._continuing))

    def _on_live_value_changed(self, key: str, value: float) -> None:
        self.live_changed.emit({key: value})
        self.changed.emit()

    # --- texts -----------------------------------------------------------------------------------

    def _fill_datasets(self) -> None:
        folders = [(folder, Path(folder).name) for folder in self._folders]
        choices.fill_combo(self.dataset, dataset_choices() + folders
                           + [(FOLDER_ITEM, self.tr("IDX folder…"))])

    def retranslate(self) -> None:
        for i, title in enumerate((self.tr("Network"), self.tr("Learning"), self.tr("Data"))):
            self.tabs.setTabText(i, title)
        for widget, text in (
            (self.dataset, self.tr("Dataset")), (self.n_train, self.tr("Training examples")),
            (self.validation, self.tr("Validation share")), (self.loss, self.tr("Loss")),
            (self.init, self.tr("Initial weights")), (self.seed, self.tr("Seed")),
            (self.optimizer, self.tr("Optimizer")), (self.lr, self.tr("Learning rate η")),
            (self.momentum, self.tr("Momentum μ")), (self.batch_size, self.tr("Batch size")),
            (self.epochs, self.tr("Epochs")), (self.weight_decay, self.tr("L2 weight decay λ")),
            (self.schedule, self.tr("η over the run")), (self.label_smoothing, self.tr("Label smoothing ε"))):
            self._labels[widget].setText(text)
        self.augment.setText(self.tr("Augment (random shifts, turns and zooms)"))
        self.n_train.setToolTip(self.tr("Use only the first examples of the training set"))
        self.validation.setToolTip(self.tr("Held out from training to measure overfitting"))
        self.lr.setToolTip(self.tr("Learning rate η: each mini-batch moves every weight w ← w − η ∂L/∂w; "
                                   "can change while training"))
        self.dataset.setToolTip(self.tr("The images and labels to learn from"))
        self.loss.setToolTip(self.tr("What is minimised: cross-entropy L = −log p_y, or the mean squared "
                                     "error L = ½ Σ (a − y)²"))
        self.init.setToolTip(self.tr("The random first weights: He, variance 2/n_in, for ReLU; Xavier, "
                                     "variance 2/(n_in + n_out), otherwise"))
        self.seed.setToolTip(self.tr("Seed of the first weights and of the order of the examples: the same "
                                     "seed, the same run"))
        self.optimizer.setToolTip(self.tr("How the gradient moves the weights: SGD w ← w − η g; momentum "
                                          "v ← μ v − η g, w ← w + v; Adam with β₁ = 0.9, β₂ = 0.999"))
        self.momentum.setToolTip(self.tr("Momentum μ: v ← μ v − η ∂L/∂w, w ← w + v (for the momentum optimizer)"))
        self.batch_size.setToolTip(self.tr("Examples per mini-batch: the gradient is their average"))
        self.epochs.setToolTip(self.tr("Passes over all the training examples"))
        self.weight_decay.setToolTip(self.tr("L2 weight decay λ: the loss gets + ½ λ Σ w², each step "
                                             "w ← w − η (∂L/∂w + λ w); can change while training"))
        self.schedule.setToolTip(self.tr("How η changes over the run: constant; a cosine from η down to 0; "
                                         "or one cycle, from η/25 up to η in the first quarter of the "
                                         "batches, then down to almost 0 (fast and stable)"))
        self.label_smoothing.setToolTip(self.tr("Label smoothing ε: cross-entropy aims at 1 − ε for the "
                                                "true class and spreads ε over all the classes, so the "
                                                "network is never pushed to be 100 % sure"))
        self.augment.setToolTip(self.tr("Each batch sees its images moved, turned and zoomed a little: more "
                                        "varied examples, less overfitting"))
        self._fill_datasets()
        for combo, items in ((self.loss, choices.losses()), (self.optimizer, choices.optimizers()),
                             (self.init, choices.inits()), (self.schedule, choices.schedules())):
            choices.fill_combo(combo, items)
