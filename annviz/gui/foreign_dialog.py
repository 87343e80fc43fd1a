"""What a PyTorch file without annviz metadata cannot say, asked when it is opened.

The file holds the ``nn.Linear`` layers' weights and biases (``annviz.nn.foreign``); the
activation between them and what follows the last layer left no tensor. The dialog asks for the
hidden layers' activation (ReLU unless told otherwise) and whether the last layer outputs logits
(then softmax gives the probabilities, as ``nn.CrossEntropyLoss`` assumes — the right answer for
a network that ends in softmax too); unchecked, the outputs are used as they are. The command
line asks the same with ``--activation`` and ``--logits``.

A convolutional network (``nn.Conv2d`` layers; ``annviz.nn.foreign_cnn``) whose file fits several
arrangements of padding and max-pools is also asked which one (``arrangement()``, counted from 1;
``--arrangement N`` on the command line); where one fits, nothing more is asked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from annviz.gui.training.choices import activations, fill_combo, select
from annviz.nn.foreign import ForeignLayout
from annviz.nn.foreign_cnn import ForeignConvLayout


class ForeignModelDialog(QDialog):
    """Asks for the hidden activation and the kind of output; ``activation()`` and ``logits()``
    (and for a convolutional network that fits several arrangements, ``arrangement()``)."""

    def __init__(self, path: str | Path, layout: ForeignLayout | ForeignConvLayout,
                 parent: QWidget | None = None):
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
        self._arrangement = QComboBox()
        self._arrangement.setObjectName("foreign-arrangement")
        self._arrangement_label = QLabel()
        self._asks_arrangement = layout.kind == "cnn" and len(layout.candidates) > 1

        form = QFormLayout()
        form.addRow(self._activation_label, self._activation)
        form.addRow(self._logits)
        if self._asks_arrangement:
            form.addRow(self._arrangement_label, self._arrangement)
        else:
            self._arrangement.hide()
            self._arrangement_label.hide()
        column = QVBoxLayout(self)
        column.addWidget(self._intro)
        column.addLayout(form)
        column.addWidget(self._hint)
        column.addWidget(self._buttons)
        has_hidden = layout.kind == "cnn" or len(layout.sizes) > 2
        self._activation.setEnabled(has_hidden)  # a linear classifier has no hidden layer
        self.retranslate()
        select(self._activation, "relu")

    # --- the answers -------------------------------------------------------------------------

    def activation(self) -> str:
        return self._activation.currentData()

    def logits(self) -> bool:
        return self._logits.isChecked()

    def arrangement(self) -> int | None:
        """The arrangement of padding and pooling chosen (from 1), or None where only one fits."""
        return self._arrangement.currentIndex() + 1 if self._asks_arrangement else None

    # --- text --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("A PyTorch network"))
        if self._layout.kind == "cnn":
            self._intro.setText(self.tr(
                "{file} holds a PyTorch convolutional network without annviz's description: {layout}. "
                "The file cannot say what comes between and after its layers, so please tell "
                "annviz.").format(file=self._path.name, layout=self._layout.describe()))
        else:
            self._intro.setText(self.tr(
                "{file} holds a PyTorch network without annviz's description: {sizes} neurons in the "
                "layers {layers}. The file cannot say what comes between and after its layers, so "
                "please tell annviz.").format(file=self._path.name,
                                              sizes="-".join(map(str, self._layout.sizes)),
                                              layers=", ".join(self._layout.layers)))
        self._arrangement_label.setText(self.tr("Padding and max-pools:"))
        self._arrangement.setToolTip(self.tr(
            "The file does not record each convolution's padding or whether a max-pool follows it; "
            "these arrangements give the size its first linear layer takes."))
        if self._asks_arrangement:
            chosen = max(self._arrangement.currentIndex(), 0)
            self._arrangement.clear()
            for j in range(len(self._layout.candidates)):
                self._arrangement.addItem(self._arrangement_text(j))
            self._arrangement.setCurrentIndex(chosen)
        self._activation_label.setText(self.tr("Activation of the hidden layers:"))
        fill_combo(self._activation, activations())
        self._logits.setText(self.tr("The last layer outputs logits: apply softmax"))
        self._on_logits_toggled(self._logits.isChecked())

    def _arrangement_text(self, j: int) -> str:
        """``pad 2, max-pool → pad 2, max-pool`` in the interface's language."""
        paddings, pools = self._layout.candidates[j]
        steps = [self.tr("pad {n}").format(n=p) + (self.tr(", max-pool") if pool else "")
                 for p, pool in zip(paddings, pools)]
        return f"{j + 1}: " + " → ".join(steps)

    def _on_logits_toggled(self, logits: bool) -> None:
        self._hint.setText(self.tr(
            "As for nn.CrossEntropyLoss; also right for a network that ends in softmax.") if logits
            else self.tr("The last layer's outputs are shown as they are."))
