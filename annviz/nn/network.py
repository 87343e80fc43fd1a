"""A fully connected feed-forward network, written from scratch with NumPy.

Simple and readable, vectorised over the batch: one row of ``x`` is one example. Weights follow
PyTorch's ``nn.Linear`` layout, ``weights[l]`` shaped (n_out, n_in), so a layer computes

    z = a_prev @ W.T + b          # (batch, n_out), the weighted input
    a = f(z)                      # (batch, n_out), the activation

``forward`` keeps every layer's z and a, because the views show them and backpropagation walks
them in reverse. Layer indices count weight layers: layer 0 maps the input to the first hidden
layer; ``sizes`` counts neurons including the input layer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import DTypeLike

from annviz.nn.activations import Activation, get_activation
from annviz.nn.losses import Loss


@dataclass
class Forward:
    """Everything one forward pass computed.

    ``activations[0]`` is the input x; ``activations[l + 1] = f(zs[l])`` for weight layer l.
    """

    zs: list[np.ndarray]
    activations: list[np.ndarray]

    @property
    def output(self) -> np.ndarray:
        return self.activations[-1]


@dataclass
class Gradients:
    """What one backward pass computed: dL/dW, dL/db and the error signal δ = dL/dz per layer."""

    grad_w: list[np.ndarray]
    grad_b: list[np.ndarray]
    deltas: list[np.ndarray]
    grad_input: np.ndarray | None = None  # dL/dx, only when asked for


# --- initialisation ------------------------------------------------------------------------

def he_normal(n_out: int, n_in: int, rng: np.random.Generator) -> np.ndarray:
    """He initialisation for ReLU layers: N(0, 2 / n_in) keeps the activations' variance."""
    return rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_out, n_in))


def xavier_normal(n_out: int, n_in: int, rng: np.random.Generator) -> np.ndarray:
    """Xavier/Glorot initialisation for sigmoid, tanh and softmax: N(0, 2 / (n_in + n_out))."""
    return rng.normal(0.0, np.sqrt(2.0 / (n_in + n_out)), size=(n_out, n_in))


INIT_SCHEMES = {"he": he_normal, "xavier": xavier_normal}


def default_init(activation: str) -> str:
    """He for the ReLU family, Xavier for everything else."""
    return "he" if activation in ("relu", "leaky_relu") else "xavier"


# --- the network ---------------------------------------------------------------------------

class ParameterCounts:
    """How many numbers a network learns, for any network with ``weights`` and ``biases`` lists
    (the MLP here, the convolutional one in convnet.py)."""

    weights: list[np.ndarray]
    biases: list[np.ndarray]

    @property
    def n_weights(self) -> int:
        return sum(w.size for w in self.weights)

    @property
    def n_biases(self) -> int:
        return sum(b.size for b in self.biases)

    @property
    def n_params(self) -> int:
        return self.n_weights + self.n_biases


class Network(ParameterCounts):
    """A multilayer perceptron: ``sizes`` neurons per layer, one activation per weight layer."""

    kind = "mlp"
    is_mlp = True     # every view can show it (a ConvNet says False: annviz.nn.convnet)

    def __init__(
        self,
        sizes: Sequence[int],
        activations: Sequence[str],
        weights: list[np.ndarray] | None = None,
        biases: list[np.ndarray] | None = None,
        *,
        init: str = "auto",
        seed: int | None = 0,
        dtype: DTypeLike = np.float32,
    ) -> None:
        self.sizes = [int(n) for n in sizes]
        if len(self.sizes) < 2 or min(self.sizes) < 1:
            raise ValueError(f"a network needs at least two layers of ≥ 1 neuron, got {sizes}")
        if len(activations) != len(self.sizes) - 1:
            raise ValueError(
                f"{len(self.sizes) - 1} weight layers need as many activations, got {len(activations)}"
            )
        self.activation_names = [get_activation(n).name for n in activations]
        self.layer_activations: list[Activation] = [get_activation(n) for n in self.activation_names]
        self.dtype = np.dtype(dtype)
        if weights is None:
            weights, biases = self._initial_parameters(init, seed)
        elif biases is None:
            raise ValueError("weights given without biases")
        self.weights = [np.ascontiguousarray(w, dtype=self.dtype) for w in weights]
        self.biases = [np.ascontiguousarray(b, dtype=self.dtype) for b in biases]
        for l, (w, b) in enumerate(zip(self.weights, self.biases)):
            expected = (self.sizes[l + 1], self.sizes[l])
            if w.shape != expected or b.shape != (expected[0],):
                raise ValueError(
                    f"layer {l}: weight {w.shape} and bias {b.shape} do not fit sizes "
                    f"{self.sizes} (expected {expected} and ({expected[0]},))"
                )

    @classmethod
    def build(cls, sizes: Sequence[int], hidden: str = "sigmoid", output: str = "softmax", **kwargs: Any) -> Network:
        """Same activation in every hidden layer, ``output`` on the last layer."""
        n_layers = len(sizes) - 1
        return cls(sizes, [hidden] * (n_layers - 1) + [output], **kwargs)

    def _initial_parameters(self, init: str, seed: int | None) -> tuple[list[np.ndarray], list[np.ndarray]]:
        rng = np.random.default_rng(seed)
        weights: list[np.ndarray] = []
        biases: list[np.ndarray] = []
        for l, act in enumerate(self.activation_names):
            scheme = default_init(act) if init == "auto" else init
            if scheme not in INIT_SCHEMES:
                raise ValueError(f"unknown initialisation {init!r} (known: auto, {', '.join(INIT_SCHEMES)})")
            weights.append(INIT_SCHEMES[scheme](self.sizes[l + 1], self.sizes[l], rng))
            biases.append(np.zeros(self.sizes[l + 1]))
        return weights, biases

    # --- sizes -----------------------------------------------------------------------------

    @property
    def n_layers(self) -> int:
        """Number of weight layers (hidden layers + output layer)."""
        return len(self.weights)

    @property
    def n_inputs(self) -> int:
        return self.sizes[0]

    @property
    def n_outputs(self) -> int:
        return self.sizes[-1]

    def describe(self) -> str:
        """``784-16-16-10 sigmoid/sigmoid/softmax``."""
        return "-".join(map(str, self.sizes)) + " " + "/".join(self.activation_names)

    # --- forward ---------------------------------------------------------------------------

    def forward(self, x: np.ndarray) -> Forward:
        """Run the network on x (batch, n_in) — or one example (n_in,) — keeping every z and a."""
        a = np.asarray(x, dtype=self.dtype)
        if a.ndim == 1:
            a = a[None, :]
        zs, activations = [], [a]
        for w, b, f in zip(self.weights, self.biases, self.layer_activations):
            z = a @ w.T                      # (batch, n_out)
            z += b                           # z = a Wᵀ + b, without a second array
            a = f.f(z)                       # (batch, n_out)
            zs.append(z)
            activations.append(a)
        return Forward(zs, activations)

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """The output activations only, (batch, n_out), without keeping the intermediates."""
        a = np.asarray(x, dtype=self.dtype)
        if a.ndim == 1:
            a = a[None, :]
        for w, b, f in zip(self.weights, self.biases, self.layer_activations):
            a = f.f(a @ w.T + b)
        return a

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The predicted class of each example, (batch,)."""
        return self.predict_proba(x).argmax(axis=1)

    # --- backward --------------------------------------------------------------------------

    def backprop(self, fwd: Forward, delta: np.ndarray, input_grad: bool = False) -> Gradients:
        """Walk back from the output error signal δ = dL/dz of the last layer.

        For each layer l: dL/dW = δᵀ a_prev, dL/db = Σ_batch δ, and δ_prev = (δ W) ⊙ f'(z_prev).
        """
        n = self.n_layers
        grad_w: list[np.ndarray] = []      # from the last layer back; turned round below
        grad_b: list[np.ndarray] = []
        deltas: list[np.ndarray] = []
        grad_input = None
        for l in range(n - 1, -1, -1):
            deltas.append(delta)
            grad_w.append(delta.T @ fwd.activations[l])     # (n_out, n_in)
            grad_b.append(delta.sum(axis=0))                # (n_out,)
            if l > 0:
                grad_a = delta @ self.weights[l]            # (batch, n_in)
                delta = self.layer_activations[l - 1].backward(
                    fwd.zs[l - 1], fwd.activations[l], grad_a)
            elif input_grad:
                grad_input = delta @ self.weights[0]        # (batch, n_in)
        return Gradients(grad_w[::-1], grad_b[::-1], deltas[::-1], grad_input)

    def gradients(self, x: np.ndarray, y: np.ndarray, loss: Loss) -> tuple[float, Gradients]:
        """The batch-mean loss for (x, y) and its gradients with respect to every parameter."""
        fwd = self.forward(x)
        out_act = self.layer_activations[-1]
        value = loss.value(fwd.output, y, out_act)
        delta = loss.delta(fwd.zs[-1], fwd.output, y, out_act)
        return value, self.backprop(fwd, delta)

    def score_gradient(self, x: np.ndarray, k: int) -> np.ndarray:
        """d z_k / d x for the output neuron k's weighted input (its score), (batch, n_in)."""
        fwd = self.forward(x)
        delta = np.zeros_like(fwd.zs[-1])
        delta[:, k] = 1
        grad_input = self.backprop(fwd, delta, input_grad=True).grad_input
        assert grad_input is not None      # backprop computes it when input_grad is True
        return grad_input

    def loss(self, x: np.ndarray, y: np.ndarray, loss: Loss) -> float:
        return loss.value(self.predict_proba(x), y, self.layer_activations[-1])

    # --- copies ----------------------------------------------------------------------------

    def copy(self, dtype: DTypeLike | None = None) -> Network:
        """An independent copy (optionally in another dtype, e.g. float64 for gradient checks)."""
        return Network(self.sizes, self.activation_names,
                       [w.copy() for w in self.weights], [b.copy() for b in self.biases],
                       dtype=dtype or self.dtype)

    def snapshot(self) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
        """Read-only copies of (weights, biases): safe to hand to another thread."""
        ws, bs = [w.copy() for w in self.weights], [b.copy() for b in self.biases]
        for arr in ws + bs:
            arr.flags.writeable = False
        return tuple(ws), tuple(bs)

    def set_parameters(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> None:
        """Copy new values into this network's parameters (shapes must match)."""
        for dst, src in zip(self.weights + self.biases, list(weights) + list(biases)):
            if dst.shape != np.shape(src):
                raise ValueError(f"parameter shape {np.shape(src)} does not fit {dst.shape}")
            np.copyto(dst, src)

    def __repr__(self) -> str:
        return f"Network({self.describe()}, {self.n_params:,} parameters)"
