"""Measuring a network: loss and accuracy over a dataset, per-class accuracy, confusion matrix."""

from __future__ import annotations

import numpy as np

from annviz.nn.losses import Loss
from annviz.nn.network import Network


def predict_in_chunks(network: Network, x: np.ndarray, chunk: int = 10_000) -> np.ndarray:
    """The output activations for every row of x, (n, n_out), a chunk at a time."""
    return np.concatenate([network.predict_proba(x[i:i + chunk]) for i in range(0, len(x), chunk)])


def score(network: Network, outputs: np.ndarray, y: np.ndarray, loss: Loss) -> tuple[float, float]:
    """(mean loss, accuracy) of output activations already computed by ``network``."""
    if len(outputs) == 0:
        return float("nan"), float("nan")
    value = loss.value(outputs, y, network.layer_activations[-1])
    return value, float((outputs.argmax(axis=1) == y).mean())


def evaluate(network: Network, x: np.ndarray, y: np.ndarray, loss: Loss,
             chunk: int = 10_000) -> tuple[float, float]:
    """(mean loss, accuracy) of ``network`` on the examples x with labels y."""
    if len(x) == 0:
        return float("nan"), float("nan")
    return score(network, predict_in_chunks(network, x, chunk), y, loss)


def confusion_matrix(labels: np.ndarray, predictions: np.ndarray, n_classes: int) -> np.ndarray:
    """counts[true, predicted], (n_classes, n_classes) int64."""
    counts = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(counts, (np.asarray(labels, dtype=np.int64), np.asarray(predictions, dtype=np.int64)), 1)
    return counts


def per_class_accuracy(confusion: np.ndarray) -> np.ndarray:
    """Share of each true class predicted correctly (NaN for a class with no examples)."""
    totals = confusion.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.diag(confusion) / totals
