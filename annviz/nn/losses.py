"""Loss functions ("costs"): how wrong the output activations are for the targets.

Each loss has ``value(a, y)`` — the mean over the batch — and ``delta(z, a, y, activation)`` —
dL/dz for the output layer, the error signal δ where backpropagation starts. Targets ``y`` may be
integer class labels, shape (batch,), or float target vectors, shape (batch, n_out).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import DTypeLike

from annviz.nn.activations import Activation, Sigmoid, Softmax


def one_hot(labels: np.ndarray, n_classes: int, dtype: DTypeLike = np.float32) -> np.ndarray:
    """Integer labels (batch,) → one-hot targets (batch, n_classes)."""
    out = np.zeros((len(labels), n_classes), dtype=dtype)
    out[np.arange(len(labels)), labels] = 1
    return out


def _targets(y: np.ndarray, a: np.ndarray) -> np.ndarray:
    return one_hot(y, a.shape[-1], a.dtype) if y.ndim == 1 else y


class Loss:
    name = ""

    def value(self, a: np.ndarray, y: np.ndarray, activation: Activation | None = None) -> float:
        """The batch-mean loss; ``activation`` is the output layer's (some losses depend on it)."""
        raise NotImplementedError

    def delta(self, z: np.ndarray, a: np.ndarray, y: np.ndarray, activation: Activation) -> np.ndarray:
        """dL/dz of the output layer, (batch, n_out), for the batch-mean loss."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class CrossEntropy(Loss):
    """Cross-entropy. With softmax outputs: L = −log a_y (the probability of the true class).

    With sigmoid outputs it is the binary cross-entropy of each output unit, summed over units.
    With either, δ = (a − y) / batch: the activation's slope cancels, which is why this pair
    learns faster than mean squared error when the output is confidently wrong.

    Label smoothing ε (Szegedy et al. 2016; PyTorch's ``CrossEntropyLoss(label_smoothing=ε)``):
    integer labels become the targets t = (1 − ε)·one-hot + ε/K over K classes, so the network is
    never pushed to be 100 % sure. Then L = −Σ_k t_k log a_k and δ = (a − t) / batch.
    """

    name = "cross-entropy"

    def __init__(self, label_smoothing: float = 0.0) -> None:
        if not 0 <= label_smoothing < 1:
            raise ValueError(f"label smoothing must be in [0, 1), got {label_smoothing}")
        self.label_smoothing = float(label_smoothing)

    @staticmethod
    def _eps(a: np.ndarray) -> float:
        """Smallest probability used inside log: 1 − eps must differ from 1 in a's precision."""
        return float(np.finfo(a.dtype).eps) if np.issubdtype(a.dtype, np.floating) else 1e-12

    def targets(self, y: np.ndarray, a: np.ndarray) -> np.ndarray:
        """The target vectors (batch, K) the loss compares ``a`` with: smoothed integer labels,
        or float targets as given."""
        if y.ndim != 1:
            return y
        t = one_hot(y, a.shape[-1], a.dtype)
        if self.label_smoothing:
            t *= 1 - self.label_smoothing
            t += self.label_smoothing / a.shape[-1]
        return t

    def value(self, a: np.ndarray, y: np.ndarray, activation: Activation | None = None) -> float:
        n = len(a)
        eps = self._eps(a)
        if isinstance(activation, Sigmoid):
            t = self.targets(y, a)
            ac = np.clip(a, eps, 1 - eps)
            return float(-(t * np.log(ac) + (1 - t) * np.log(1 - ac)).sum() / n)
        if y.ndim == 1:
            p = a[np.arange(n), y]
            nll = -np.log(np.maximum(p, eps)).sum()
            if not self.label_smoothing:
                return float(nll / n)
            spread = -np.log(np.maximum(a, eps)).sum()      # Σ over examples and classes
            s = self.label_smoothing
            return float(((1 - s) * nll + s / a.shape[-1] * spread) / n)
        return float(-(y * np.log(np.maximum(a, eps))).sum() / n)

    def delta(self, z: np.ndarray, a: np.ndarray, y: np.ndarray, activation: Activation) -> np.ndarray:
        n = len(a)
        if isinstance(activation, (Softmax, Sigmoid)):
            if y.ndim == 1:
                d = a.copy()
                if self.label_smoothing:
                    d -= self.label_smoothing / a.shape[-1]
                d[np.arange(n), y] -= 1 - self.label_smoothing
            else:
                d = a - y
            d /= n
            return d
        # Any other output: dL/da of −Σ t log max(a, eps), then back through the activation.
        # Below eps the loss is flat (the max), so its slope there is 0 — as PyTorch's
        # clamp_min gives; −t/eps would be a step of 10¹⁵ for an output that went negative.
        t = self.targets(y, a)
        eps = self._eps(a)
        grad_a = -t / np.maximum(a, eps) / n
        grad_a[a < eps] = 0
        return activation.backward(z, a, grad_a)

    def __repr__(self) -> str:
        return f"CrossEntropy(label_smoothing={self.label_smoothing:g})" if self.label_smoothing else "CrossEntropy()"


class MeanSquaredError(Loss):
    """L = ½ Σ_k (a_k − y_k)², averaged over the batch; dL/da = (a − y)."""

    name = "mse"

    def value(self, a: np.ndarray, y: np.ndarray, activation: Activation | None = None) -> float:
        t = _targets(y, a)
        return float(0.5 * ((a - t) ** 2).sum() / len(a))

    def delta(self, z: np.ndarray, a: np.ndarray, y: np.ndarray, activation: Activation) -> np.ndarray:
        t = _targets(y, a)
        return activation.backward(z, a, (a - t) / len(a))


LOSS_NAMES = ("cross-entropy", "mse")


def get_loss(name: str, label_smoothing: float = 0.0) -> Loss:
    """The loss called ``name`` ("cross-entropy" or "mse"), with ``label_smoothing`` ε for
    cross-entropy; raises ValueError if unknown, or for ε outside [0, 1) or with "mse"."""
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    key = {"crossentropy": "cross-entropy", "ce": "cross-entropy",
           "mean-squared-error": "mse", "squared-error": "mse"}.get(key, key)
    if key == "cross-entropy":
        return CrossEntropy(label_smoothing)
    if key == "mse":
        if label_smoothing:
            raise ValueError("label smoothing needs the cross-entropy loss, not mse")
        return MeanSquaredError()
    raise ValueError(f"unknown loss {name!r} (known: {', '.join(LOSS_NAMES)})")
