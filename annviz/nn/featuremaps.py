"""What the Convolution page shows, computed without Qt: feature maps, receptive fields, sums.

- ``feature_maps(net, image)``: every layer of a ``ConvNet`` for one 28×28 image, as the network
  itself computes it (``ConvNet.forward`` and ``layer_output``): each convolution's maps after its
  activation, each pool's maps, the ten probabilities.
- ``receptive_field(layers, i, y, x)``: the input pixels that pixel (y, x) of layer i's output
  depends on, walking back through the convolutions (a k×k window shifted by the padding) and the
  pools (a 2×2 window), clipped to the image.
- ``conv_terms(net, maps, i, f, y, x)``: the numbers of one convolution's sum at one pixel,
  z = Σ wᵢaᵢ + b — the kernel, the input window it lies on (zeros in the padding), the bias.
- A filter by hand: ``PRESETS`` (vertical edge, horizontal edge, blur, sharpen; 3×3 and 5×5),
  ``hand_window`` and ``hand_convolve`` — the kernel slid over the zero-padded image, stride 1,
  the output as large as the image (cross-correlation, as every deep-learning library computes a
  "convolution": the kernel is not flipped), and ``edge_direction``: whether a kernel answers to
  horizontal strokes, vertical ones, or any.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from annviz.nn.layers import Conv, Layer

if TYPE_CHECKING:   # the network is the caller's: nothing here builds one
    from annviz.nn.convnet import ConvNet

SIDE = 28       # the input image's side

#: The hand filter's presets, 3×3: Sobel's edges (positive where the image grows brighter to the
#: right / downwards), a box blur and a sharpening kernel.
_PRESETS_3 = {
    "vertical": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
    "horizontal": [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
    "blur": [[1 / 9] * 3] * 3,
    "sharpen": [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
}
PRESET_NAMES = tuple(_PRESETS_3)
KERNEL_SIZES = (3, 5)


def preset(name: str, size: int = 3) -> np.ndarray:
    """The preset ``name`` as a ``size``×``size`` float kernel (size 3 or 5)."""
    if name not in _PRESETS_3:
        raise ValueError(f"unknown preset {name!r} (known: {', '.join(PRESET_NAMES)})")
    if size not in KERNEL_SIZES:
        raise ValueError(f"a hand kernel is 3×3 or 5×5, not {size}×{size}")
    if size == 3:
        return np.array(_PRESETS_3[name], dtype=float)
    smooth, slope = np.array([1.0, 4, 6, 4, 1]) / 16, np.array([-1.0, -2, 0, 2, 1])
    if name == "vertical":
        return np.outer(smooth * 4, slope)          # rows weighted 1 4 6 4 1, a slope across
    if name == "horizontal":
        return np.outer(slope, smooth * 4)
    if name == "blur":
        return np.full((5, 5), 1 / 25)
    kernel = np.full((5, 5), -1 / 25)               # sharpen: twice the pixel less the blur
    kernel[2, 2] += 2
    return kernel


def _padded(image: np.ndarray, k: int) -> np.ndarray:
    image = np.asarray(image, dtype=float)
    if image.ndim != 2:
        raise ValueError(f"an image is 2-D, not {image.shape}")
    return np.pad(image, k // 2)


def hand_window(image: np.ndarray, k: int, y: int, x: int) -> np.ndarray:
    """The k×k pixels of the zero-padded image under the kernel centred on (y, x)."""
    return _padded(image, k)[y:y + k, x:x + k]


def hand_convolve(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Σ kernel · window at every pixel: an output of the image's size (padding k // 2)."""
    kernel = np.asarray(kernel, dtype=float)
    k = kernel.shape[0]
    if kernel.shape != (k, k) or k % 2 == 0:
        raise ValueError(f"a hand kernel is square and odd, not {kernel.shape}")
    windows = np.lib.stride_tricks.sliding_window_view(_padded(image, k), (k, k))
    return np.einsum("yxij,ij->yx", windows, kernel)


#: A kernel "finds" horizontal (vertical) strokes when its strongest answer to a horizontal bar is
#: at least this many times its strongest answer to a vertical one (and the other way round).
DIRECTION_RATIO = 2.0


def edge_direction(kernel: np.ndarray) -> str:
    """What a 2-D kernel answers to most: "horizontal" strokes and edges, "vertical" ones, or
    "any" (a blur, a spot, noise). Measured, not read from the numbers: the largest |sum| it gives
    on a horizontal bar 4 pixels thick against that on a vertical one, away from the image's
    border (whose zero padding is an edge of its own)."""
    kernel = np.asarray(kernel, dtype=float)
    if kernel.ndim != 2:
        raise ValueError(f"a kernel of one input map is 2-D, not {kernel.shape}")
    bar = np.zeros((SIDE, SIDE))
    bar[12:16] = 1.0
    inner = slice(6, SIDE - 6)
    across = float(np.abs(hand_convolve(bar, kernel)[inner, inner]).max())
    down = float(np.abs(hand_convolve(bar.T, kernel)[inner, inner]).max())
    if across > DIRECTION_RATIO * down:
        return "horizontal"
    if down > DIRECTION_RATIO * across:
        return "vertical"
    return "any"


# --- a trained network's layers ------------------------------------------------------------

@dataclass
class Maps:
    """One layer's output for one image: ``kind`` "conv" (after its activation), "pool" or
    "output"; ``layer`` its index in ``net.layers``; ``values`` (channels, h, w) for maps, (n,)
    for the output's probabilities; ``conv`` the number of the convolution it belongs to (0, 1 …)."""

    kind: str
    layer: int
    conv: int
    values: np.ndarray


def as_input(image: np.ndarray) -> np.ndarray:
    """A 28×28 image (floats in [0, 1]) as the network's one row of 784 pixels."""
    image = np.asarray(image, dtype=np.float32)
    if image.shape != (SIDE, SIDE):
        raise ValueError(f"the network takes a {SIDE}×{SIDE} image, not {image.shape}")
    return image.reshape(1, SIDE * SIDE)


def feature_maps(net: ConvNet, image: np.ndarray) -> list[Maps]:
    """Every convolution's maps (after its activation), every pool's, and the probabilities,
    for one image — the network's own forward pass (copies: the caller may keep them)."""
    fwd = net.forward(as_input(image))
    out, conv = [], -1
    for i, layer in enumerate(net.layers):
        if layer.kind == "conv":
            conv += 1
            out.append(Maps("conv", i, conv, np.array(net.layer_output(fwd, i)[:, 0])))
        elif layer.kind == "pool":
            out.append(Maps("pool", i, conv, np.array(net.layer_output(fwd, i)[:, 0])))
    out.append(Maps("output", len(net.layers) - 1, conv, np.array(fwd.output[0])))
    net.release(fwd)
    return out


def receptive_field(layers: Sequence[Layer], i: int, y: int, x: int, side: int = SIDE) -> tuple[int, int, int, int]:
    """(top, left, bottom, right), bottom and right excluded: the input pixels that pixel (y, x)
    of layer i's output depends on, clipped to the image."""
    top, left, bottom, right = y, x, y + 1, x + 1
    for layer in reversed(layers[:i + 1]):
        if isinstance(layer, Conv):
            top, left = top - layer.padding, left - layer.padding
            bottom, right = bottom - layer.padding + layer.kernel - 1, right - layer.padding + layer.kernel - 1
        elif layer.kind == "pool":
            top, left, bottom, right = 2 * top, 2 * left, 2 * bottom, 2 * right
        elif layer.kind in ("flatten", "dense"):
            return 0, 0, side, side
    return max(top, 0), max(left, 0), min(bottom, side), min(right, side)


@dataclass
class Terms:
    """The numbers of z = Σ wᵢaᵢ + b at one pixel of a convolution's map: ``weights`` and
    ``inputs`` (channels, k, k) — the inputs zero where the kernel lies on the padding —, ``bias``,
    ``z`` and ``a`` (after the activation)."""

    weights: np.ndarray
    inputs: np.ndarray
    bias: float
    z: float
    a: float

    @property
    def products(self) -> np.ndarray:
        return self.weights * self.inputs


def conv_terms(net: ConvNet, maps: list[Maps], i: int, f: int, y: int, x: int, image: np.ndarray) -> Terms:
    """The sum of filter f of convolution layer i at (y, x), from the maps ``feature_maps`` gave
    for ``image`` (the input of a convolution is the image or the pool before it)."""
    layer = net.layers[i]
    if not isinstance(layer, Conv):
        raise ValueError(f"layer {i} is a {layer.kind}, not a convolution")
    before = [m for m in maps if m.layer < i and m.kind != "output"]
    source = np.asarray(image, dtype=float)[None] if not before else before[-1].values.astype(float)
    k, p = layer.kernel, layer.padding
    padded = np.pad(source, ((0, 0), (p, p), (p, p)))
    inputs = padded[:, y:y + k, x:x + k]
    l = net.weight_layers.index(i)
    weights = np.asarray(net.weights[l][f], dtype=float)
    bias = float(net.biases[l][f])
    z = float((weights * inputs).sum() + bias)
    a = float(net.layer_activations[l].f(np.array([z]))[0])
    return Terms(weights, inputs, bias, z, a)


@dataclass
class FilterGradient:
    """How the loss on one drawing, as if it were ``label``, changes with one filter: ``weights``
    dL/dw (channels, k, k) and ``bias`` dL/db by backpropagation (``tie_mask``: through the wrong
    max-pool backward), ``numeric_bias`` the slope (L(b + h) − L(b − h)) / 2h, and the ``loss``."""

    weights: np.ndarray
    bias: float
    numeric_bias: float
    loss: float
    label: int
    tie_mask: bool

    @property
    def relative_error(self) -> float:
        """|backprop − numeric| / max(|backprop|, |numeric|), 0 when both are 0."""
        top = max(abs(self.bias), abs(self.numeric_bias))
        return 0.0 if top == 0 else abs(self.bias - self.numeric_bias) / top


def filter_gradient(net: ConvNet, image: np.ndarray, label: int, conv: int, f: int, tie_mask: bool = False,
                    h: float = 1e-4) -> FilterGradient:
    """The gradient of the cross-entropy loss of ``image`` labelled ``label`` with respect to
    filter ``f`` of convolution ``conv`` (both from 0), in float64 on a copy of ``net``; beside
    the bias's gradient, its numeric slope. ``tie_mask=True`` back-propagates through the pools
    with a mask x == max (``ConvNet.backprop``): where a window's values tie — the flat background,
    the inside of a thick stroke — the gradient is counted once per tied pixel, and the numeric
    slope shows it."""
    from annviz.nn.losses import get_loss

    net64 = net.copy(np.float64)
    i = [j for j, layer in enumerate(net64.layers) if layer.kind == "conv"][conv]
    l = net64.weight_layers.index(i)
    x = as_input(image).astype(np.float64)
    y = np.array([int(label)])
    loss = get_loss("cross-entropy")
    value, grads = net64.gradients(x, y, loss, tie_mask=tie_mask)
    b0 = float(net64.biases[l][f])
    slopes = []
    for b in (b0 + h, b0 - h):
        net64.biases[l][f] = b
        slopes.append(net64.loss(x, y, loss))
    net64.biases[l][f] = b0
    return FilterGradient(np.array(grads.grad_w[l][f]), float(grads.grad_b[l][f]),
                          (slopes[0] - slopes[1]) / (2 * h), float(value), int(label), tie_mask)


__all__ = ["KERNEL_SIZES", "PRESET_NAMES", "FilterGradient", "Maps", "Terms", "as_input", "conv_terms",
           "edge_direction", "feature_maps", "filter_gradient", "hand_convolve", "hand_window", "preset",
           "receptive_field"]
