"""Translated names the pages share (the explorer's views, the insight tabs, the window's model
line): layers and neurons, activation symbols, numbers.

One rule on screen: everything is counted from 1, as layers are (a⁽¹⁾ is the first hidden
layer) — hidden neurons, input pixels as (row, column) from the top left, and the matrix indices
of the formulas, W⁽ˡ⁾[i, j] (row i: neuron i) — and output neurons are named by their class
("output neuron for “7”"). Only code and files count from 0; the help says so.
"""

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


def neuron_name(layer: int, index: int, n_layers: int, class_names=()) -> str:
    """The neuron at 0-based ``index`` of ``layer`` as the screen names it: "hidden layer 1 ·
    neuron 6" for index 5, "output neuron for “7”", "input pixel (row 1, column 6)" for index 5."""
    if layer == 0:
        row, col = divmod(index, 28)
        return translate("ExplorerNames", "input pixel (row {row}, column {col})").format(
            row=row + 1, col=col + 1)
    if layer == n_layers - 1 and index < len(class_names):
        return translate("ExplorerNames", "output neuron for “{name}”").format(name=class_names[index])
    return translate("ExplorerNames", "{layer} · neuron {i}").format(
        layer=layer_name(layer, n_layers), i=index + 1)


def activation_symbol(name: str) -> str:
    """How the notes write an activation function: σ for sigmoid, ReLU, softmax, …"""
    return {"sigmoid": "σ", "relu": "ReLU", "leaky_relu": "leaky ReLU", "tanh": "tanh",
            "softmax": "softmax", "step": "u", "identity": "id"}.get(name, name)


def activation_name(name: str) -> str:
    """An activation function's name in words, translated: "sigmoid" (시그모이드), "ReLU" (렐루) …"""
    names = {"sigmoid": translate("ExplorerNames", "sigmoid"), "relu": translate("ExplorerNames", "ReLU"),
             "leaky_relu": translate("ExplorerNames", "leaky ReLU"), "tanh": translate("ExplorerNames", "tanh"),
             "softmax": translate("ExplorerNames", "softmax"), "step": translate("ExplorerNames", "step"),
             "identity": translate("ExplorerNames", "identity")}
    return names.get(name, name)


def architecture(network) -> str:
    """"784-16-16-10 sigmoid/sigmoid/softmax" (Network.describe) with the names translated."""
    return "-".join(map(str, network.sizes)) + " " + "/".join(map(activation_name, network.activation_names))


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def layer_superscript(layer: int) -> str:
    """The layer index as the notes write it on a or W: ⁽¹⁾, ⁽²⁾, …"""
    return f"⁽{str(layer).translate(SUPERSCRIPT)}⁾"


def number(x: float, digits: int = 2) -> str:
    """A signed number with a true minus sign: −0.41, 1.62."""
    return f"{x:.{digits}f}".replace("-", "−")


def signed(x: float, digits: int = 3) -> str:
    """A number with its sign always written, and a true minus: +0.412, −1.620."""
    return f"{x:+.{digits}f}".replace("-", "−")
