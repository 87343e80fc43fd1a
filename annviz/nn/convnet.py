"""A convolutional network: a sequence of layers (``annviz.nn.layers``), trained like the MLP.

``ConvNet`` stands beside ``Network`` (the MLP) and speaks the same language to everything that
trains, measures, checks or saves a network — ``forward`` keeping what backward needs,
``backprop`` from the output layer's δ, ``weights`` and ``biases`` (one per conv or dense layer,
in PyTorch's shapes: kernels (filters, channels, k, k), dense weights (n_out, n_in)),
``layer_activations`` (one per weight layer, the output's last), ``predict_proba``,
``snapshot``, ``set_parameters``, ``copy`` — so ``Trainer``, the optimizers, ``metrics``,
``gradcheck`` and the command line take either. What it does not have is what only an MLP has:
the views that draw neurons and edges read ``sizes`` and ``weights`` as an MLP's and check
``is_mlp`` first (ARCHITECTURE.md says why the two are separate classes).

Inputs are rows of pixels, (batch, 784), as the MLP gets them; inside, maps are (channels,
batch, height, width) (``annviz.nn.convolution`` says why). A convolution whose activation is
followed by a max-pool is computed as pool-then-activation: max and a non-decreasing function
commute, so the numbers are the same, and the activation runs on a quarter of the pixels. The
forward pass then keeps the convolution's z and leaves its activation to ``layer_output``, which
computes it when a view asks.

Not for two threads at once: the scratch arrays (``Workspace``) belong to the object. Copies
(``copy``, the GUI's) have their own.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from annviz.nn.activations import Activation, get_activation
from annviz.nn.convolution import (
    Workspace,
    conv_backward,
    conv_forward,
    maxpool_backward,
    maxpool_backward_mask,
    maxpool_forward,
)
from annviz.nn.layers import Conv, Dense, Layer, activation_of, check_layers, describe
from annviz.nn.losses import Loss
from annviz.nn.network import INIT_SCHEMES, Gradients, ParameterCounts, default_init

#: Numbers of unrolled windows (im2col) one chunk of ``predict_proba`` may hold: 32 MiB of float32.
CHUNK_COLS = 8 * 2**20


@dataclass
class ConvForward:
    """What one forward pass computed, layer by layer.

    ``activations[0]`` is the input as maps (channels, batch, h, w); ``activations[i + 1]`` is
    layer i's output — None for a convolution whose activation was left to the pool after it
    (``ConvNet.layer_output`` computes it). ``zs[i]``: layer i's weighted input (a pool's that
    took over an activation: the pooled z); None where a layer has none."""

    zs: list[np.ndarray | None]
    activations: list[np.ndarray | None]
    cols: dict[int, np.ndarray] = field(default_factory=dict)     # conv layer → its im2col rows
    which: dict[int, np.ndarray] = field(default_factory=dict)    # pool layer → each window's max

    @property
    def output(self) -> np.ndarray:
        return _computed(self.activations[-1])


class ConvNet(ParameterCounts):
    """Convolutions, max-pools, a flatten and dense layers (``layers``), on images of
    ``input_shape`` (channels, height, width) given as rows of pixels."""

    kind = "cnn"
    is_mlp = False      # the views that draw an MLP's neurons and edges do not show it

    def __init__(self, layers: Iterable[Layer], input_shape: Sequence[int] = (1, 28, 28),
                 weights: Sequence[np.ndarray] | None = None, biases: Sequence[np.ndarray] | None = None, *,
                 init: str = "auto", seed: int | None = 0, dtype: DTypeLike = np.float32) -> None:
        self.layers: list[Layer] = list(layers)
        self.input_shape = tuple(int(n) for n in input_shape)
        self.shapes = check_layers(self.layers, self.input_shape)    # LayerError (a ValueError)
        self.weight_layers = [i for i, layer in enumerate(self.layers) if layer.kind in ("conv", "dense")]
        self.activation_names = [get_activation(activation_of(self.layers[i])).name for i in self.weight_layers]
        self.layer_activations: list[Activation] = [get_activation(n) for n in self.activation_names]
        self.dtype = np.dtype(dtype)
        if weights is None:
            weights, biases = self._initial_parameters(init, seed)
        elif biases is None:
            raise ValueError("weights given without biases")
        self.weights = [np.ascontiguousarray(w, dtype=self.dtype) for w in weights]
        self.biases = [np.ascontiguousarray(b, dtype=self.dtype) for b in biases]
        if not len(self.weights) == len(self.biases) == len(self.weight_layers):
            raise ValueError(f"{len(self.weights)} weights and {len(self.biases)} biases for "
                             f"{len(self.weight_layers)} layers")
        for l, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            if w.shape != self.weight_shape(l) or b.shape != (self.weight_shape(l)[0],):
                raise ValueError(f"layer {self.weight_layers[l]}: weight {w.shape} and bias {b.shape} do "
                                 f"not fit {self.layers[self.weight_layers[l]]} (expected {self.weight_shape(l)})")
        # which layers hand their activation to the pool after them (see the module's docstring)
        self._fused = {i for i, layer in enumerate(self.layers[:-1])
                       if layer.kind == "conv" and self.layers[i + 1].kind == "pool"}
        # the weight layer whose activation makes layer i's output (None: no activation there)
        self._activation_at: list[int | None] = [None] * len(self.layers)
        for l, i in enumerate(self.weight_layers):
            self._activation_at[i + 1 if i in self._fused else i] = l
        self._workspace = Workspace()

    def weight_shape(self, l: int) -> tuple[int, ...]:
        """The shape of ``weights[l]``: (filters, channels, k, k) or (n_out, n_in)."""
        i = self.weight_layers[l]
        layer, before = self.layers[i], self.shapes[i]
        if isinstance(layer, Conv):
            return (layer.filters, before[0], layer.kernel, layer.kernel)
        if isinstance(layer, Dense):
            return (layer.size, before[0])
        raise ValueError(f"weight layer {l} is a {layer.kind}")   # weight_layers holds no other

    def _initial_parameters(self, init: str, seed: int | None) -> tuple[list[np.ndarray], list[np.ndarray]]:
        rng = np.random.default_rng(seed)
        weights: list[np.ndarray] = []
        biases: list[np.ndarray] = []
        for l, name in enumerate(self.activation_names):
            scheme = default_init(name) if init == "auto" else init
            if scheme not in INIT_SCHEMES:
                raise ValueError(f"unknown initialisation {init!r} (known: auto, {', '.join(INIT_SCHEMES)})")
            shape = self.weight_shape(l)
            weights.append(INIT_SCHEMES[scheme](*shape, rng) if len(shape) == 2
                           else _kernel_init(scheme, shape, rng))
            biases.append(np.zeros(shape[0]))
        return weights, biases

    # --- sizes -----------------------------------------------------------------------------

    @property
    def n_layers(self) -> int:
        """Number of weight layers (convolutions and dense layers)."""
        return len(self.weights)

    @property
    def sizes(self) -> list[int]:
        """Numbers per layer output, the input first: pixels × channels for maps, neurons for
        dense layers — e.g. [784, 6272, 1568, 3136, 784, 784, 10]. Not an MLP's ``sizes``: the
        layers are in ``layers``."""
        return [math.prod(s) for s in self.shapes]

    @property
    def n_inputs(self) -> int:
        return math.prod(self.input_shape)

    @property
    def n_outputs(self) -> int:
        return self.shapes[-1][0]

    def describe(self) -> str:
        """``conv 5×5 ×8 pad 2 → max-pool 2 → … → dense 10 relu/relu/softmax``."""
        return describe(self.layers) + " " + "/".join(self.activation_names)

    # --- forward ---------------------------------------------------------------------------

    def _maps(self, x: ArrayLike) -> np.ndarray:
        """Rows of pixels (batch, c·h·w) — or one image — as maps (c, batch, h, w)."""
        a = np.asarray(x, dtype=self.dtype)
        if a.ndim == 1 or a.ndim == len(self.input_shape):
            a = a[None]
        a = a.reshape(len(a), *self.input_shape)                   # (batch, c, h, w)
        return a.transpose(1, 0, 2, 3)                             # (c, batch, h, w), a view

    def forward(self, x: np.ndarray) -> ConvForward:
        """Run the network on x (batch, n_in) — or one example — keeping what backprop needs."""
        a = self._maps(x)
        fwd = ConvForward([None] * len(self.layers), [a] + [None] * len(self.layers))
        l = 0
        for i, layer in enumerate(self.layers):
            if isinstance(layer, Conv):
                z, fwd.cols[i] = conv_forward(a, self.weights[l], self.biases[l], layer.padding,
                                              self._workspace)
                fwd.zs[i] = z
                a = z if i in self._fused else self.layer_activations[l].f(z)
                l += 1
            elif layer.kind == "pool":
                a, fwd.which[i] = maxpool_forward(a)
                if i - 1 in self._fused:                           # the convolution's activation, now
                    fwd.zs[i] = a
                    a = self.layer_activations[l - 1].f(a)
            elif layer.kind == "flatten":
                a = a.transpose(1, 0, 2, 3).reshape(a.shape[1], -1)  # (batch, c·h·w), PyTorch's order
            else:
                z = a @ self.weights[l].T                           # (batch, n_out)
                z += self.biases[l]
                fwd.zs[i] = z
                a = self.layer_activations[l].f(z)
                l += 1
            fwd.activations[i + 1] = None if i in self._fused else a
        return fwd

    def layer_output(self, fwd: ConvForward, i: int) -> np.ndarray:
        """Layer i's output in ``fwd`` (maps (c, batch, h, w) or (batch, n)), computed if the
        forward pass left it to the pool after it."""
        if fwd.activations[i + 1] is None:
            l = self.weight_layers.index(i)
            fwd.activations[i + 1] = self.layer_activations[l].f(_computed(fwd.zs[i]))
        return _computed(fwd.activations[i + 1])

    def release(self, fwd: ConvForward) -> None:
        """Give ``fwd``'s scratch arrays back for the next pass (``fwd`` can no longer be
        back-propagated)."""
        for cols in fwd.cols.values():
            self._workspace.give("cols", cols)
        fwd.cols.clear()

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """The output activations only, (batch, n_out), a chunk of images at a time (bounded
        scratch memory, whatever the batch)."""
        x = np.asarray(x, dtype=self.dtype)
        if x.ndim == 1 or x.ndim == len(self.input_shape):
            x = x[None]
        per_image = max(math.prod(self.shapes[i][0:1]) * layer.kernel ** 2
                        * math.prod(self.shapes[i + 1][1:]) for i, layer in enumerate(self.layers)
                        if isinstance(layer, Conv))
        chunk = max(1, CHUNK_COLS // per_image)
        out = []
        for start in range(0, len(x), chunk):
            fwd = self.forward(x[start:start + chunk])
            self.release(fwd)
            out.append(fwd.output)
        return np.concatenate(out) if out else np.zeros((0, self.n_outputs), self.dtype)

    def predict(self, x: np.ndarray) -> np.ndarray:
        return self.predict_proba(x).argmax(axis=1)

    # --- backward --------------------------------------------------------------------------

    def backprop(self, fwd: ConvForward, delta: np.ndarray, input_grad: bool = False,
                 tie_mask: bool = False) -> Gradients:
        """Walk back from δ = dL/dz of the output layer, (batch, n_out); gives the scratch arrays
        back. ``deltas[l]``: dL/dz of weight layer l (maps for a convolution). ``tie_mask``: the
        pools' backward **wrong on purpose** (``convolution.maxpool_backward_mask``, a mask
        x == max that counts a tied window's gradient once per tied pixel), for the lesson and the
        page that show the mistake beside the numeric slope; training never sets it."""
        n = self.n_layers
        # placeholders, each set below as the walk back reaches its layer (mypy cannot follow that)
        grad_w: list[np.ndarray] = [None] * n  # type: ignore[list-item]
        grad_b: list[np.ndarray] = [None] * n  # type: ignore[list-item]
        deltas: list[np.ndarray] = [None] * n  # type: ignore[list-item]
        l = n - 1
        grad = delta                         # dL/dz of the last layer (its activation: the loss's)
        last = len(self.layers) - 1
        for i in range(last, -1, -1):
            layer, a_in = self.layers[i], fwd.activations[i]
            if i < last and (at := self._activation_at[i]) is not None:     # dL/da → dL/dz
                act = self.layer_activations[at]
                grad = act.backward(_computed(fwd.zs[i]), _computed(fwd.activations[i + 1]), grad)
            first = i == 0 and not input_grad
            if layer.kind == "dense":
                deltas[l] = grad
                grad_w[l] = grad.T @ a_in                          # (n_out, n_in)
                grad_b[l] = grad.sum(axis=0)
                grad = grad @ self.weights[l]                      # dL/da_in, (batch, n_in)
                l -= 1
            elif isinstance(layer, Conv):
                deltas[l] = grad
                grad_w[l], grad_b[l], grad_x = conv_backward(grad, fwd.cols[i], self.weights[l], layer.padding,
                                                             input_grad=not first, workspace=self._workspace)
                l -= 1
                if grad_x is None:                                 # the first layer, no dL/dx wanted
                    break
                grad = grad_x
            elif layer.kind == "pool" and tie_mask:
                fused = i - 1 in self._fused                      # the pool took the conv's z
                x_in = _computed(fwd.zs[i - 1] if fused else a_in)
                pooled = _computed(fwd.zs[i]) if fused else _computed(fwd.activations[i + 1])
                grad = maxpool_backward_mask(grad, x_in, pooled)
            elif layer.kind == "pool":
                grad = maxpool_backward(grad, fwd.which[i], self.shapes[i][:1] + (grad.shape[1],)
                                        + self.shapes[i][1:])
            else:                                                  # flatten: rows back to maps
                c, h, w = self.shapes[i]
                grad = grad.reshape(len(grad), c, h, w).transpose(1, 0, 2, 3)
        self.release(fwd)
        grad_input = None
        if input_grad:                                             # maps back to rows of pixels
            grad_input = grad.transpose(1, 0, 2, 3).reshape(grad.shape[1], -1)
        return Gradients(grad_w, grad_b, deltas, grad_input)

    def gradients(self, x: np.ndarray, y: np.ndarray, loss: Loss, tie_mask: bool = False) -> tuple[float, Gradients]:
        """The batch-mean loss for (x, y) and its gradients with respect to every parameter
        (``tie_mask``: see ``backprop``)."""
        fwd = self.forward(x)
        out_act = self.layer_activations[-1]
        value = loss.value(fwd.output, y, out_act)
        delta = loss.delta(_computed(fwd.zs[-1]), fwd.output, y, out_act)
        return value, self.backprop(fwd, delta, tie_mask=tie_mask)

    def loss(self, x: np.ndarray, y: np.ndarray, loss: Loss) -> float:
        return loss.value(self.predict_proba(x), y, self.layer_activations[-1])

    # --- copies ----------------------------------------------------------------------------

    def copy(self, dtype: DTypeLike | None = None) -> ConvNet:
        """An independent copy (optionally in another dtype, e.g. float64 for gradient checks)."""
        return ConvNet(self.layers, self.input_shape, [w.copy() for w in self.weights],
                       [b.copy() for b in self.biases], dtype=dtype or self.dtype)

    def snapshot(self) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
        """Read-only copies of (weights, biases): safe to hand to another thread."""
        ws, bs = [w.copy() for w in self.weights], [b.copy() for b in self.biases]
        for arr in ws + bs:
            arr.flags.writeable = False
        return tuple(ws), tuple(bs)

    def set_parameters(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> None:
        """Copy new values into this network's parameters (shapes must match)."""
        weights, biases = list(weights), list(biases)
        if len(weights) != len(self.weights) or len(biases) != len(self.biases):
            raise ValueError(f"{len(weights)} weights and {len(biases)} biases for {self.n_layers} layers")
        for dst, src in zip(self.weights + self.biases, weights + biases):
            if dst.shape != np.shape(src):
                raise ValueError(f"parameter shape {np.shape(src)} does not fit {dst.shape}")
            np.copyto(dst, src)

    def __repr__(self) -> str:
        return f"ConvNet({self.describe()}, {self.n_params:,} parameters)"


def _computed(array: np.ndarray | None) -> np.ndarray:
    """An array the forward pass filled in (a weighted input, an output); None there would be a
    pass of another network."""
    if array is None:
        raise ValueError("the forward pass did not compute this layer's values")
    return array


def _kernel_init(scheme: str, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
    """Kernels (f, c, k, k): He N(0, 2/fan_in) or Xavier N(0, 2/(fan_in + fan_out)), where a
    kernel's fan-in is c·k·k and its fan-out f·k·k (as PyTorch counts them)."""
    f, c, k, _ = shape
    fan_in, fan_out = c * k * k, f * k * k
    var = 2.0 / fan_in if scheme == "he" else 2.0 / (fan_in + fan_out)
    return rng.normal(0.0, math.sqrt(var), size=shape)
