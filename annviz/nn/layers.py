"""The layers a convolutional network is a sequence of — what each is, not how it computes.

- ``Conv``: 2-D convolution, ``filters`` kernels of ``kernel``×``kernel`` over every input map,
  stride 1, ``padding`` zeros around each map, then ``activation`` (PyTorch: ``nn.Conv2d`` and
  the activation's module);
- ``Pool``: max pooling over 2×2 windows, stride 2 (``nn.MaxPool2d(2)``);
- ``Flatten``: the maps as one vector per image, channel by channel, row by row
  (``nn.Flatten()``, the same order);
- ``Dense``: the fully connected layer of the MLP, ``size`` neurons and ``activation``
  (``nn.Linear``; the output layer's softmax is the loss's business in PyTorch).

Shapes are (channels, height, width) for maps and (n,) for vectors. ``check_layers`` is the one
place where a sequence is judged: the order (convolutions and pools, one flatten, dense layers),
every size within the bounds below, the parameters within ``MAX_PARAMETERS`` and the work per
image within ``MAX_WORK`` — all from the description, before any weight is allocated, so a
hostile file's 10⁹ filters cost nothing. ``torch_indices`` names each layer's place in PyTorch's
``nn.Sequential``, which is how model files name their tensors (``0.weight``, ``3.weight`` …).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, ClassVar

from annviz.nn.activations import HIDDEN_ACTIVATIONS, get_activation
from annviz.nn.limits import MAX_PARAMETERS

MAX_FILTERS = 512          # kernels of one convolution (PyTorch's MNIST examples use 32–64)
MAX_KERNEL = 11            # pixels on a kernel's side
MAX_CONV_LAYERS = 8        # convolutions in one network
MAX_DENSE = 2048           # neurons of a dense layer (as nn.limits.MAX_LAYER_SIZE)
MAX_DENSE_LAYERS = 32
#: Multiply-adds of one image's forward pass, and numbers of its largest unrolled window matrix
#: (im2col). The reference net needs 0.8 M and 0.1 M; PyTorch's MNIST example 12 M and 0.2 M. A
#: forward pass of one image stays under a second and 256 MiB of scratch whatever a file says.
MAX_WORK = 500_000_000
MAX_COLS = 64 * 2**20 // 4


class LayerError(ValueError):
    """A sequence of layers that cannot be built; ``code`` and ``values`` say why in the words of
    annviz.messages (``model.layers_*``), ``str()`` in English."""

    def __init__(self, code: str, **values: Any) -> None:
        from annviz.messages import english

        super().__init__(english(code, values))
        self.code, self.values = code, values


@dataclass(frozen=True)
class Conv:
    filters: int
    kernel: int = 5
    padding: int = 2
    activation: str = "relu"
    kind: ClassVar[str] = "conv"

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        c, h, w = shape
        return (self.filters, h + 2 * self.padding - self.kernel + 1, w + 2 * self.padding - self.kernel + 1)

    def n_params(self, shape: tuple[int, ...]) -> int:
        return self.filters * shape[0] * self.kernel ** 2 + self.filters

    def describe(self) -> str:
        return f"conv {self.kernel}×{self.kernel} ×{self.filters}" + (f" pad {self.padding}" if self.padding else "")


@dataclass(frozen=True)
class Pool:
    size: int = 2
    kind: ClassVar[str] = "pool"

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        c, h, w = shape
        return (c, h // 2, w // 2)

    def n_params(self, shape: tuple[int, ...]) -> int:
        return 0

    def describe(self) -> str:
        return "max-pool 2"


@dataclass(frozen=True)
class Flatten:
    kind: ClassVar[str] = "flatten"

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        return (math.prod(shape),)

    def n_params(self, shape: tuple[int, ...]) -> int:
        return 0

    def describe(self) -> str:
        return "flatten"


@dataclass(frozen=True)
class Dense:
    size: int
    activation: str = "relu"
    kind: ClassVar[str] = "dense"

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        return (self.size,)

    def n_params(self, shape: tuple[int, ...]) -> int:
        return self.size * shape[0] + self.size

    def describe(self) -> str:
        return f"dense {self.size}"


Layer = Conv | Pool | Flatten | Dense
KINDS = {cls.kind: cls for cls in (Conv, Pool, Flatten, Dense)}


def activation_of(layer: Layer) -> str:
    """The activation a layer names: a convolution's or a dense layer's; "identity" for the others."""
    return layer.activation if isinstance(layer, (Conv, Dense)) else "identity"


def to_dict(layer: Layer) -> dict[str, Any]:
    """The layer as a model file's metadata lists it: ``{"kind": "conv", "filters": 8, …}``."""
    return {"kind": layer.kind, **asdict(layer)}


def reference(filters: Sequence[int] = (8, 16), hidden: Sequence[int] = (), activation: str = "relu", n_out: int = 10,
              output: str = "softmax", kernel: int = 5) -> list[Layer]:
    """Convolutions of ``filters`` kernels each (``kernel``×``kernel``, padded to keep the size,
    each followed by a 2×2 max-pool), then dense layers of ``hidden`` neurons and the output layer:
    ``reference()`` is conv 5×5 ×8 → pool → conv 5×5 ×16 → pool → dense 10, annviz's reference net."""
    layers: list[Layer] = []
    for f in filters:
        layers += [Conv(int(f), kernel, kernel // 2, activation), Pool()]
    layers.append(Flatten())
    layers += [Dense(int(n), activation) for n in hidden]
    layers.append(Dense(int(n_out), output))
    return layers


def describe(layers: Sequence[Layer], input_shape: tuple[int, ...] = (1, 28, 28)) -> str:
    """``conv 5×5 ×8 pad 2 → max-pool 2 → … → dense 10``."""
    return " → ".join(layer.describe() for layer in layers)


def shapes(layers: Sequence[Layer], input_shape: Sequence[int]) -> list[tuple[int, ...]]:
    """The shape of the input and of each layer's output (no checks: see ``check_layers``)."""
    out = [tuple(input_shape)]
    for layer in layers:
        out.append(layer.output_shape(out[-1]))
    return out


def check_layers(layers: Iterable[Layer], input_shape: Sequence[int] = (1, 28, 28),
                 max_parameters: int | None = None) -> list[tuple[int, ...]]:
    """Raise LayerError unless ``layers`` make a network annviz can build and run on inputs of
    ``input_shape``; returns ``shapes(layers, input_shape)``. Arithmetic only: nothing allocated."""
    if max_parameters is None:
        max_parameters = MAX_PARAMETERS
    layers = list(layers)
    kinds = [layer.kind for layer in layers]
    if "conv" not in kinds or kinds.count("flatten") != 1 or kinds[-1] != "dense":
        raise LayerError("model.layers_order")
    cut = kinds.index("flatten")
    if any(k not in ("conv", "pool") for k in kinds[:cut]) or any(k != "dense" for k in kinds[cut + 1:]) \
            or kinds[0] != "conv":
        raise LayerError("model.layers_order")
    n_conv, n_dense = kinds.count("conv"), kinds.count("dense")
    if n_conv > MAX_CONV_LAYERS or n_dense > MAX_DENSE_LAYERS:
        raise LayerError("model.layers_count", conv=n_conv, dense=n_dense, most_conv=MAX_CONV_LAYERS,
                         most_dense=MAX_DENSE_LAYERS)
    shape = tuple(input_shape)
    out = [shape]
    parameters = work = 0
    for i, layer in enumerate(layers):
        if isinstance(layer, Conv):
            if not (1 <= layer.filters <= MAX_FILTERS and 1 <= layer.kernel <= MAX_KERNEL
                    and 0 <= layer.padding < layer.kernel):
                raise LayerError("model.conv_range", layer=i, filters=layer.filters, kernel=layer.kernel,
                                 padding=layer.padding, most_filters=MAX_FILTERS, most_kernel=MAX_KERNEL)
            _check_activation(layer.activation, i, hidden=True)
            new = layer.output_shape(shape)
            if new[1] < 1 or new[2] < 1:
                raise LayerError("model.conv_too_small", layer=i, kernel=layer.kernel, h=shape[1], w=shape[2],
                                 padding=layer.padding)
            cols = shape[0] * layer.kernel ** 2 * new[1] * new[2]
            if cols > MAX_COLS:
                raise LayerError("model.layers_work", layer=i)
            work += cols * layer.filters
        elif isinstance(layer, Pool):
            if layer.size != 2:
                raise LayerError("model.pool_size", layer=i, size=layer.size)
            if shape[1] < 2 or shape[2] < 2:
                raise LayerError("model.pool_too_small", layer=i, h=shape[1], w=shape[2])
            new = layer.output_shape(shape)
        elif isinstance(layer, Dense):
            if not 1 <= layer.size <= MAX_DENSE:
                raise LayerError("model.dense_range", layer=i, size=layer.size, most=MAX_DENSE)
            _check_activation(layer.activation, i, hidden=i < len(layers) - 1)
            new = layer.output_shape(shape)
            work += shape[0] * layer.size
        else:
            new = layer.output_shape(shape)
        parameters += layer.n_params(shape)
        if parameters > max_parameters:
            raise LayerError("too_many_parameters", n=f"{parameters:,}+", most=f"{max_parameters:,}")
        if work > MAX_WORK:
            raise LayerError("model.layers_work", layer=i)
        shape = new
        out.append(shape)
    return out


def _check_activation(name: object, layer: int, hidden: bool) -> None:
    try:
        canonical = get_activation(name if isinstance(name, str) else "").name
    except ValueError:
        canonical = None
    if canonical is None or hidden and canonical not in HIDDEN_ACTIVATIONS:
        raise LayerError("model.layer_activation", layer=layer, name=repr(str(name)[:40]))


# --- PyTorch's nn.Sequential -------------------------------------------------------------------

def torch_modules(layers: Sequence[Layer]) -> list[tuple[str, int | None]]:
    """The modules of the ``nn.Sequential`` that computes ``layers`` as PyTorch writes it, each
    with the index of the layer it belongs to: a layer's activation is a module of its own after
    it (none for identity; none after the last layer: its softmax is the loss's)."""
    modules: list[tuple[str, int | None]] = []
    for i, layer in enumerate(layers):
        modules.append((layer.kind, i))
        last = i == len(layers) - 1
        activation = activation_of(layer)
        if not last and get_activation(activation).name != "identity":
            modules.append((f"activation:{get_activation(activation).name}", None))
    return modules


def torch_indices(layers: Sequence[Layer]) -> list[int | None]:
    """For each layer, its index in the ``nn.Sequential`` (``torch_modules``): the number in
    its tensors' names ``{index}.weight``; None for a layer without parameters."""
    indices: list[int | None] = [None] * len(layers)
    for position, (kind, layer) in enumerate(torch_modules(layers)):
        if layer is not None and kind in ("conv", "dense"):
            indices[layer] = position
    return indices
