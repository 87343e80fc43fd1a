"""The architecture editor: hidden layers (0 … MAX_HIDDEN), neurons and activation per layer.

One row per hidden layer: its number of neurons and its activation function, and a button that
removes it. "Add a hidden layer" appends one; "activation for all" sets every row at once. Below,
the layer sizes and the parameter count are updated as you edit — the notes' 784-16-16-10 has
12,960 weights and 42 biases, 13,002 numbers to learn.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSpinBox, QToolButton, QVBoxLayout, QWidget

from annviz.gui.training import choices
from annviz.nn.config import MAX_LAYER_SIZE

# Neurons per layer: the bound the command line and every file reader share (TrainConfig checks
# it too). Depth stays a practical UI limit, well below nn.config.MAX_LAYERS: each hidden layer is
# a row here and a column in the explorer's diagram, and six already fill a laptop screen.
MAX_HIDDEN = 6


def parameter_count(sizes: list[int]) -> tuple[int, int]:
    """(weights, biases) of a fully connected network with these layer sizes."""
    weights = sum(n_in * n_out for n_in, n_out in zip(sizes, sizes[1:]))
    return weights, sum(sizes[1:])


class _LayerRow:
    """The widgets of one hidden layer's row."""

    def __init__(self, neurons: int, activation: str):
        self.label = QLabel()
        self.neurons = QSpinBox()
        self.neurons.setRange(1, MAX_LAYER_SIZE)
        self.neurons.setValue(neurons)
        self.activation = choices.combo()
        choices.fill_combo(self.activation, choices.activations())
        choices.select(self.activation, activation)
        self.remove = QToolButton()
        self.remove.setText("×")

    def widgets(self):
        return self.label, self.neurons, self.activation, self.remove


class ArchitectureEditor(QWidget):
    """Edits hidden layer sizes and activations; ``changed`` after every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.n_in, self.n_out = 784, 10
        self._rows: list[_LayerRow] = []
        self.rows_grid = QGridLayout()
        self.all_activation = choices.combo()
        choices.fill_combo(self.all_activation, choices.activations())
        self.all_activation.activated.connect(self._on_all_activation_activated)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.all_label = QLabel()
        self.all_label.setWordWrap(True)       # above its choice: the settings stay narrow
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.all_label)
        layout.addWidget(self.all_activation)
        layout.addLayout(self.rows_grid)
        layout.addWidget(self.add_button)
        layout.addWidget(self.summary)
        self.set_layers((16, 16), ("sigmoid", "sigmoid"))
        self.retranslate()

    # --- public ----------------------------------------------------------------------------------

    def hidden(self) -> tuple[int, ...]:
        return tuple(row.neurons.value() for row in self._rows)

    def activations(self) -> tuple[str, ...]:
        return tuple(row.activation.currentData() for row in self._rows)

    def set_layers(self, hidden: tuple[int, ...], activations: tuple[str, ...]) -> None:
        while self._rows:
            self._remove_row(self._rows[-1])
        for neurons, activation in zip(hidden, activations):
            self._append_row(neurons, activation)
        if activations:
            choices.select(self.all_activation, activations[0])
        self._on_edited()

    def sizes(self) -> list[int]:
        return [self.n_in, *self.hidden(), self.n_out]

    # --- rows ------------------------------------------------------------------------------------

    def _append_row(self, neurons: int, activation: str) -> None:
        row = _LayerRow(neurons, activation)
        row.neurons.valueChanged.connect(self._on_edited)
        row.activation.currentIndexChanged.connect(self._on_edited)
        row.remove.clicked.connect(lambda: self._on_remove_clicked(row))
        self._rows.append(row)
        self._layout_rows()

    def _remove_row(self, row: _LayerRow) -> None:
        self._rows.remove(row)
        for widget in row.widgets():
            self.rows_grid.removeWidget(widget)
            widget.hide()              # gone at once, not only when the event loop deletes it
            widget.deleteLater()
        self._layout_rows()

    def _layout_rows(self) -> None:
        for r, row in enumerate(self._rows):
            for c, widget in enumerate(row.widgets()):
                self.rows_grid.removeWidget(widget)
                self.rows_grid.addWidget(widget, r, c)
        self.add_button.setEnabled(len(self._rows) < MAX_HIDDEN)
        self._retranslate_rows()

    # --- handlers --------------------------------------------------------------------------------

    def _on_add_button_clicked(self) -> None:
        neurons = self._rows[-1].neurons.value() if self._rows else 16
        self._append_row(neurons, self.all_activation.currentData())
        self._on_edited()

    def _on_remove_clicked(self, row: _LayerRow) -> None:
        self._remove_row(row)
        self._on_edited()

    def _on_all_activation_activated(self) -> None:
        for row in self._rows:
            choices.select(row.activation, self.all_activation.currentData())

    def _on_edited(self) -> None:
        self._update_summary()
        self.changed.emit()

    # --- texts -----------------------------------------------------------------------------------

    def _update_summary(self) -> None:
        sizes = self.sizes()
        weights, biases = parameter_count(sizes)
        self.summary.setText(self.tr("{sizes}: {total} parameters ({w} weights, {b} biases)").format(
            sizes="-".join(map(str, sizes)), total=f"{weights + biases:,}", w=f"{weights:,}",
            b=f"{biases:,}"))

    def _retranslate_rows(self) -> None:
        for i, row in enumerate(self._rows, start=1):
            row.label.setText(self.tr("Hidden layer {n}").format(n=i))
            row.neurons.setSuffix(self.tr(" neurons"))
            row.remove.setToolTip(self.tr("Remove this hidden layer"))
            row.neurons.setToolTip(self.tr("Neurons in hidden layer {n}").format(n=i))
            row.activation.setToolTip(self.tr("Activation of hidden layer {n}, a = f(z)").format(n=i))
            choices.fill_combo(row.activation, choices.activations())

    def retranslate(self) -> None:
        self.all_label.setText(self.tr("Activation function (all hidden layers)"))
        choices.fill_combo(self.all_activation, choices.activations())
        self.add_button.setText(self.tr("Add a hidden layer"))
        self.add_button.setToolTip(self.tr("Another hidden layer after the last one"))
        self.all_activation.setToolTip(self.tr("The activation f of every hidden layer, a = f(z): sigmoid "
                                               "σ(z) = 1/(1 + e⁻ᶻ), tanh, ReLU max(0, z) …"))
        self._retranslate_rows()
        self._update_summary()
