"""Translated names the explorer's views share: layers and neurons, activation symbols, numbers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def layer_name(layer: int, n_layers: int) -> str:
    """"input layer", "hidden layer 2", "output layer" for a layer of ``sizes`` (n_layers = len(sizes))."""
    if layer == 0:
        return translate("ExplorerNames", "input layer")
    if layer == n_layers - 1:
        return translate("ExplorerNames", "output layer")
    return translate("ExplorerNames", "hidden layer {n}").format(n=layer)


def neuron_name(layer: int, index: int, n_layers: int) -> str:
    """"hidden layer 1 · neuron 5" (input pixels by row and column)."""
    if layer == 0:
        row, col = divmod(index, 28)
        return translate("ExplorerNames", "input pixel {i} (row {row}, column {col})").format(
            i=index, row=row, col=col)
    return translate("ExplorerNames", "{layer} · neuron {i}").format(
        layer=layer_name(layer, n_layers), i=index)


def activation_symbol(name: str) -> str:
    """How the notes write an activation function: σ for sigmoid, ReLU, softmax, …"""
    return {"sigmoid": "σ", "relu": "ReLU", "leaky_relu": "leaky ReLU", "tanh": "tanh",
            "softmax": "softmax", "step": "u", "identity": "id"}.get(name, name)


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def layer_superscript(layer: int) -> str:
    """The layer index as the notes write it on a or W: ⁽¹⁾, ⁽²⁾, …"""
    return f"⁽{str(layer).translate(SUPERSCRIPT)}⁾"


def number(x: float, digits: int = 2) -> str:
    """A signed number with a true minus sign: −0.41, 1.62."""
    return f"{x:.{digits}f}".replace("-", "−")
