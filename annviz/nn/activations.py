"""Activation functions a = f(z), each with its derivative beside its formula.

Every activation offers ``f(z)`` and ``backward(z, a, grad_a) -> grad_z`` (the chain rule through
the activation). Element-wise ones also offer ``df(z)``; softmax mixes the outputs of a layer, so
its backward uses the Jacobian-vector product instead. ``a`` is passed to ``backward`` because
sigmoid, tanh and softmax express their slope most cheaply through their own output.
"""

from __future__ import annotations

import numpy as np


class Activation:
    """Base class: an element-wise activation with ``f`` and ``df``."""

    name = ""
    elementwise = True

    def f(self, z: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def df(self, z: np.ndarray) -> np.ndarray:
        """da/dz, element by element."""
        raise NotImplementedError

    def slope(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """da/dz given both z and a = f(z); subclasses use whichever is cheaper."""
        return self.df(z)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        """dL/dz from dL/da. ``grad_a`` belongs to the caller's step and may be overwritten."""
        return grad_a * self.slope(z, a)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Step(Activation):
    """Unit step u(z - θ): the neuron fires (1) when z ≥ θ. Forward only: its slope is 0."""

    name = "step"

    def __init__(self, threshold: float = 0.0) -> None:
        self.threshold = threshold

    def f(self, z: np.ndarray) -> np.ndarray:
        return (z >= self.threshold).astype(np.result_type(z, np.float32))

    def df(self, z: np.ndarray) -> np.ndarray:
        return np.zeros_like(z, dtype=np.result_type(z, np.float32))

    def __repr__(self) -> str:
        return f"Step(threshold={self.threshold})"


class Identity(Activation):
    """a = z (a linear output unit)."""

    name = "identity"

    def f(self, z: np.ndarray) -> np.ndarray:
        return z

    def df(self, z: np.ndarray) -> np.ndarray:
        return np.ones_like(z)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        return grad_a


class Sigmoid(Activation):
    """σ(z) = 1 / (1 + e^−z), output in (0, 1); σ'(z) = σ(z)(1 − σ(z))."""

    name = "sigmoid"

    def f(self, z: np.ndarray) -> np.ndarray:
        # 0.5·(1 + tanh(z/2)) equals 1/(1+e^−z) and never overflows.
        return 0.5 * (1.0 + np.tanh(0.5 * z))

    def df(self, z: np.ndarray) -> np.ndarray:
        s = self.f(z)
        return s * (1.0 - s)

    def slope(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return a * (1.0 - a)


class Tanh(Activation):
    """tanh(z), output in (−1, 1); tanh'(z) = 1 − tanh²(z)."""

    name = "tanh"

    def f(self, z: np.ndarray) -> np.ndarray:
        return np.tanh(z)

    def df(self, z: np.ndarray) -> np.ndarray:
        return 1.0 - np.tanh(z) ** 2

    def slope(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return 1.0 - a * a


class ReLU(Activation):
    """max(0, z); slope 1 for z > 0, else 0."""

    name = "relu"

    def f(self, z: np.ndarray) -> np.ndarray:
        return np.maximum(z, 0)

    def df(self, z: np.ndarray) -> np.ndarray:
        return (z > 0).astype(z.dtype)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        return np.multiply(grad_a, z > 0, out=grad_a)   # grad_a is this step's own: reused


class LeakyReLU(Activation):
    """z for z > 0, else α·z; slope 1 or α."""

    name = "leaky_relu"

    def __init__(self, alpha: float = 0.01) -> None:
        self.alpha = alpha

    def f(self, z: np.ndarray) -> np.ndarray:
        return np.where(z > 0, z, self.alpha * z)

    def df(self, z: np.ndarray) -> np.ndarray:
        return np.where(z > 0, 1.0, self.alpha).astype(z.dtype)

    def __repr__(self) -> str:
        return f"LeakyReLU(alpha={self.alpha})"


class Softmax(Activation):
    """softmax(z)_k = e^{z_k} / Σ_j e^{z_j} over the last axis; outputs sum to 1.

    Stable: subtracting max(z) changes nothing mathematically and keeps every exponent ≤ 0.
    """

    name = "softmax"
    elementwise = False

    def f(self, z: np.ndarray) -> np.ndarray:
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)

    def df(self, z: np.ndarray) -> np.ndarray:
        raise TypeError("softmax is not element-wise: use backward(z, a, grad_a)")

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        # Jacobian-vector product: dL/dz_k = a_k (dL/da_k − Σ_j dL/da_j a_j)
        return a * (grad_a - (grad_a * a).sum(axis=-1, keepdims=True))


_ACTIVATIONS: dict[str, type[Activation]] = {
    cls.name: cls for cls in (Step, Identity, Sigmoid, Tanh, ReLU, LeakyReLU, Softmax)
}

#: Activations a hidden layer may use (the training interface offers these).
HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu")
#: Activations an output layer may use.
OUTPUT_ACTIVATIONS = ("softmax", "sigmoid", "identity")
#: Every activation a model file may name.
ACTIVATION_NAMES = tuple(_ACTIVATIONS)


def get_activation(name: str, **params: float) -> Activation:
    """The activation called ``name`` ("sigmoid", "relu", …); raises ValueError if unknown."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    key = {"leakyrelu": "leaky_relu", "linear": "identity", "unit_step": "step"}.get(key, key)
    if key not in _ACTIVATIONS:
        known = ", ".join(_ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r} (known: {known})")
    return _ACTIVATIONS[key](**params)
