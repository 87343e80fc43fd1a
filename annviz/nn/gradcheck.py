"""Numerical differentiation: nudge one weight by ±h, watch the loss, compare with backprop.

    dL/dw ≈ (L(w + h) − L(w − h)) / 2h        (centred difference, error O(h²))

Use float64: in float32 the rounding of L swamps the difference for any small h.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annviz.nn.losses import Loss
from annviz.nn.network import Network

Index = int | tuple[int, ...]   # a bias's index, or a weight's (row, column)


@dataclass(frozen=True)
class Nudge:
    """One parameter nudged by ±h: the two losses, the numeric slope and backprop's gradient."""

    loss_plus: float
    loss_minus: float
    h: float
    numeric: float
    backprop: float

    @property
    def relative_error(self) -> float:
        return relative_error(self.numeric, self.backprop)


def relative_error(a: float, b: float) -> float:
    """|a − b| / max(|a|, |b|), 0 when both are 0."""
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale


def _parameter(network: Network, kind: str, layer: int) -> np.ndarray:
    if kind not in ("weight", "bias"):
        raise ValueError(f"kind must be 'weight' or 'bias', got {kind!r}")
    return (network.weights if kind == "weight" else network.biases)[layer]


def numeric_slope(network: Network, x: np.ndarray, y: np.ndarray, loss: Loss, kind: str, layer: int, index: Index,
                  h: float = 1e-5) -> tuple[float, float, float]:
    """(L(p + h), L(p − h), slope) for the parameter ``kind``[layer][index]; p is restored after."""
    p = _parameter(network, kind, layer)
    old = p[index]
    try:
        p[index] = old + h
        plus = network.loss(x, y, loss)
        p[index] = old - h
        minus = network.loss(x, y, loss)
    finally:
        p[index] = old
    return plus, minus, (plus - minus) / (2 * h)


def nudge(network: Network, x: np.ndarray, y: np.ndarray, loss: Loss, kind: str, layer: int, index: Index,
          h: float = 1e-5) -> Nudge:
    """Numeric slope beside the backpropagation gradient for one parameter."""
    plus, minus, slope = numeric_slope(network, x, y, loss, kind, layer, index, h)
    _, grads = network.gradients(x, y, loss)
    exact = (grads.grad_w if kind == "weight" else grads.grad_b)[layer][index]
    return Nudge(plus, minus, h, slope, float(exact))


def check_gradients(network: Network, x: np.ndarray, y: np.ndarray, loss: Loss, h: float = 1e-5,
                    samples_per_tensor: int = 20, seed: int = 0) -> float:
    """The largest relative error between backprop and the numeric slope over sampled parameters.

    ``network`` should be float64 (``network.copy(np.float64)``).
    """
    rng = np.random.default_rng(seed)
    _, grads = network.gradients(x, y, loss)
    worst = 0.0
    for kind, params, exact in (("weight", network.weights, grads.grad_w),
                                ("bias", network.biases, grads.grad_b)):
        for layer, p in enumerate(params):
            flat = rng.choice(p.size, size=min(samples_per_tensor, p.size), replace=False)
            for i in flat:
                index = np.unravel_index(i, p.shape)
                _, _, slope = numeric_slope(network, x, y, loss, kind, layer, index, h)
                g = float(exact[layer][index])
                if max(abs(g), abs(slope)) < 1e-10:
                    continue  # both zero to rounding: nothing to compare
                worst = max(worst, relative_error(slope, g))
    return worst
