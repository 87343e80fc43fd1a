"""The choices the training panel offers, as (value for TrainConfig, translated label) pairs.

Labels are looked up when asked for, so a language switch only needs the combo boxes refilled
(``fill_combo`` keeps the current choice).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox


def _tr(text: str) -> str:
    return QCoreApplication.translate("choices", text)


def activations() -> list[tuple[str, str]]:
    return [("sigmoid", _tr("sigmoid")), ("tanh", _tr("tanh")),
            ("relu", _tr("ReLU")), ("leaky_relu", _tr("leaky ReLU"))]


def losses() -> list[tuple[str, str]]:
    return [("cross-entropy", _tr("cross-entropy")), ("mse", _tr("mean squared error"))]


def optimizers() -> list[tuple[str, str]]:
    return [("sgd", _tr("SGD")), ("momentum", _tr("SGD with momentum")), ("adam", _tr("Adam"))]


def inits() -> list[tuple[str, str]]:
    return [("auto", _tr("automatic (He / Xavier)")),
            ("he", _tr("He")), ("xavier", _tr("Xavier"))]


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
