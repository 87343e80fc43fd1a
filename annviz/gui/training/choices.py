"""The choices the training panel offers, as (value for TrainConfig, translated label) pairs.

Labels are looked up when asked for, so a language switch only needs the combo boxes refilled
(``fill_combo`` keeps the current choice).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")


def activations() -> list[tuple[str, str]]:
    return [("sigmoid", translate("TrainingChoices", "sigmoid")),
            ("tanh", translate("TrainingChoices", "tanh")),
            ("relu", translate("TrainingChoices", "ReLU")),
            ("leaky_relu", translate("TrainingChoices", "leaky ReLU"))]


def losses() -> list[tuple[str, str]]:
    return [("cross-entropy", translate("TrainingChoices", "cross-entropy")),
            ("mse", translate("TrainingChoices", "mean squared error"))]


def optimizers() -> list[tuple[str, str]]:
    return [("sgd", translate("TrainingChoices", "SGD")),
            ("momentum", translate("TrainingChoices", "SGD with momentum")),
            ("adam", translate("TrainingChoices", "Adam"))]


def schedules() -> list[tuple[str, str]]:
    return [("constant", translate("TrainingChoices", "constant")),
            ("cosine", translate("TrainingChoices", "cosine, down to 0")),
            ("one-cycle", translate("TrainingChoices", "one cycle, up and down"))]


def inits() -> list[tuple[str, str]]:
    return [("auto", translate("TrainingChoices", "automatic (He / Xavier)")),
            ("he", translate("TrainingChoices", "He")),
            ("xavier", translate("TrainingChoices", "Xavier"))]


def combo() -> QComboBox:
    """A combo box that may be narrower than its longest item (the dock stays narrow)."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(6)
    return box


def fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Set the combo's items (label shown, value as item data), keeping the chosen value."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for value, label in items:
        combo.addItem(label, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def select(combo: QComboBox, value: str) -> None:
    """Choose the item whose value is ``value`` (nothing happens if there is none)."""
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
