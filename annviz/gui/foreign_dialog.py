"""What a PyTorch file without annviz metadata cannot say, asked when it is opened.

The file holds the ``nn.Linear`` layers' weights and biases (``annviz.nn.foreign``); the
activation between them and what follows the last layer left no tensor. The dialog asks for the
hidden layers' activation (ReLU unless told otherwise) and whether the last layer outputs logits
(then softmax gives the probabilities, as ``nn.CrossEntropyLoss`` assumes — the right answer for
a network that ends in softmax too); unchecked, the outputs are used as they are. The command
line asks the same with ``--activation`` and ``--logits``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QVBoxLayout, QWidget)

from annviz.gui.training.choices import activations, fill_combo, select
from annviz.nn.foreign import ForeignLayout


class ForeignModelDialog(QDialog):
    """Asks for the hidden activation and the kind of output; ``activation()`` and ``logits()``."""

    def __init__(self, path: str | Path, layout: ForeignLayout, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("foreign-model-dialog")
        self.setMinimumWidth(440)
        self._path, self._layout = Path(path), layout
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self._activation = QComboBox()
        self._activation_label = QLabel()
        self._logits = QCheckBox()
        self._logits.setChecked(True)
        self._hint = QLabel()
        self._hint.setWordWrap(True)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                         | QDialogButtonBox.StandardButton.Cancel)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._logits.toggled.connect(self._on_logits_toggled)

        form = QFormLayout()
        form.addRow(self._activation_label, self._activation)
        form.addRow(self._logits)
        column = QVBoxLayout(self)
        column.addWidget(self._intro)
        column.addLayout(form)
        column.addWidget(self._hint)
        column.addWidget(self._buttons)
        has_hidden = len(layout.sizes) > 2
        self._activation.setEnabled(has_hidden)  # a linear classifier has no hidden layer
        self.retranslate()
        select(self._activation, "relu")

    # --- the answers -------------------------------------------------------------------------

    def activation(self) -> str:
        return self._activation.currentData()

    def logits(self) -> bool:
        return self._logits.isChecked()

    # --- text --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("A PyTorch network"))
        self._intro.setText(self.tr(
            "{file} holds a PyTorch network without annviz's description: {sizes} neurons in the "
            "layers {layers}. The file cannot say what comes between and after its layers, so "
            "please tell annviz.").format(file=self._path.name,
                                          sizes="-".join(map(str, self._layout.sizes)),
                                          layers=", ".join(self._layout.layers)))
        self._activation_label.setText(self.tr("Activation of the hidden layers:"))
        fill_combo(self._activation, activations())
        self._logits.setText(self.tr("The last layer outputs logits: apply softmax"))
        self._on_logits_toggled(self._logits.isChecked())

    def _on_logits_toggled(self, logits: bool) -> None:
        self._hint.setText(self.tr(
            "As for nn.CrossEntropyLoss; also right for a network that ends in softmax.") if logits
            else self.tr("The last layer's outputs are shown as they are."))
